/** 信息安全 — users, roles, org-unit scope, API clients. Depends on the registry for scopes. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "platform" })
package org.rhip.security;
