/** Part of the indicator module's API, used by the console and the command line. */
@org.springframework.modulith.NamedInterface("catalog")
package org.rhip.indicator.catalog;
