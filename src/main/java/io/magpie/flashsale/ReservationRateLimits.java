package io.magpie.flashsale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets in memory (per node) for reservation attempts: per customer of a tenant and per
 * client IP. {@code magpie.flashsale.rate-limit.customer-per-second}/{@code customer-burst} and
 * {@code ip-per-second}/{@code ip-burst}; a rate of 0 turns that bucket off.
 */
@Component
class ReservationRateLimits {

    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(5)).build();
    private final LongSupplier nanoTime;
    private volatile Settings settings;

    /** The four knobs. */
    record Settings(double customerPerSecond, double customerBurst, double ipPerSecond, double ipBurst) {}

    @Autowired
    ReservationRateLimits(
            @Value("${magpie.flashsale.rate-limit.customer-per-second:5}") double customerPerSecond,
            @Value("${magpie.flashsale.rate-limit.customer-burst:10}") double customerBurst,
            @Value("${magpie.flashsale.rate-limit.ip-per-second:200}") double ipPerSecond,
            @Value("${magpie.flashsale.rate-limit.ip-burst:400}") double ipBurst) {
        this(new Settings(customerPerSecond, customerBurst, ipPerSecond, ipBurst), System::nanoTime);
    }

    ReservationRateLimits(Settings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** True when the attempt may go on; takes a token from both buckets only when both have one. */
    boolean allow(long tenantId, String customerId, String ip) {
        Settings s = settings;
        long now = nanoTime.getAsLong();
        Bucket customer = s.customerPerSecond() > 0
                ? buckets.get("c:" + tenantId + ":" + customerId, k -> new Bucket(s.customerBurst(), now))
                : null;
        Bucket address =
                s.ipPerSecond() > 0 && ip != null ? buckets.get("i:" + ip, k -> new Bucket(s.ipBurst(), now)) : null;
        if (customer != null && !customer.take(now, s.customerPerSecond(), s.customerBurst())) {
            return false;
        }
        if (address != null && !address.take(now, s.ipPerSecond(), s.ipBurst())) {
            return false;
        }
        return true;
    }

    Settings settings() {
        return settings;
    }

    /** Changes the limits at run time (tests, and operators through configuration refreshes). */
    void configure(Settings settings) {
        this.settings = settings;
        buckets.invalidateAll();
    }

    /** Tokens refill continuously up to the capacity; one attempt takes one token. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long nowNanos) {
            this.tokens = Math.max(1, tokens);
            this.last = nowNanos;
        }

        synchronized boolean take(long now, double perSecond, double capacity) {
            tokens = Math.min(Math.max(1, capacity), tokens + Math.max(0, now - last) / 1e9 * perSecond);
            last = Math.max(last, now);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
