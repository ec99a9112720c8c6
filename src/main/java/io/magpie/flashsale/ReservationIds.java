package io.magpie.flashsale;

import org.springframework.stereotype.Component;

/** Reservation ids in blocks of 1000 from a sequence: one database round trip per 1000 reservations. */
@Component
class ReservationIds {

    static final int BLOCK = 1000;

    private final ReservationRows rows;
    private long next;
    private long end;

    ReservationIds(ReservationRows rows) {
        this.rows = rows;
    }

    synchronized long next() {
        if (next >= end) {
            next = rows.nextIdBlock();
            end = next + BLOCK;
        }
        return next++;
    }
}
