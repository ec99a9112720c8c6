package io.magpie.tenant;

import io.magpie.platform.Actor;
import java.util.Set;

/** An authenticated API key. */
record ApiKeyPrincipal(long keyId, long tenantId, String prefix, Set<String> scopes) implements Actor {

    @Override
    public String actorName() {
        return "key:" + prefix;
    }
}
