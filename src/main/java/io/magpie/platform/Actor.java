package io.magpie.platform;

/**
 * Who is acting: an API key or a console user, always inside exactly one tenant. The tenant
 * module's authentication puts an {@code Actor} as the security principal.
 */
public interface Actor {

    long tenantId();

    /** Display name for audit records, e.g. {@code user:alice} or {@code key:mk_live_3f…}. */
    String actorName();
}
