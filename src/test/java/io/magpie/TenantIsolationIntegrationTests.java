package io.magpie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant B, holding a key with every scope, calls every {@code /api/**} endpoint that exists —
 * discovered from the handler mappings, so new endpoints are covered without editing this test —
 * aimed at tenant A's identifiers. No response may contain A's data, and no row of A in any table
 * with a {@code tenant_id} column may change. An endpoint whose path variables or request body
 * this test does not know how to fill fails the test until a sample is added below.
 */
@MagpieIntegrationTest
class TenantIsolationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Marker written into tenant A's data; it must never appear in tenant B's responses. */
    final String marker = "tenantA" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void tenantBCannotReadOrChangeTenantAsDataThroughAnyEndpoint() {
        var a = TestTenants.create(context);
        var b = TestTenants.create(context);
        Api api = Api.of(context);
        Map<String, String> ids = TenantAFixture.create(api, a, marker, context);

        // positive control: A's own reads show the marker, so its absence from B's answers means something
        long visibleToA = endpoints().keySet().stream()
                .filter(e -> e.startsWith("GET ") && !e.contains("/test/"))
                .map(e -> fill(e.substring(4), ids, new ArrayList<>()))
                .filter(p -> p != null && api.get(p, a.apiKey()).body().contains(marker))
                .count();
        assertThat(visibleToA).isGreaterThanOrEqualTo(10);

        String before = snapshot(a.id());
        List<String> problems = new ArrayList<>();
        int called = 0;
        for (var entry : endpoints().entrySet()) {
            String method = entry.getKey().split(" ")[0];
            String pattern = entry.getKey().split(" ")[1];
            if (pattern.startsWith("/api/v1/test/")) {
                continue; // test-only endpoints
            }
            String path = fill(pattern, ids, problems);
            if (path == null) {
                continue;
            }
            String body = TenantAFixture.body(method, pattern, ids);
            if (body == null && !method.equals("GET") && !method.equals("DELETE")) {
                problems.add("no sample request body for " + entry.getKey() + " in TenantAFixture.body");
                continue;
            }
            Api.Response r = switch (method) {
                case "GET" -> api.get(path, b.apiKey());
                case "DELETE" -> api.delete(path, b.apiKey());
                case "POST" -> api.post(path, b.apiKey(), body);
                case "PUT" -> api.put(path, b.apiKey(), body);
                default -> api.send(method, path, b.apiKey(), "application/json", body.getBytes());
            };
            called++;
            if (r.body() != null && r.body().contains(marker)) {
                problems.add(method + " " + path + " leaked tenant A's data: " + r.status());
            }
            if (r.status() >= 500) {
                problems.add(method + " " + path + " answered " + r);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertThat(called).isGreaterThanOrEqualTo(35);
        assertThat(snapshot(a.id()))
                .as("tenant A's rows after tenant B's calls")
                .isEqualTo(before);
    }

    /** "METHOD /pattern" of every API endpoint, sorted. */
    private Map<String, RequestMappingInfo> endpoints() {
        Map<String, RequestMappingInfo> result = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    result.put(m.name() + " " + pattern, info);
                }
            }
        });
        return result;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    private static String fill(String pattern, Map<String, String> ids, List<String> problems) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = ids.getOrDefault(pattern + "#" + name, ids.get(name));
            if (value == null) {
                problems.add("no tenant A identifier for {" + name + "} in " + pattern + " (add it to TenantAFixture)");
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A fingerprint of every row of the tenant in every table that has a tenant_id column. */
    private String snapshot(long tenantId) {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.columns
                         where column_name = 'tenant_id' and table_schema = current_schema()
                         order by table_name""").query(String.class).list();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (String table : tables) {
            // ordering by the row's text works for every table, also those without an id column
            // (promotion_audience_customer, promotion_campaign_limit)
            fingerprints.put(
                    table,
                    jdbc.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') from " + table
                                    + " t where tenant_id = ?")
                            .param(tenantId)
                            .query(String.class)
                            .single());
        }
        return fingerprints.toString();
    }
}
