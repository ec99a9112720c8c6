/** Tenants (merchants), API keys, console users and roles, authentication and the audit log. */
@org.springframework.modulith.ApplicationModule(displayName = "Tenants and access")
package io.magpie.tenant;
