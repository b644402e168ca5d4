package org.clinicflow.booking.appointment;

import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.availability.TimeRules;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The clinic's booking rules per type of appointment: minimum notice, a buffer between a clinician's appointments, a
 * maximum per clinician per clinic day, and a cutoff before the appointment after which it is not moved or cancelled.
 * <p>
 * They hold everyone. What differs is the way past: a patient is refused, with the plain reason; staff are refused
 * with a problem that names each rule broken and says it can be overridden, and the same request with an override
 * reason goes through ({@link AppointmentBooking} records the override). The defaults keep the behaviour from before
 * the buffer and maximum existed: no buffer, no maximum.
 */
@Component
public class BookingRules implements TimeRules {

    private static final Duration LONGEST = Duration.ofDays(30);
    private static final Duration LONGEST_BUFFER = Duration.ofMinutes(120);
    private static final int MOST_PER_DAY = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** The body field that carries staff's reason for going past a rule. */
    static final String OVERRIDE_FIELD = "overrideReason";

    private final JdbcClient jdbc;

    BookingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param maximumPerDay null for no limit */
    public record Rule(AppointmentType appointmentType, Duration minimumNotice, Duration changeCutoff,
                       Duration buffer, Integer maximumPerDay) {

        /** The last moment the appointment can be moved or cancelled without going past the cutoff. */
        public Instant changeableUntil(Instant startsAt) {
            return startsAt.minus(changeCutoff);
        }

        public AvailabilitySearch.Limits limits() {
            return new AvailabilitySearch.Limits(buffer, maximumPerDay, null);
        }
    }

    /** One rule a request breaks: which, the request field it is about, and what is wrong, in plain words. */
    record Broken(BookingRule rule, String field, String message) {
    }

    private static final String RULES = "select appointment_type, extract(epoch from minimum_notice)::bigint as notice,"
            + " extract(epoch from change_cutoff)::bigint as cutoff, extract(epoch from buffer)::bigint as buffer,"
            + " maximum_per_day from booking_rule";

    @Transactional(readOnly = true)
    public List<Rule> all() {
        return jdbc.sql(RULES + " order by 1").query(BookingRules::rule).list();
    }

    /** A type without a row (none today: the migrations give each one) is held by nothing. */
    @Transactional(readOnly = true)
    public Rule of(AppointmentType type) {
        return jdbc.sql(RULES + " where appointment_type = :type").param("type", type.name())
                .query(BookingRules::rule).optional()
                .orElse(new Rule(type, Duration.ZERO, Duration.ZERO, Duration.ZERO, null));
    }

    @Override
    public Duration minimumNotice(AppointmentType type) {
        return of(type).minimumNotice();
    }

    @Override
    public AvailabilitySearch.Limits limits(AppointmentType type) {
        return of(type).limits();
    }

    private static Rule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        int maximum = rs.getInt("maximum_per_day");
        Integer maximumPerDay = rs.wasNull() ? null : maximum; // read at once: wasNull is of the last column read
        return new Rule(AppointmentType.valueOf(rs.getString("appointment_type")),
                Duration.ofSeconds(rs.getLong("notice")), Duration.ofSeconds(rs.getLong("cutoff")),
                Duration.ofSeconds(rs.getLong("buffer")), maximumPerDay);
    }

    /** Every field out of range is named at once, in the API's own field names. */
    @Transactional
    public Rule change(Rule rule, String by, Instant at) {
        var problems = new LinkedHashMap<String, String>();
        if (rule.minimumNotice().isNegative() || rule.minimumNotice().compareTo(LONGEST) > 0) {
            problems.put("minimumNoticeHours", "must be between 0 and 720 hours");
        }
        if (rule.changeCutoff().isNegative() || rule.changeCutoff().compareTo(LONGEST) > 0) {
            problems.put("changeCutoffHours", "must be between 0 and 720 hours");
        }
        if (rule.buffer().isNegative() || rule.buffer().compareTo(LONGEST_BUFFER) > 0) {
            problems.put("bufferMinutes", "must be between 0 and 120 minutes");
        }
        if (rule.maximumPerDay() != null && (rule.maximumPerDay() < 1 || rule.maximumPerDay() > MOST_PER_DAY)) {
            problems.put("maximumPerDay", "must be between 1 and 100, or empty for no limit");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        jdbc.sql("""
                        update booking_rule set minimum_notice = make_interval(secs => :notice),
                               change_cutoff = make_interval(secs => :cutoff),
                               buffer = make_interval(secs => :buffer), maximum_per_day = :maximum,
                               changed_at = :at, changed_by = :by
                        where appointment_type = :type""")
                .param("notice", rule.minimumNotice().toSeconds()).param("cutoff", rule.changeCutoff().toSeconds())
                .param("buffer", rule.buffer().toSeconds()).param("maximum", rule.maximumPerDay())
                .param("at", Timestamp.from(at)).param("by", by).param("type", rule.appointmentType().name())
                .update();
        return of(rule.appointmentType());
    }

    /**
     * The rules a new time breaks: too soon, too close to the clinician's other appointments, or one too many of the
     * type for the clinician that day. Empty when it keeps them all.
     *
     * @param moving the appointment being moved (or the hold being booked), which does not count against itself;
     *               null for a new booking
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Broken> brokenByNewTime(AppointmentType type, UUID clinicianId, Instant start, UUID moving, Instant now) {
        var rule = of(type);
        var broken = new ArrayList<Broken>();
        if (start.isBefore(now.plus(rule.minimumNotice()))) {
            broken.add(new Broken(BookingRule.MINIMUM_NOTICE, "startsAt", "is sooner than the minimum notice of "
                    + hours(rule.minimumNotice()) + " for " + named(type)));
        }
        var end = start.plus(type.duration());
        var except = moving == null ? new UUID(0, 0) : moving;
        if (rule.buffer().isPositive() || rule.maximumPerDay() != null) {
            // Two bookings racing for the last place of a day, or for times within a buffer of each other, would
            // each find the other absent: the clinician's day is taken in turn, until the booking's commit.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "booking-rules:" + clinicianId + ":" + ClinicTime.dateOf(start))
                    .query((rs, row) -> row).list();
        }
        if (rule.buffer().isPositive() && jdbc.sql("""
                        select exists (select 1 from appointment
                                       where clinician_id = :clinician and id <> :except
                                         and starts_at < :end and ends_at > :start
                                         and (status in ('BOOKED', 'CHECKED_IN')
                                              or (status = 'HELD' and hold_expires_at > :now)))""")
                .param("clinician", clinicianId).param("except", except)
                .param("start", Timestamp.from(start.minus(rule.buffer())))
                .param("end", Timestamp.from(end.plus(rule.buffer()))).param("now", Timestamp.from(now))
                .query(Boolean.class).single()) {
            broken.add(new Broken(BookingRule.BUFFER, "startsAt", "is less than " + rule.buffer().toMinutes()
                    + " minutes from the clinician's other appointments, the buffer for " + named(type)));
        }
        if (rule.maximumPerDay() != null) {
            var day = ClinicTime.dateOf(start);
            long already = jdbc.sql("""
                            select count(*) from appointment
                            where clinician_id = :clinician and appointment_type = :type and id <> :except
                              and status not in ('CANCELLED', 'HELD')
                              and starts_at >= :from and starts_at < :to""")
                    .param("clinician", clinicianId).param("type", type.name()).param("except", except)
                    .param("from", Timestamp.from(ClinicTime.at(day, LocalTime.MIN)))
                    .param("to", Timestamp.from(ClinicTime.at(day.plusDays(1), LocalTime.MIN)))
                    .query(Long.class).single();
            if (already >= rule.maximumPerDay()) {
                broken.add(new Broken(BookingRule.MAXIMUM_PER_DAY, "startsAt", "is on " + DAY.format(day)
                        + ", when the clinician already has " + already + " of this type, the maximum per day for "
                        + named(type) + " (" + rule.maximumPerDay() + ")"));
            }
        }
        return broken;
    }

    /** The cutoff, if a move or cancellation of this appointment now would go past it. */
    @Transactional(readOnly = true)
    Optional<Broken> brokenByChange(Appointment appointment, Instant now) {
        var rule = of(appointment.appointmentType());
        if (!now.isAfter(rule.changeableUntil(appointment.startsAt()))) {
            return Optional.empty();
        }
        return Optional.of(new Broken(BookingRule.CHANGE_CUTOFF, OVERRIDE_FIELD, "is needed: the appointment starts"
                + " within the change cutoff of " + hours(rule.changeCutoff()) + " for "
                + named(appointment.appointmentType())));
    }

    /**
     * Staff's way past: a request that breaks a rule is refused (422) naming each rule and its field, and saying the
     * request may be sent again with an override reason; with a reason it goes on. Returns the rules overridden.
     */
    static List<Broken> heldUnlessOverridden(List<Broken> broken, String overrideReason) {
        if (broken.isEmpty() || overrideReason != null) {
            return broken;
        }
        var fields = new LinkedHashMap<String, String>();
        broken.forEach(b -> fields.merge(b.field(), b.message(), (first, second) -> first + "; " + second));
        throw new InvalidFieldException(fields, Map.of(
                "rules", broken.stream().map(b -> b.rule().name()).toList(),
                "overridable", true,
                "overrideField", OVERRIDE_FIELD,
                "hint", "This breaks the booking rules named. Staff may go ahead by sending the same request with "
                        + OVERRIDE_FIELD + " (5 to 500 characters) saying why."));
    }

    /**
     * Refuses (409) a patient's change inside the cutoff, naming when it closed. A patient cannot override it: the
     * message sends them to the clinic.
     */
    void requireChangeable(Appointment appointment, Instant now) {
        var until = of(appointment.appointmentType()).changeableUntil(appointment.startsAt());
        if (now.isAfter(until)) {
            throw new ConflictException("This appointment is too soon to change online: please call the clinic",
                    Map.of("changeableUntil", until.toString()));
        }
    }

    /** Refuses (422, on {@code startsAt}) a new time sooner than the type's minimum notice. */
    void requireNotice(AppointmentType type, Instant newStart, Instant now) {
        var notice = of(type).minimumNotice();
        if (newStart.isBefore(now.plus(notice))) {
            throw new InvalidFieldException("startsAt", "must be at least " + notice.toHours() + " hours from now");
        }
    }

    /**
     * Refuses (422, on {@code startsAt}) a new time a patient picked that breaks a rule: sooner than the minimum
     * notice, inside the buffer or over the day's maximum. Nothing in it offers a way past: a patient has none.
     */
    void refuseForPatient(AppointmentType type, List<Broken> broken) {
        if (!broken.isEmpty()) {
            throw new InvalidFieldException("startsAt", switch (broken.getFirst().rule()) {
                case MINIMUM_NOTICE -> "must be at least " + of(type).minimumNotice().toHours() + " hours from now";
                case BUFFER, MAXIMUM_PER_DAY, CHANGE_CUTOFF -> "is not available: please choose another time";
            });
        }
    }

    private static String hours(Duration duration) {
        long hours = duration.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }

    private static String named(AppointmentType type) {
        return switch (type) {
            case FREE_CONSULTATION -> "a free consultation";
            case FULL_CONSULTATION -> "a full consultation";
            case POST_PROCEDURE_REVIEW -> "a post-procedure review";
            case PROCEDURE -> "a procedure";
        };
    }
}
