package io.magpie.flashsale;

import io.magpie.platform.OwnIdempotency;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring the flash sale module declares to the platform. */
@Configuration(proxyBeanMethods = false)
class FlashSaleConfiguration {

    /**
     * Reservations keep their Idempotency-Key on their own row: durable in the same commit as the
     * reservation (a replay after a crash still finds it) and no extra writes on the hot path.
     */
    @Bean
    OwnIdempotency reservationsIdempotency() {
        return new OwnIdempotency("/api/v1/flash-sales/{session}/items/{item}/reservations");
    }

    /** The benchmark's naive peer keeps its key on its row too, so both endpoints pass the same filters. */
    @Bean
    @ConditionalOnProperty(name = "magpie.flashsale.naive-endpoint", havingValue = "true")
    OwnIdempotency naiveBenchmarkIdempotency() {
        return new OwnIdempotency(NaiveReservationsBenchmarkEndpoint.PATH + "/{item}/reservations");
    }
}
