package io.magpie.promotion;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The window a limit's counter covers; periods begin at local midnight in the tenant's time zone. */
public enum LimitPeriod {
    TOTAL,
    DAY,
    WEEK,
    MONTH;

    static final LocalDate FOREVER = LocalDate.of(1970, 1, 1);

    /** The local date the period containing {@code at} began (ISO weeks begin on Monday). */
    public LocalDate start(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (this) {
            case TOTAL -> FOREVER;
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
