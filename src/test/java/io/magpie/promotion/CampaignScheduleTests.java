package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.Campaign.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a schedule is open: start/end bounds, weekday/hour windows, overnight windows, time zones and DST. */
class CampaignScheduleTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void startIsInclusiveAndEndExclusive() {
        Instant start = at("2026-11-11T00:00", SHANGHAI);
        Instant end = at("2026-11-12T00:00", SHANGHAI);
        var s = new Schedule(start, end, SHANGHAI, List.of());
        assertThat(s.isOpen(start.minusSeconds(1))).isFalse();
        assertThat(s.isOpen(start)).isTrue();
        assertThat(s.isOpen(end.minusSeconds(1))).isTrue();
        assertThat(s.isOpen(end)).isFalse();
    }

    @Test
    void noBoundsAndNoWindowsIsAlwaysOpen() {
        var s = new Schedule(null, null, SHANGHAI, List.of());
        assertThat(s.isOpen(Instant.parse("1999-01-01T00:00:00Z"))).isTrue();
        assertThat(s.isOpen(Instant.parse("2999-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void aWindowIsReadInTheScheduleZone() {
        // Fridays 20:00–22:00 Shanghai time; 2026-11-13 is a Friday
        var s = new Schedule(
                null,
                null,
                SHANGHAI,
                List.of(new Window(Set.of(DayOfWeek.FRIDAY), LocalTime.of(20, 0), LocalTime.of(22, 0))));
        assertThat(s.isOpen(at("2026-11-13T19:59", SHANGHAI))).isFalse();
        assertThat(s.isOpen(at("2026-11-13T20:00", SHANGHAI))).isTrue();
        assertThat(s.isOpen(at("2026-11-13T21:59", SHANGHAI))).isTrue();
        assertThat(s.isOpen(at("2026-11-13T22:00", SHANGHAI))).isFalse();
        assertThat(s.isOpen(at("2026-11-12T20:30", SHANGHAI))).as("Thursday").isFalse();
        // 12:30 UTC on Friday is 20:30 in Shanghai: open, though it is not 20:30 in UTC
        assertThat(s.isOpen(Instant.parse("2026-11-13T12:30:00Z"))).isTrue();
        assertThat(s.isOpen(Instant.parse("2026-11-13T20:30:00Z")))
                .as("Saturday 04:30 in Shanghai")
                .isFalse();
    }

    @Test
    void anOvernightWindowBelongsToTheDayItStarts() {
        // Saturday 22:00 until Sunday 02:00
        var s = new Schedule(
                null,
                null,
                SHANGHAI,
                List.of(new Window(Set.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0))));
        assertThat(s.isOpen(at("2026-11-14T21:59", SHANGHAI))).isFalse();
        assertThat(s.isOpen(at("2026-11-14T23:30", SHANGHAI))).isTrue();
        assertThat(s.isOpen(at("2026-11-15T01:59", SHANGHAI)))
                .as("Sunday early, started Saturday")
                .isTrue();
        assertThat(s.isOpen(at("2026-11-15T02:00", SHANGHAI))).isFalse();
        assertThat(s.isOpen(at("2026-11-15T23:00", SHANGHAI)))
                .as("Sunday night is not Saturday's")
                .isFalse();
        assertThat(s.isOpen(at("2026-11-14T01:00", SHANGHAI)))
                .as("Saturday early belongs to Friday")
                .isFalse();
    }

    @Test
    void anOvernightWindowOnSundayRunsIntoMonday() {
        var s = new Schedule(
                null,
                null,
                SHANGHAI,
                List.of(new Window(Set.of(DayOfWeek.SUNDAY), LocalTime.of(23, 0), LocalTime.of(1, 0))));
        assertThat(s.isOpen(at("2026-11-16T00:30", SHANGHAI)))
                .as("Monday 00:30")
                .isTrue();
        assertThat(s.isOpen(at("2026-11-17T00:30", SHANGHAI)))
                .as("Tuesday 00:30")
                .isFalse();
    }

    @Test
    void windowsAndBoundsMustBothHold() {
        Instant start = at("2026-11-14T23:00", SHANGHAI);
        var s = new Schedule(
                start,
                null,
                SHANGHAI,
                List.of(new Window(Set.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0))));
        assertThat(s.isOpen(at("2026-11-14T22:30", SHANGHAI)))
                .as("in the window, before the start")
                .isFalse();
        assertThat(s.isOpen(at("2026-11-14T23:30", SHANGHAI))).isTrue();
    }

    @Test
    void noDaysMeansEveryDay() {
        var s = new Schedule(
                null, null, SHANGHAI, List.of(new Window(Set.of(), LocalTime.of(9, 0), LocalTime.of(12, 0))));
        for (int day = 9; day <= 15; day++) {
            assertThat(s.isOpen(at("2026-11-%02dT10:00".formatted(day), SHANGHAI)))
                    .isTrue();
            assertThat(s.isOpen(at("2026-11-%02dT13:00".formatted(day), SHANGHAI)))
                    .isFalse();
        }
    }

    @Test
    void berlinWindowsFollowLocalTimeAcrossDaylightSavingChanges() {
        // 10:00–12:00 local every Sunday. 2026-03-29 (DST starts) and 2026-10-25 (DST ends) are Sundays.
        var s = new Schedule(
                null,
                null,
                BERLIN,
                List.of(new Window(Set.of(DayOfWeek.SUNDAY), LocalTime.of(10, 0), LocalTime.of(12, 0))));
        // winter (UTC+1): 10:30 local = 09:30 UTC
        assertThat(s.isOpen(Instant.parse("2026-03-22T09:30:00Z"))).isTrue();
        // summer (UTC+2) from 29 March: 09:30 UTC is 11:30 local, 08:30 UTC is 10:30 local
        assertThat(s.isOpen(Instant.parse("2026-03-29T09:30:00Z"))).isTrue();
        assertThat(s.isOpen(Instant.parse("2026-03-29T08:30:00Z"))).isTrue();
        assertThat(s.isOpen(Instant.parse("2026-03-29T10:30:00Z")))
                .as("12:30 local")
                .isFalse();
        // winter again from 25 October: 10:30 UTC is 11:30 local, 08:30 UTC is 09:30 local
        assertThat(s.isOpen(Instant.parse("2026-10-25T10:30:00Z"))).isTrue();
        assertThat(s.isOpen(Instant.parse("2026-10-25T08:30:00Z"))).isFalse();
    }

    @Test
    void anOvernightBerlinWindowSpansTheNightTheClocksGoForward() {
        // Saturday 22:00 until Sunday 04:00; on 2026-03-29 02:00 local does not exist (clocks jump to 03:00)
        var s = new Schedule(
                null,
                null,
                BERLIN,
                List.of(new Window(Set.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(4, 0))));
        assertThat(s.isOpen(Instant.parse("2026-03-28T21:30:00Z")))
                .as("22:30 CET")
                .isTrue();
        assertThat(s.isOpen(Instant.parse("2026-03-29T00:59:00Z")))
                .as("01:59 CET")
                .isTrue();
        assertThat(s.isOpen(Instant.parse("2026-03-29T01:00:00Z")))
                .as("03:00 CEST")
                .isTrue();
        assertThat(s.isOpen(Instant.parse("2026-03-29T01:59:00Z")))
                .as("03:59 CEST")
                .isTrue();
        assertThat(s.isOpen(Instant.parse("2026-03-29T02:00:00Z")))
                .as("04:00 CEST")
                .isFalse();
    }
}
