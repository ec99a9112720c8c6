package io.magpie.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes of orders and their lines. Inserts take whole batches as arrays and {@code unnest} them, so
 * a thousand orders cost two statements, not two thousand.
 */
@Component
class OrderRows {

    /** A new order row; ids of customer and store are null when the order has none. */
    record NewOrder(
            String orderNo,
            Long customerId,
            Long storeId,
            String channel,
            long subtotal,
            long discount,
            long freight,
            long total,
            String requestHash,
            Instant orderedAt) {}

    /** A new line row. */
    record NewLine(
            long orderId,
            String lineNo,
            long skuId,
            String skuCode,
            long productId,
            Long categoryId,
            int quantity,
            long unitPrice,
            long discount,
            long amount) {}

    /** A new applied-promotion row. */
    record NewPromotion(
            long orderId,
            int position,
            long campaignId,
            Long couponId,
            String code,
            long discount,
            long freightDiscount,
            List<AppliedPromotion.LineShare> allocations) {

        /** The allocations as a JSON array; line ids are validated [A-Za-z0-9._:-], so need no escaping. */
        String allocationsJson() {
            StringBuilder sb = new StringBuilder(2 + allocations.size() * 32).append('[');
            for (int i = 0; i < allocations.size(); i++) {
                AppliedPromotion.LineShare s = allocations.get(i);
                sb.append(i == 0 ? "" : ",")
                        .append("{\"line_id\":\"")
                        .append(s.lineId())
                        .append("\",\"amount\":")
                        .append(s.amount())
                        .append('}');
            }
            return sb.append(']').toString();
        }
    }

    /** The order row a transition works on, locked until the transaction ends. */
    record Locked(long id, OrderStatus status, String customerId, long total) {}

    private final JdbcClient jdbc;

    OrderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Request hashes of the given orders that already exist, by order number. */
    Map<String, String> hashes(long tenantId, Collection<String> orderNos) {
        Map<String, String> found = new HashMap<>();
        jdbc.sql("select order_no, request_hash from commerce_order where tenant_id = ? and order_no = any(?)")
                .params(tenantId, orderNos.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                });
        return found;
    }

    /**
     * Inserts the orders that do not exist yet and returns the ids of those it inserted; an order a
     * concurrent request inserted first is skipped (the unique key decides, not a prior read).
     */
    Map<String, Long> insert(long tenantId, String currency, List<NewOrder> orders, Instant now) {
        int n = orders.size();
        String[] orderNos = new String[n];
        long[] customers = new long[n];
        long[] stores = new long[n];
        String[] channels = new String[n];
        long[] subtotals = new long[n];
        long[] discounts = new long[n];
        long[] freights = new long[n];
        long[] totals = new long[n];
        String[] hashes = new String[n];
        String[] orderedAt = new String[n];
        for (int i = 0; i < n; i++) {
            NewOrder o = orders.get(i);
            orderNos[i] = o.orderNo();
            customers[i] = o.customerId() == null ? 0 : o.customerId();
            stores[i] = o.storeId() == null ? 0 : o.storeId();
            channels[i] = o.channel();
            subtotals[i] = o.subtotal();
            discounts[i] = o.discount();
            freights[i] = o.freight();
            totals[i] = o.total();
            hashes[i] = o.requestHash();
            orderedAt[i] = o.orderedAt().toString();
        }
        Map<String, Long> ids = new HashMap<>();
        // identity ids start at 1, so 0 stands for "none" in the primitive arrays
        jdbc.sql("""
                        insert into commerce_order (tenant_id, order_no, customer_id, store_id, channel, status, currency,
                                                    subtotal_minor, discount_minor, freight_minor, total_minor,
                                                    request_hash, ordered_at, created_at, updated_at, auto_cancel)
                        select ?, t.order_no, nullif(t.customer_id, 0), nullif(t.store_id, 0), t.channel, 'CREATED', ?,
                               t.subtotal, t.discount, t.freight, t.total, t.request_hash, t.ordered_at::timestamptz,
                               ?, ?, true
                          from unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[],
                                      ?::bigint[], ?::bigint[], ?::text[], ?::text[])
                               as t(order_no, customer_id, store_id, channel, subtotal, discount, freight, total,
                                    request_hash, ordered_at)
                        on conflict (tenant_id, order_no) do nothing
                        returning order_no, id""")
                .params(
                        tenantId,
                        currency,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        orderNos,
                        customers,
                        stores,
                        channels,
                        subtotals,
                        discounts,
                        freights,
                        totals,
                        hashes,
                        orderedAt)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    void insertLines(long tenantId, List<NewLine> lines) {
        int n = lines.size();
        long[] orderIds = new long[n];
        String[] lineNos = new String[n];
        long[] skuIds = new long[n];
        String[] skuCodes = new String[n];
        long[] productIds = new long[n];
        long[] categoryIds = new long[n];
        int[] quantities = new int[n];
        long[] unitPrices = new long[n];
        long[] discounts = new long[n];
        long[] amounts = new long[n];
        for (int i = 0; i < n; i++) {
            NewLine l = lines.get(i);
            orderIds[i] = l.orderId();
            lineNos[i] = l.lineNo();
            skuIds[i] = l.skuId();
            skuCodes[i] = l.skuCode();
            productIds[i] = l.productId();
            categoryIds[i] = l.categoryId() == null ? 0 : l.categoryId();
            quantities[i] = l.quantity();
            unitPrices[i] = l.unitPrice();
            discounts[i] = l.discount();
            amounts[i] = l.amount();
        }
        jdbc.sql("""
                        insert into commerce_order_line (tenant_id, order_id, line_no, sku_id, sku_code, product_id,
                                                         category_id, quantity, unit_price_minor, discount_minor, amount_minor)
                        select ?, t.order_id, t.line_no, t.sku_id, t.sku_code, t.product_id, nullif(t.category_id, 0),
                               t.quantity, t.unit_price, t.discount, t.amount
                          from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::int[],
                                      ?::bigint[], ?::bigint[], ?::bigint[])
                               as t(order_id, line_no, sku_id, sku_code, product_id, category_id, quantity, unit_price,
                                    discount, amount)""")
                .params(
                        tenantId,
                        orderIds,
                        lineNos,
                        skuIds,
                        skuCodes,
                        productIds,
                        categoryIds,
                        quantities,
                        unitPrices,
                        discounts,
                        amounts)
                .update();
    }

    /** Inserts applied promotions of any number of orders in one statement. */
    void insertPromotions(long tenantId, List<NewPromotion> promotions) {
        int n = promotions.size();
        long[] orderIds = new long[n];
        int[] positions = new int[n];
        long[] campaigns = new long[n];
        long[] coupons = new long[n];
        String[] codes = new String[n];
        long[] discounts = new long[n];
        long[] freightDiscounts = new long[n];
        String[] allocations = new String[n];
        for (int i = 0; i < n; i++) {
            NewPromotion p = promotions.get(i);
            orderIds[i] = p.orderId();
            positions[i] = p.position();
            campaigns[i] = p.campaignId();
            coupons[i] = p.couponId() == null ? 0 : p.couponId();
            codes[i] = p.code();
            discounts[i] = p.discount();
            freightDiscounts[i] = p.freightDiscount();
            allocations[i] = p.allocationsJson();
        }
        // coupon ids are positive, so 0 stands for "none" in the primitive array
        jdbc.sql("""
                        insert into commerce_order_promotion (tenant_id, order_id, position, campaign_id, coupon_id, code,
                                                              discount_minor, freight_discount_minor, allocations)
                        select ?, t.order_id, t.position, t.campaign_id, nullif(t.coupon_id, 0), t.code, t.discount,
                               t.freight_discount, t.allocations::jsonb
                          from unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[],
                                      ?::text[])
                               as t(order_id, position, campaign_id, coupon_id, code, discount, freight_discount,
                                    allocations)""")
                .params(
                        tenantId,
                        orderIds,
                        positions,
                        campaigns,
                        coupons,
                        codes,
                        discounts,
                        freightDiscounts,
                        allocations)
                .update();
    }

    /** The order row, locked {@code for update} so that transitions of one order run one at a time. */
    Optional<Locked> lock(long tenantId, String orderNo) {
        return jdbc.sql("""
                        select o.id, o.status, c.external_id, o.total_minor
                          from commerce_order o left join commerce_customer c on c.id = o.customer_id
                         where o.tenant_id = ? and o.order_no = ?
                           for update of o""")
                .params(tenantId, orderNo)
                .query((rs, i) ->
                        new Locked(rs.getLong(1), OrderStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    void markPaid(long id, Instant paidAt, Instant now) {
        jdbc.sql("update commerce_order set status = 'PAID', paid_at = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(paidAt), Timestamp.from(now), id)
                .update();
    }

    void markCancelled(long id, Instant at, String reason) {
        jdbc.sql("""
                        update commerce_order set status = 'CANCELLED', cancelled_at = ?, cancel_reason = ?, updated_at = ?
                         where id = ?""").params(Timestamp.from(at), reason, Timestamp.from(at), id).update();
    }
}
