package io.magpie.tenant;

import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/** Test fixtures: tenants with API keys and console users, created through the real services. */
public final class TestTenants {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestTenants() {}

    /** A tenant with an API key carrying the given scopes (all scopes when none are given). */
    public record TestTenant(long id, String apiKey) {}

    public static TestTenant create(ApplicationContext context, String... scopes) {
        Tenants tenants = context.getBean(Tenants.class);
        TenantView t = tenants.create("Test Shop " + COUNTER.incrementAndGet(), "CNY", ZoneId.of("Asia/Shanghai"));
        return new TestTenant(t.id(), apiKey(context, t.id(), scopes));
    }

    public static String apiKey(ApplicationContext context, long tenantId, String... scopes) {
        Set<String> s = scopes.length == 0 ? Set.copyOf(io.magpie.platform.Scopes.ALL) : Set.of(scopes);
        return context.getBean(ApiKeys.class)
                .create(tenantId, "test key", s, "test")
                .key();
    }

    public static void revoke(ApplicationContext context, long tenantId, String apiKey) {
        ApiKeys keys = context.getBean(ApiKeys.class);
        long id = keys.authenticate(apiKey).orElseThrow().keyId();
        keys.revoke(tenantId, id);
    }

    /** Creates a console user; returns the username (unique across the test JVM). */
    public static String user(ApplicationContext context, long tenantId, String password, String role) {
        String username = role.toLowerCase() + COUNTER.incrementAndGet();
        context.getBean(ConsoleUsers.class).create(tenantId, username, "Test " + role, password, Role.valueOf(role));
        return username;
    }
}
