package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LimitPeriodTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void periodsBeginAtLocalMidnight() {
        Instant at = Instant.parse("2026-11-30T17:30:00Z"); // Tuesday 01:30 Dec 1 in Shanghai, Monday in New York

        assertThat(LimitPeriod.DAY.start(at, SHANGHAI)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(LimitPeriod.DAY.start(at, NEW_YORK)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(LimitPeriod.WEEK.start(at, SHANGHAI)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(LimitPeriod.WEEK.start(at, NEW_YORK)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(LimitPeriod.MONTH.start(at, SHANGHAI)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(LimitPeriod.MONTH.start(at, NEW_YORK)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(LimitPeriod.TOTAL.start(at, SHANGHAI)).isEqualTo(LimitPeriod.TOTAL.start(Instant.EPOCH, NEW_YORK));
    }

    @Test
    void weeksBeginOnMonday() {
        Instant sundayNight = Instant.parse("2026-11-29T15:59:00Z"); // Sunday 23:59 in Shanghai
        Instant mondayMorning = Instant.parse("2026-11-29T16:00:00Z"); // Monday 00:00 in Shanghai

        assertThat(LimitPeriod.WEEK.start(sundayNight, SHANGHAI)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(LimitPeriod.WEEK.start(mondayMorning, SHANGHAI)).isEqualTo(LocalDate.of(2026, 11, 30));
    }
}
