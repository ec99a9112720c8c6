package io.magpie.commerce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Canonical hashes of order and refund requests: defaults applied and values normalized, so a
 * client that resends the same order with other whitespace, field order or an explicit default
 * is recognised as the same request. Every value is length-prefixed, so no two requests collide
 * by concatenation.
 */
final class RequestHashes {

    private RequestHashes() {}

    static String order(OrderDraft d, String currency) {
        Canonical c = new Canonical()
                .add("order")
                .add(d.orderNo())
                .add(d.customerId())
                .add(d.store())
                .add(d.channel())
                .add(currency)
                .add(d.orderedAt() == null ? null : d.orderedAt().toString())
                .add(d.discount())
                .add(d.freight())
                .add(d.lines().size());
        for (OrderDraft.Line l : d.lines()) {
            c.add(l.lineNo()).add(l.sku()).add(l.quantity()).add(l.unitPrice()).add(l.discount());
        }
        // only when present, so orders taken in before promotions existed keep their stored hashes
        if (!d.promotions().isEmpty()) {
            c.add("promotions").add(d.promotions().size());
            for (AppliedPromotion p : d.promotions()) {
                c.add(p.campaignId())
                        .add(p.couponId() == null ? null : p.couponId().toString())
                        .add(p.code())
                        .add(p.discount())
                        .add(p.freightDiscount())
                        .add(p.allocations().size());
                for (AppliedPromotion.LineShare s : p.allocations()) {
                    c.add(s.lineId()).add(s.amount());
                }
            }
        }
        return c.hash();
    }

    static String refund(RefundDraft d) {
        Canonical c = new Canonical()
                .add("refund")
                .add(d.refundNo())
                .add(d.reason())
                .add(d.lines().size());
        for (RefundDraft.Line l : d.lines()) {
            c.add(l.lineNo())
                    .add(l.quantity())
                    .add(l.units() == null ? null : l.units().toString());
        }
        return c.hash();
    }

    private static final class Canonical {
        private final StringBuilder sb = new StringBuilder(256);

        Canonical add(String value) {
            if (value == null) {
                sb.append("-;");
            } else {
                sb.append(value.length()).append(':').append(value).append(';');
            }
            return this;
        }

        Canonical add(long value) {
            sb.append('#').append(value).append(';');
            return this;
        }

        String hash() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
