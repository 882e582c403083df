/**
 * The command line of DESIGN.md §4: starts the application for each command that needs it
 * ({@code surveil detect} is a pure computation and starts nothing).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "indicator", "indicator :: *", "security", "platform",
		"surveillance", "surveillance :: detect", "interop", "record", "care", "registry", "synthetic" })
package org.rhip.cli;
