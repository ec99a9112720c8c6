package io.magpie.commerce;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The tenant's currency and time zone for row-by-row parsing, cached briefly so a file of 500,000
 * rows does not ask the database 500,000 times.
 */
@Component
class TenantSettings {

    private final Tenants tenants;
    private final Cache<Long, TenantView> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();

    TenantSettings(Tenants tenants) {
        this.tenants = tenants;
    }

    String currency(long tenantId) {
        return tenant(tenantId).currency();
    }

    ZoneId timeZone(long tenantId) {
        return tenant(tenantId).timeZone();
    }

    private TenantView tenant(long tenantId) {
        return cache.get(tenantId, tenants::get);
    }
}
