package org.clinicflow.booking.appointment;

import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The clinic's rules for the changes a patient makes to their own appointments: a new time needs the type's minimum
 * notice, and nothing changes online inside the cutoff before the appointment. Staff are not held by them (they
 * speak to the patient and the diary); a patient cannot get past them.
 */
@Component
public class BookingRules {

    private static final Duration LONGEST = Duration.ofDays(30);

    private final JdbcClient jdbc;

    BookingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Rule(AppointmentType appointmentType, Duration minimumNotice, Duration changeCutoff) {

        /** The last moment the appointment can be moved or cancelled online. */
        public Instant changeableUntil(Instant startsAt) {
            return startsAt.minus(changeCutoff);
        }
    }

    private static final String RULES = "select appointment_type, extract(epoch from minimum_notice)::bigint as notice,"
            + " extract(epoch from change_cutoff)::bigint as cutoff from booking_rule";

    @Transactional(readOnly = true)
    public List<Rule> all() {
        return jdbc.sql(RULES + " order by 1").query(BookingRules::rule).list();
    }

    /** A type without a row (none today: the migration gives each one) is held by nothing. */
    @Transactional(readOnly = true)
    public Rule of(AppointmentType type) {
        return jdbc.sql(RULES + " where appointment_type = :type").param("type", type.name())
                .query(BookingRules::rule).optional().orElse(new Rule(type, Duration.ZERO, Duration.ZERO));
    }

    private static Rule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Rule(AppointmentType.valueOf(rs.getString("appointment_type")),
                Duration.ofSeconds(rs.getLong("notice")), Duration.ofSeconds(rs.getLong("cutoff")));
    }

    @Transactional
    public Rule change(Rule rule, String by, Instant at) {
        if (rule.minimumNotice().isNegative() || rule.minimumNotice().compareTo(LONGEST) > 0) {
            throw new InvalidFieldException("minimumNoticeHours", "must be between 0 and 720 hours");
        }
        if (rule.changeCutoff().isNegative() || rule.changeCutoff().compareTo(LONGEST) > 0) {
            throw new InvalidFieldException("changeCutoffHours", "must be between 0 and 720 hours");
        }
        jdbc.sql("""
                        update booking_rule set minimum_notice = make_interval(secs => :notice),
                               change_cutoff = make_interval(secs => :cutoff), changed_at = :at, changed_by = :by
                        where appointment_type = :type""")
                .param("notice", rule.minimumNotice().toSeconds()).param("cutoff", rule.changeCutoff().toSeconds())
                .param("at", Timestamp.from(at)).param("by", by).param("type", rule.appointmentType().name())
                .update();
        return of(rule.appointmentType());
    }

    /** Refuses (409) a patient's change inside the cutoff, naming when it closed. */
    void requireChangeable(Appointment appointment, Instant now) {
        var until = of(appointment.appointmentType()).changeableUntil(appointment.startsAt());
        if (now.isAfter(until)) {
            throw new ConflictException("This appointment is too soon to change online: please call the clinic",
                    Map.of("changeableUntil", until.toString()));
        }
    }

    /** Refuses (422) a new time sooner than the type's minimum notice. */
    void requireNotice(AppointmentType type, Instant newStart, Instant now) {
        var notice = of(type).minimumNotice();
        if (newStart.isBefore(now.plus(notice))) {
            throw new InvalidFieldException("startsAt", "must be at least " + notice.toHours()
                    + " hours from now");
        }
    }
}
