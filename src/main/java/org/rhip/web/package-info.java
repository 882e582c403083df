/** The console: server-rendered pages over the other modules' APIs. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "indicator", "indicator :: *", "registry", "security", "platform", "surveillance", "person", "record", "interop" })
package org.rhip.web;
