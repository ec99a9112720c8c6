package io.magpie.promotion;

import org.springframework.stereotype.Component;

/**
 * A test-only audience provider named {@code test-segment}: references starting with {@code seg-}
 * exist, and customers whose id starts with {@code vip-} belong to them. It joins the shared test
 * context through component scanning.
 */
@Component
class TestAudienceProvider implements AudienceProvider {

    @Override
    public String name() {
        return "test-segment";
    }

    @Override
    public boolean exists(long tenantId, String reference) {
        return reference.startsWith("seg-");
    }

    @Override
    public boolean includes(long tenantId, String reference, String customerId) {
        return customerId.startsWith("vip-");
    }
}
