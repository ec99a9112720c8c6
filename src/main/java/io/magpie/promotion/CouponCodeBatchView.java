package io.magpie.promotion;

import io.magpie.platform.Job;
import java.time.Instant;

/**
 * A batch of coupon codes: generated from a pattern or imported, linked to a coupon template.
 *
 * @param status GENERATING, READY or FAILED
 * @param codes codes stored (detail only; null in lists)
 * @param issued codes already redeemed into coupons (detail only)
 * @param job the generation job with its progress (detail only; null for imports)
 */
public record CouponCodeBatchView(
        long id,
        Long templateId,
        String name,
        String pattern,
        String source,
        String status,
        int requestedCount,
        Long codes,
        Long issued,
        Long jobId,
        Job job,
        String createdBy,
        Instant createdAt) {}
