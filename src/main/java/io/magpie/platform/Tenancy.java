package io.magpie.platform;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The tenant of the current request. It comes from the credentials, never from a request body. */
public final class Tenancy {

    private Tenancy() {}

    public static Actor currentActor() {
        return findActor()
                .orElseThrow(() ->
                        new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "authentication required"));
    }

    public static long currentTenantId() {
        return currentActor().tenantId();
    }

    public static Optional<Actor> findActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }
}
