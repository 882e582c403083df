/** The command line of DESIGN.md §4: starts the application for each command. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "indicator", "indicator :: *", "security", "platform" })
package org.rhip.cli;
