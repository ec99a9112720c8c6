package io.magpie.commerce;

import io.magpie.commerce.OrderCatalog.SkuRef;
import io.magpie.commerce.OrderPricing.Priced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A checked, resolved and priced order, ready to become rows, an event and a view. */
record PreparedOrder(OrderDraft draft, String hash, Instant orderedAt, Long storeId, List<SkuRef> skus, Priced priced) {

    String orderNo() {
        return draft.orderNo();
    }

    OrderRows.NewOrder row(Long customerId) {
        return new OrderRows.NewOrder(
                draft.orderNo(),
                customerId,
                storeId,
                draft.channel(),
                priced.subtotal(),
                priced.discount(),
                priced.freight(),
                priced.total(),
                hash,
                orderedAt);
    }

    List<OrderRows.NewLine> lineRows(long orderId) {
        List<OrderRows.NewLine> rows = new ArrayList<>(draft.lines().size());
        for (int k = 0; k < draft.lines().size(); k++) {
            OrderDraft.Line l = draft.lines().get(k);
            SkuRef ref = skus.get(k);
            rows.add(new OrderRows.NewLine(
                    orderId,
                    l.lineNo(),
                    ref.skuId(),
                    l.sku(),
                    ref.productId(),
                    ref.categoryId(),
                    l.quantity(),
                    l.unitPrice(),
                    priced.lineDiscounts()[k],
                    priced.lineAmounts()[k]));
        }
        return rows;
    }

    List<OrderRows.NewPromotion> promotionRows(long orderId) {
        List<OrderRows.NewPromotion> rows = new ArrayList<>(draft.promotions().size());
        for (int i = 0; i < draft.promotions().size(); i++) {
            AppliedPromotion a = draft.promotions().get(i);
            rows.add(new OrderRows.NewPromotion(
                    orderId,
                    i,
                    a.campaignId(),
                    a.couponId(),
                    a.code(),
                    a.discount(),
                    a.freightDiscount(),
                    a.allocations()));
        }
        return rows;
    }

    OrderCreated created(long tenantId, String currency) {
        List<OrderLine> lines = new ArrayList<>(draft.lines().size());
        for (int k = 0; k < draft.lines().size(); k++) {
            OrderDraft.Line l = draft.lines().get(k);
            SkuRef ref = skus.get(k);
            lines.add(new OrderLine(
                    l.lineNo(),
                    l.sku(),
                    ref.productCode(),
                    ref.categoryId(),
                    l.quantity(),
                    l.unitPrice(),
                    priced.lineDiscounts()[k],
                    priced.lineAmounts()[k]));
        }
        return new OrderCreated(
                tenantId,
                draft.orderNo(),
                draft.customerId(),
                draft.store(),
                draft.channel(),
                currency,
                priced.subtotal(),
                priced.discount(),
                priced.freight(),
                priced.total(),
                orderedAt,
                lines,
                draft.promotions());
    }

    /** The view of the order just created, without reading it back. */
    OrderView view(String currency) {
        List<OrderView.OrderLineView> lines = new ArrayList<>(draft.lines().size());
        for (int k = 0; k < draft.lines().size(); k++) {
            OrderDraft.Line l = draft.lines().get(k);
            lines.add(new OrderView.OrderLineView(
                    l.lineNo(),
                    l.sku(),
                    skus.get(k).productCode(),
                    l.quantity(),
                    l.unitPrice(),
                    priced.lineDiscounts()[k],
                    priced.lineAmounts()[k],
                    0,
                    0));
        }
        return new OrderView(
                draft.orderNo(),
                OrderStatus.CREATED,
                draft.customerId(),
                draft.store(),
                draft.channel(),
                currency,
                priced.subtotal(),
                priced.discount(),
                priced.freight(),
                priced.total(),
                0,
                orderedAt,
                null,
                null,
                null,
                List.copyOf(lines),
                List.of(),
                draft.promotions());
    }
}
