/** The console: server-rendered pages over the other modules' APIs. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "indicator", "indicator :: *", "registry", "security", "platform", "surveillance", "person", "record", "interop", "care" })
package org.rhip.web;
