package io.magpie.platform;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest authenticated JSON endpoint: the benchmarks' reference for what this server can do
 * per request, and a cheap check that a key works.
 */
@RestController
class HelloApi {

    @GetMapping("/api/v1/hello")
    Map<String, Object> hello() {
        return Map.of("hello", "magpie", "tenant_id", Tenancy.currentTenantId());
    }
}
