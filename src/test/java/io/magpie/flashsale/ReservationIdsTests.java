package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReservationIdsTests {

    /** A sequence like flashsale_reservation_id_seq (start 1000, increment 1000), slow like a busy database. */
    static final class SlowSequence extends ReservationRows {
        final AtomicLong value = new AtomicLong();
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean failing;

        SlowSequence() {
            super(null);
        }

        @Override
        long nextIdBlock() {
            calls.incrementAndGet();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new IllegalStateException("database down");
            }
            return value.addAndGet(ReservationIds.BLOCK);
        }
    }

    @Test
    void idsAreUniqueAcrossThreadsAndNoBlockIsWasted() throws Exception {
        var sequence = new SlowSequence();
        var ids = new ReservationIds(sequence);
        int threads = 8;
        int perThread = 20_000;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        var start = new CountDownLatch(1);
        var duplicates = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            var worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    if (!seen.add(ids.next())) {
                        duplicates.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }

        assertThat(duplicates).hasValue(0);
        assertThat(seen).hasSize(threads * perThread);
        assertThat(seen).allMatch(id -> id >= ReservationIds.BLOCK);
        // about one block per 1000 ids; a fetch-ahead can leave a block unused at the very end only
        assertThat(sequence.calls.get())
                .isBetween(threads * perThread / ReservationIds.BLOCK, threads * perThread / ReservationIds.BLOCK + 2);
    }

    @Test
    void theNextBlockIsFetchedAtTheMiddleOfTheCurrentOne() {
        var sequence = new SlowSequence();
        var ids = new ReservationIds(sequence);
        for (int i = 0; i < ReservationIds.BLOCK / 2 - 1; i++) {
            ids.next();
        }
        assertThat(sequence.calls).hasValue(1);
        ids.next();
        assertThat(sequence.calls).hasValue(2);
        for (int i = ReservationIds.BLOCK / 2; i < ReservationIds.BLOCK; i++) {
            ids.next();
        }
        assertThat(ids.next()).isEqualTo(2 * ReservationIds.BLOCK); // the block fetched ahead, no round trip
        assertThat(sequence.calls).hasValue(2);
    }

    @Test
    void aFailedFetchAheadCostsNoIdAndIsRetried() {
        var sequence = new SlowSequence();
        var ids = new ReservationIds(sequence);
        Set<Long> seen = new HashSet<>();
        seen.add(ids.next());
        sequence.failing = true;
        for (int i = 1; i < ReservationIds.BLOCK; i++) {
            assertThat(seen.add(ids.next())).isTrue(); // the block in hand still serves every request
        }
        sequence.failing = false;

        for (int i = 0; i < 3 * ReservationIds.BLOCK; i++) {
            assertThat(seen.add(ids.next())).isTrue();
        }
        assertThat(seen).hasSize(4 * ReservationIds.BLOCK);
    }
}
