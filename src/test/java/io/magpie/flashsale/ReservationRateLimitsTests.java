package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReservationRateLimitsTests {

    final AtomicLong nanos = new AtomicLong();

    @Test
    void eachCustomerHasItsOwnBucketThatRefills() {
        var limits = new ReservationRateLimits(new ReservationRateLimits.Settings(1, 2, 0, 0), nanos::get);

        assertThat(limits.allow(1, "a", "10.0.0.1")).isTrue();
        assertThat(limits.allow(1, "a", "10.0.0.1")).isTrue();
        assertThat(limits.allow(1, "a", "10.0.0.1")).isFalse();
        assertThat(limits.allow(1, "b", "10.0.0.1")).isTrue();
        assertThat(limits.allow(2, "a", "10.0.0.1"))
                .as("another tenant's customer a")
                .isTrue();

        nanos.addAndGet(1_000_000_000L);
        assertThat(limits.allow(1, "a", "10.0.0.1")).isTrue();
        assertThat(limits.allow(1, "a", "10.0.0.1")).isFalse();
    }

    @Test
    void oneAddressIsLimitedAcrossCustomers() {
        var limits = new ReservationRateLimits(new ReservationRateLimits.Settings(0, 0, 2, 3), nanos::get);

        assertThat(limits.allow(1, "a", "10.0.0.1")).isTrue();
        assertThat(limits.allow(1, "b", "10.0.0.1")).isTrue();
        assertThat(limits.allow(1, "c", "10.0.0.1")).isTrue();
        assertThat(limits.allow(1, "d", "10.0.0.1")).isFalse();
        assertThat(limits.allow(1, "d", "10.0.0.2")).isTrue();
        nanos.addAndGet(500_000_000L);
        assertThat(limits.allow(1, "e", "10.0.0.1")).isTrue();
    }
}
