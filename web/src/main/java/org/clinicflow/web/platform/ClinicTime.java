package org.clinicflow.web.platform;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every time a page shows is clinic time (Europe/London) in UK form: "Thursday 3 December 2026", "09:15". Templates
 * reach it as {@code @clinicTime}. Times typed into a form are read as clinic time too, so that a receptionist in
 * March types the clock on the wall, whatever the offset that day.
 */
@Component("clinicTime")
public class ClinicTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Locale UK = Locale.UK;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", UK);

    private final Clock clock;

    public ClinicTime(Clock clock) {
        this.clock = clock;
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(ZONE));
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    public String day(OffsetDateTime at) {
        return at == null ? "" : DAY.format(at.atZoneSameInstant(ZONE));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String shortDay(OffsetDateTime at) {
        return at == null ? "" : SHORT_DAY.format(at.atZoneSameInstant(ZONE));
    }

    public String shortDay(LocalDate date) {
        return date == null ? "" : SHORT_DAY.format(date);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The clinic day of an instant, as a link's {@code date} parameter (yyyy-mm-dd). */
    public LocalDate isoDay(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDate();
    }

    public String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at.atZoneSameInstant(ZONE));
    }

    /** "Thursday 3 December 2026 at 09:15". */
    public String dayAndTime(OffsetDateTime at) {
        return at == null ? "" : day(at) + " at " + time(at);
    }

    /** For a {@code datetime} attribute and for the countdown script: the instant with its offset. */
    public String iso(OffsetDateTime at) {
        return at == null ? "" : at.toInstant().toString();
    }

    /** "1 day 3 h 20 min left", "40 min left", or how long ago it passed. */
    public String left(OffsetDateTime deadline) {
        if (deadline == null) {
            return "";
        }
        var left = Duration.between(clock.instant(), deadline.toInstant());
        var words = words(left.abs());
        return left.isNegative() ? words + " overdue" : words + " left";
    }

    public boolean passed(OffsetDateTime at) {
        return at != null && !at.toInstant().isAfter(clock.instant());
    }

    /** The clinic-time wall clock a form field holds, as an instant with the offset of that day. */
    public OffsetDateTime at(LocalDate date, LocalTime time) {
        return LocalDateTime.of(date, time).atZone(ZONE).toOffsetDateTime();
    }

    public Instant instant() {
        return clock.instant();
    }

    static String words(Duration duration) {
        long minutes = duration.toMinutes();
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        var text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(days == 1 ? " day " : " days ");
        }
        if (days > 0 || hours > 0) {
            text.append(hours).append(" h ");
        }
        return text.append(mins).append(" min").toString();
    }
}
