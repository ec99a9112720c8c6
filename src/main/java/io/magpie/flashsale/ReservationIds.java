package io.magpie.flashsale;

import org.springframework.stereotype.Component;

/**
 * Reservation ids in blocks of 1000 from a sequence: one database round trip per 1000 reservations.
 * The next block is fetched ahead, outside the lock, by the request that uses the block's middle id,
 * so the other requests never wait on that round trip (only if the block runs out before the
 * fetch-ahead answered does one request fetch a block under the lock, as before).
 */
@Component
class ReservationIds {

    static final int BLOCK = 1000;

    private final ReservationRows rows;
    private long next;
    private long end;
    private long spare; // the first id of a block fetched ahead; 0 = none (the sequence starts at 1000)
    private boolean fetching;

    ReservationIds(ReservationRows rows) {
        this.rows = rows;
    }

    long next() {
        long id;
        boolean fetchAhead;
        synchronized (this) {
            if (next >= end) {
                next = spare != 0 ? spare : rows.nextIdBlock();
                spare = 0;
                end = next + BLOCK;
            }
            id = next++;
            fetchAhead = spare == 0 && !fetching && end - next <= BLOCK / 2;
            fetching |= fetchAhead;
        }
        if (fetchAhead) {
            long block = 0;
            try {
                block = rows.nextIdBlock();
            } catch (RuntimeException e) {
                // this request has its id; a later one tries again (or fetches under the lock)
            } finally {
                synchronized (this) {
                    spare = block;
                    fetching = false;
                }
            }
        }
        return id;
    }
}
