package io.magpie.tenant;

import io.magpie.platform.Actor;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person logged into the console. */
record ConsoleUser(
        long id, long tenantId, String username, String displayName, String passwordHash, Role role, boolean enabled)
        implements UserDetails, Actor {

    @Override
    public String actorName() {
        return "user:" + username;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The hash never leaves the login: sessions keep a copy without it. */
    ConsoleUser withoutPassword() {
        return new ConsoleUser(id, tenantId, username, displayName, "", role, enabled);
    }
}
