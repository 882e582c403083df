/** Part of the indicator module's API, used by the console and the command line. */
@org.springframework.modulith.NamedInterface("entry")
package org.rhip.indicator.entry;
