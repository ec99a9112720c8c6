/** Console pages under {@code /settings}: API keys, users and the audit log (owners only). */
package io.magpie.tenant.web;
