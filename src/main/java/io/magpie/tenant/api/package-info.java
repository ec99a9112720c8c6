/** The admin REST API: API keys, console users and the audit log (all need the {@code admin} scope). */
package io.magpie.tenant.api;
