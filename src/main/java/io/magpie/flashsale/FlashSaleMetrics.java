package io.magpie.flashsale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * This node's flash sale figures for Prometheus ({@code /actuator/prometheus}):
 * {@code magpie_flashsale_reservations_total}, {@code magpie_flashsale_units_total},
 * {@code magpie_flashsale_refusals_total{reason}}, the group-commit queue depth
 * {@code magpie_flashsale_writer_queue} and the sessions held in memory.
 */
@Component
class FlashSaleMetrics implements MeterBinder {

    private final ReservationWriter writer;
    private final SaleBook book;

    FlashSaleMetrics(ReservationWriter writer, SaleBook book) {
        this.writer = writer;
        this.book = book;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("magpie.flashsale.reservations", SaleStats.NODE_RESERVATIONS, LongAdder::doubleValue)
                .description("reservations accepted (durable) by this node")
                .register(registry);
        FunctionCounter.builder("magpie.flashsale.units", SaleStats.NODE_UNITS, LongAdder::doubleValue)
                .description("units reserved (durable) by this node")
                .register(registry);
        SaleStats.NODE_REFUSALS.forEach(
                (reason, count) -> FunctionCounter.builder("magpie.flashsale.refusals", count, LongAdder::doubleValue)
                        .description("reservation attempts refused by this node")
                        .tag("reason", reason.code())
                        .register(registry));
        Gauge.builder("magpie.flashsale.writer.queue", writer, ReservationWriter::queued)
                .description("reservations decided and waiting for their group commit")
                .register(registry);
        Gauge.builder("magpie.flashsale.sessions.loaded", book, b -> b.loaded().size())
                .description("flash sale sessions held in this node's memory")
                .register(registry);
    }
}
