package io.magpie.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.magpie.platform.ProblemResponses;
import io.magpie.platform.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per API key (per node): {@code magpie.api.rate-limit.requests-per-second}
 * refill, {@code burst} capacity. Over the limit: 429 with {@code Retry-After}.
 */
class ApiRateLimiter extends OncePerRequestFilter {

    private final double perSecond;
    private final double burst;
    private final Cache<Long, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    private final LongSupplier nanoTime;

    ApiRateLimiter(double perSecond, double burst) {
        this(perSecond, burst, System::nanoTime);
    }

    ApiRateLimiter(double perSecond, double burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(burst, 1);
        this.nanoTime = nanoTime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (perSecond > 0 && Tenancy.findActor().orElse(null) instanceof ApiKeyPrincipal key) {
            long now = nanoTime.getAsLong();
            Bucket bucket = buckets.get(key.keyId(), id -> new Bucket(burst, now));
            double waitSeconds = bucket.take(now, perSecond, burst);
            if (waitSeconds > 0) {
                long retryAfter = (long) Math.ceil(waitSeconds);
                ProblemResponses.write(
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "rate_limited",
                        "this API key exceeded " + (long) perSecond + " requests per second; retry after " + retryAfter
                                + " s",
                        Map.of("Retry-After", Long.toString(retryAfter)));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Tokens refill continuously up to the capacity; one request takes one token. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.last = nowNanos;
        }

        /** Takes one token; returns 0 when granted or the seconds until one is available. */
        synchronized double take(long now, double perSecond, double capacity) {
            // a clock that steps back must not drain the bucket
            tokens = Math.min(capacity, tokens + Math.max(0, now - last) / 1e9 * perSecond);
            last = Math.max(last, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }
    }
}
