package io.magpie;

import io.magpie.platform.Api;
import io.magpie.tenant.TestTenants.TestTenant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * Tenant A's data for {@link TenantIsolationIntegrationTests}: created through the API, every
 * name carrying the marker. Add new resources and sample bodies here when a module adds endpoints.
 */
final class TenantAFixture {

    private TenantAFixture() {}

    /** Creates A's resources and returns the identifiers that fill path variables. */
    static Map<String, String> create(Api api, TestTenant a, String marker, ApplicationContext context) {
        Map<String, String> ids = new HashMap<>();
        ids.put("id", "1");
        return ids;
    }

    /** A request body that passes validation for a mutating endpoint, or null when unknown. */
    static String body(String method, String pattern, Map<String, String> ids) {
        return null;
    }
}
