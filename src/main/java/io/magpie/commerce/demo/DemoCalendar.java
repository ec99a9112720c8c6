package io.magpie.commerce.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;

/**
 * The shape of a year of Chinese e-commerce: weekends and Friday evenings busier, 618 and Double 11 /
 * Double 12 peaks with a warm-up before them, a dip around the Spring Festival, slow growth.
 */
final class DemoCalendar {

    private DemoCalendar() {}

    /** Relative order volume of a day; {@code progress} runs from 0 (a year ago) to 1 (today). */
    static double weight(LocalDate day, double progress) {
        double w = switch (day.getDayOfWeek()) {
            case SATURDAY -> 1.35;
            case SUNDAY -> 1.25;
            case FRIDAY -> 1.12;
            case MONDAY -> 0.88;
            default -> 1.0;
        };
        MonthDay md = MonthDay.from(day);
        if (md.equals(MonthDay.of(Month.NOVEMBER, 11))) {
            w *= 7.0;
        } else if (md.equals(MonthDay.of(Month.JUNE, 18))) {
            w *= 3.5;
        } else if (md.equals(MonthDay.of(Month.DECEMBER, 12))) {
            w *= 3.0;
        } else if (day.getMonth() == Month.NOVEMBER && day.getDayOfMonth() < 11) {
            w *= 1.5;
        } else if (day.getMonth() == Month.JUNE && day.getDayOfMonth() < 18) {
            w *= 1.3;
        } else if (springFestivalLull(day)) {
            w *= 0.55;
        }
        if (day.getMonth() == Month.JULY || day.getMonth() == Month.AUGUST) {
            w *= 1.08;
        }
        return w * (0.8 + 0.4 * progress);
    }

    /** Late January to mid February: couriers pause, people travel home. */
    private static boolean springFestivalLull(LocalDate day) {
        return (day.getMonth() == Month.JANUARY && day.getDayOfMonth() >= 25)
                || (day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() <= 14);
    }

    /** Relative volume per local hour: quiet nights, lunch bump, evening peak. */
    static double hourWeight(int hour) {
        if (hour < 7) {
            return 0.15;
        }
        if (hour < 11) {
            return 0.7;
        }
        if (hour < 14) {
            return 1.1;
        }
        if (hour < 19) {
            return 0.9;
        }
        if (hour < 23) {
            return 1.6;
        }
        return 0.6;
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
