/**
 * Shared kernel: money, problems with stable codes, tenancy context, idempotency, cursor paging,
 * background jobs, request ids and the embedded database. Open to every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.magpie.platform;
