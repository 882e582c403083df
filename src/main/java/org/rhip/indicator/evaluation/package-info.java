/** Part of the indicator module's API, used by the console and the command line. */
@org.springframework.modulith.NamedInterface("evaluation")
package org.rhip.indicator.evaluation;
