package io.magpie.promotion;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flips AVAILABLE coupons past their expiry to EXPIRED, in batches, for every tenant. Reads never depend on it:
 * views already show such coupons as {@code expired} and locking checks the expiry itself; the sweep keeps the
 * stored state honest for reports and exports.
 */
@Component
class CouponExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(CouponExpirySweep.class);
    static final int BATCH = 5_000;

    private final CouponRows coupons;
    private final Clock clock;

    CouponExpirySweep(CouponRows coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${magpie.promotion.coupon-expiry-interval:10m}", initialDelayString = "2m")
    void sweep() {
        int total = 0;
        int flipped;
        do {
            flipped = coupons.expireDue(clock.instant(), BATCH);
            total += flipped;
        } while (flipped == BATCH);
        if (total > 0) {
            log.info("expired {} coupons", total);
        }
    }
}
