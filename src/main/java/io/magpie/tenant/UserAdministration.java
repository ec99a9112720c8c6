package io.magpie.tenant;

import io.magpie.platform.Actor;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing the current tenant's console users, each change audited in its own
 * transaction. A tenant always keeps at least one enabled owner. Shared by the admin API and the
 * console so both follow the same rules.
 */
@Service
public class UserAdministration {

    private final ConsoleUsers users;
    private final LiveConsoleUsers live;
    private final AuditLog audit;

    UserAdministration(ConsoleUsers users, LiveConsoleUsers live, AuditLog audit) {
        this.users = users;
        this.live = live;
        this.audit = audit;
    }

    @Transactional
    public UserView create(String username, String displayName, String password, Role role) {
        Actor actor = Tenancy.currentActor();
        String name = UserRules.username(username);
        String display = UserRules.displayName(displayName);
        UserRules.password(password);
        if (role == null) {
            throw ProblemException.invalidField("role", "required", "role is required");
        }
        if (users.usernameTaken(name)) {
            throw usernameTaken(name);
        }
        UserView created;
        try {
            created = users.create(actor.tenantId(), name, display, password, role);
        } catch (DuplicateKeyException raced) {
            throw usernameTaken(name);
        }
        audit.record("user.created", "user", created.id(), null, audited(created));
        return created;
    }

    public CursorPage<UserView> list(Integer limit, String cursor) {
        int n = CursorPage.limit(limit);
        return CursorPage.of(users.list(Tenancy.currentTenantId(), n + 1, CursorPage.after(cursor)), n, UserView::id);
    }

    public UserView get(long id) {
        return users.find(Tenancy.currentTenantId(), id).orElseThrow(() -> ProblemException.notFound("user", id));
    }

    /** Changes display name, role and/or enabled; refuses to leave the tenant without an enabled owner. */
    @Transactional
    public UserView update(long id, UserChange change) {
        long tenant = Tenancy.currentTenantId();
        users.lockTenant(tenant);
        UserView before = get(id);
        String display =
                change.displayName() == null ? before.displayName() : UserRules.displayName(change.displayName());
        Role role = change.role() == null ? before.role() : change.role();
        boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
        if (display.equals(before.displayName()) && role == before.role() && enabled == before.enabled()) {
            return before;
        }
        boolean losesOwner = before.role() == Role.OWNER && before.enabled() && (role != Role.OWNER || !enabled);
        if (losesOwner && users.enabledOwners(tenant) <= 1) {
            throw ProblemException.conflict(
                    "last_owner",
                    "'" + before.username() + "' is the last enabled owner; make another user owner first");
        }
        users.update(tenant, id, display, role, enabled);
        UserView after = get(id);
        audit.record("user.updated", "user", id, audited(before), audited(after));
        live.changed(id);
        return after;
    }

    /** Sets a new password; the audit entry records that it changed, never the password. */
    @Transactional
    public void changePassword(long id, String password) {
        UserView user = get(id);
        UserRules.password(password);
        users.changePassword(Tenancy.currentTenantId(), id, password);
        audit.record("user.password_changed", "user", id, null, Map.of("username", user.username()));
    }

    private static ProblemException usernameTaken(String username) {
        return ProblemException.conflict("username_taken", "username '" + username + "' is already taken");
    }

    private static Map<String, Object> audited(UserView user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", user.username());
        state.put("display_name", user.displayName());
        state.put("role", user.role().name());
        state.put("enabled", user.enabled());
        return state;
    }
}
