package io.magpie.tenant;

import io.magpie.platform.Actor;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing and revoking the current tenant's API keys, each change audited in its own
 * transaction. Shared by the admin API and the console so both follow the same rules.
 */
@Service
public class ApiKeyAdministration {

    static final int MAX_NAME_LENGTH = 100;

    private final ApiKeys keys;
    private final AuditLog audit;

    ApiKeyAdministration(ApiKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** Creates a key; the secret is in the result and nowhere else. */
    @Transactional
    public CreatedApiKey create(String name, Collection<String> scopes) {
        Actor actor = Tenancy.currentActor();
        String checkedName = checkName(name);
        Set<String> checkedScopes = checkScopes(scopes);
        CreatedApiKey created = keys.create(actor.tenantId(), checkedName, checkedScopes, actor.actorName());
        audit.record("api_key.created", "api_key", created.view().id(), null, audited(created.view()));
        return created;
    }

    public CursorPage<ApiKeyView> list(Integer limit, String cursor) {
        int n = CursorPage.limit(limit);
        return CursorPage.of(keys.list(Tenancy.currentTenantId(), n + 1, CursorPage.after(cursor)), n, ApiKeyView::id);
    }

    public ApiKeyView get(long id) {
        return keys.find(Tenancy.currentTenantId(), id).orElseThrow(() -> ProblemException.notFound("api key", id));
    }

    /**
     * Revokes a key at once (on this node; other nodes within seconds). Idempotent: revoking a
     * revoked key changes and audits nothing. A key may revoke itself, e.g. to retire a leaked one.
     */
    @Transactional
    public ApiKeyView revoke(long id) {
        long tenant = Tenancy.currentTenantId();
        ApiKeyView before = get(id);
        if (!keys.revoke(tenant, id)) {
            return before;
        }
        ApiKeyView after = get(id);
        audit.record("api_key.revoked", "api_key", id, audited(before), audited(after));
        return after;
    }

    static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw ProblemException.invalidField("name", "required", "name is required");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw ProblemException.invalidField(
                    "name", "size", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    /** Known scopes in display order; any unknown one fails the whole request. */
    static Set<String> checkScopes(Collection<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw ProblemException.invalidField("scopes", "required", "at least one scope is required");
        }
        List<FieldProblem> unknown = new ArrayList<>();
        int i = 0;
        for (String scope : scopes) {
            if (scope == null || !Scopes.ALL.contains(scope)) {
                unknown.add(new FieldProblem(
                        "scopes[" + i + "]", "unknown_scope", "'" + scope + "' is not one of " + Scopes.ALL));
            }
            i++;
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "unknown_scope",
                    "unknown scope; allowed: " + String.join(", ", Scopes.ALL),
                    unknown);
        }
        Set<String> ordered = new LinkedHashSet<>();
        Scopes.ALL.stream().filter(scopes::contains).forEach(ordered::add);
        return ordered;
    }

    private static Map<String, Object> audited(ApiKeyView key) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", key.name());
        state.put("prefix", key.prefix());
        state.put("scopes", key.scopes());
        state.put("active", key.active());
        if (key.revokedAt() != null) {
            state.put("revoked_at", key.revokedAt().toString());
        }
        return state;
    }
}
