package io.magpie.promotion;

import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The promotions an order reserved, and what payment, cancellation and refunds did to them. */
@RestController
@Tag(name = "Order promotions", description = "Redemptions of an order's promotions and coupons")
class OrderPromotionsApi {

    private final RedemptionRows rows;
    private final CampaignRows campaigns;

    OrderPromotionsApi(RedemptionRows rows, CampaignRows campaigns) {
        this.rows = rows;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/v1/orders/{orderId}/promotions")
    @PreAuthorize("hasAnyAuthority('SCOPE_orders','SCOPE_promotions','SCOPE_read')")
    @Operation(
            summary = "The promotions of an order",
            description = "Status RESERVED, COMMITTED, RELEASED, PARTIALLY_ROLLED_BACK, ROLLED_BACK or REVERTED; "
                    + "discount, refunded, clawback and net_discount in minor units; per-line allocations. "
                    + "An order without promotions (or unknown) has an empty list.")
    RedemptionView.OfOrder promotions(@PathVariable String orderId) {
        long tenant = Tenancy.currentTenantId();
        List<Redemption> redemptions = rows.ofOrder(tenant, orderId);
        var shares = rows.shares(tenant, RedemptionRows.ids(redemptions));
        Map<Long, String> names = new HashMap<>();
        List<RedemptionView> views = redemptions.stream()
                .map(r -> new RedemptionView(
                        r.campaignId(),
                        names.computeIfAbsent(
                                r.campaignId(),
                                id -> campaigns
                                        .find(tenant, id)
                                        .map(Campaign::name)
                                        .orElse(null)),
                        r.couponId(),
                        r.code(),
                        r.status(),
                        r.discount(),
                        r.freightDiscount(),
                        r.refunded(),
                        r.clawback(),
                        r.net(),
                        shares.get(r.id()).values().stream()
                                .map(s -> new RedemptionView.LineShareView(s.lineId(), s.amount(), s.rolledBack()))
                                .toList(),
                        r.reservedAt(),
                        r.committedAt(),
                        r.closedAt()))
                .toList();
        return new RedemptionView.OfOrder(orderId, views);
    }
}
