/**
 * Shared infrastructure every module stands on: the database (embedded or external). Holds no
 * domain logic and owns no tables.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rhip.platform;
