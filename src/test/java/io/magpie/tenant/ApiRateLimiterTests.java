package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class ApiRateLimiterTests {

    static final long SECOND = 1_000_000_000L;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFullBucketGrantsItsCapacityThenRefusesWithTheWait() {
        var bucket = new ApiRateLimiter.Bucket(3, 0);

        assertThat(bucket.take(0, 2, 3)).isZero();
        assertThat(bucket.take(0, 2, 3)).isZero();
        assertThat(bucket.take(0, 2, 3)).isZero();
        assertThat(bucket.take(0, 2, 3)).isEqualTo(0.5);
    }

    @Test
    void tokensRefillWithTimeButNeverAboveCapacity() {
        var bucket = new ApiRateLimiter.Bucket(2, 0);
        bucket.take(0, 2, 2);
        bucket.take(0, 2, 2);

        assertThat(bucket.take(SECOND / 4, 2, 2)).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bucket.take(SECOND / 2, 2, 2)).isZero();

        long muchLater = 100 * SECOND;
        assertThat(bucket.take(muchLater, 2, 2)).isZero();
        assertThat(bucket.take(muchLater, 2, 2)).isZero();
        assertThat(bucket.take(muchLater, 2, 2)).isPositive();
    }

    @Test
    void aClockStepBackDoesNotDrainOrOverfill() {
        var bucket = new ApiRateLimiter.Bucket(1, 10 * SECOND);
        assertThat(bucket.take(5 * SECOND, 1, 1)).isZero();
        assertThat(bucket.take(5 * SECOND, 1, 1)).isPositive();
        assertThat(bucket.take(11 * SECOND, 1, 1)).isZero();
    }

    @Test
    void overTheLimitAnswers429WithRetryAfterAsAProblem() throws Exception {
        AtomicLong now = new AtomicLong(0);
        var limiter = new ApiRateLimiter(2, 2, now::get);
        authenticate(7);

        assertThat(call(limiter).getStatus()).isEqualTo(200);
        assertThat(call(limiter).getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(limiter);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"rate_limited\"");

        now.addAndGet(SECOND / 2);
        assertThat(call(limiter).getStatus()).isEqualTo(200);
    }

    @Test
    void eachKeyHasItsOwnBucket() throws Exception {
        var limiter = new ApiRateLimiter(1, 1, () -> 0L);
        authenticate(1);
        assertThat(call(limiter).getStatus()).isEqualTo(200);
        assertThat(call(limiter).getStatus()).isEqualTo(429);
        authenticate(2);
        assertThat(call(limiter).getStatus()).isEqualTo(200);
    }

    @Test
    void aZeroRateMeansNoLimit() throws Exception {
        var limiter = new ApiRateLimiter(0, 1, () -> 0L);
        authenticate(3);
        for (int i = 0; i < 10; i++) {
            assertThat(call(limiter).getStatus()).isEqualTo(200);
        }
    }

    private static void authenticate(long keyId) {
        var principal = new ApiKeyPrincipal(keyId, 1, "mk_test0000", Set.of("read"));
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, java.util.List.of()));
    }

    private static MockHttpServletResponse call(ApiRateLimiter limiter) throws Exception {
        var response = new MockHttpServletResponse();
        limiter.doFilter(new MockHttpServletRequest("GET", "/api/v1/hello"), response, new MockFilterChain());
        return response;
    }
}
