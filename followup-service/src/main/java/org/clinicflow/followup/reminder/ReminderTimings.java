package org.clinicflow.followup.reminder;

import org.clinicflow.followup.notification.Channel;
import org.clinicflow.followup.notification.Notifications;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * When reminders go, as data per appointment type and reminder, which a clinic admin changes. A change applies to
 * reminders planned after it and, in the same transaction, to those of that type and kind not yet sent: each is
 * planned again at its new moment and channel.
 */
@Service
class ReminderTimings {

    /** The types booking-service knows, in the order a patient meets them; a type added later is listed after them. */
    private static final List<String> TYPES = List.of("FREE_CONSULTATION", "FULL_CONSULTATION",
            "POST_PROCEDURE_REVIEW", "PROCEDURE");
    private static final Logger log = LoggerFactory.getLogger(ReminderTimings.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Clock clock;

    ReminderTimings(JdbcClient jdbc, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @param channel EMAIL or SMS, as the admin wrote it */
    record TimingChange(Integer leadHours, String channel) {
    }

    /** @param replanned how many reminders not yet sent were planned again by the new timing */
    record Changed(ReminderTiming timing, int replanned) {
    }

    @Transactional(readOnly = true)
    List<ReminderTiming> all() {
        return jdbc.sql("select * from reminder_timing").query(ReminderTimings::timing).list().stream()
                .sorted(Comparator.comparingInt((ReminderTiming t) -> TYPES.contains(t.appointmentType())
                                ? TYPES.indexOf(t.appointmentType()) : TYPES.size())
                        .thenComparing(ReminderTiming::appointmentType)
                        .thenComparing(ReminderTiming::kind))
                .toList();
    }

    /**
     * When each reminder of an appointment of {@code appointmentType} goes; the defaults for a type not in the table.
     * The rows are share-locked until the caller's transaction ends: a change made meanwhile waits until the reminders
     * planned here are stored, and then re-plans them, or has committed and is what is read here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ReminderTiming> forPlanning(String appointmentType) {
        return Arrays.stream(ReminderKind.values())
                .map(kind -> jdbc.sql("""
                                select * from reminder_timing where appointment_type = :type and purpose = :purpose
                                for share
                                """)
                        .param("type", appointmentType).param("purpose", kind.name())
                        .query(ReminderTimings::timing).optional()
                        .orElseGet(() -> ReminderTiming.byDefault(appointmentType, kind)))
                .toList();
    }

    /**
     * Sets when reminders of {@code kind} go for {@code appointmentType}, if {@code ifMatch} names the row's version,
     * and plans again by it the reminders of that type and kind not yet sent.
     *
     * @param kind as the caller wrote it; the type and kind must have a row
     * @param by   the admin's user id
     */
    @Transactional
    Changed change(String appointmentType, String kind, String ifMatch, TimingChange change, String by) {
        var which = Arrays.stream(ReminderKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("Reminder timing", appointmentType + "/" + kind));
        // The row lock makes two admins' changes queue; the second then reads the first's version and is refused.
        var current = jdbc.sql("""
                        select * from reminder_timing where appointment_type = :type and purpose = :purpose for update
                        """)
                .param("type", appointmentType).param("purpose", which.name())
                .query(ReminderTimings::timing).optional()
                .orElseThrow(() -> new NotFoundException("Reminder timing", appointmentType + "/" + kind));
        var channel = refuseInvalid(change);
        Versions.requireMatch(ifMatch, current.version());
        var next = new ReminderTiming(appointmentType, which, change.leadHours(), channel, current.version() + 1);
        jdbc.sql("""
                        update reminder_timing set lead_hours = :lead, channel = :channel, version = :version,
                            changed_by = :by, changed_at = :at
                        where appointment_type = :type and purpose = :purpose
                        """)
                .param("lead", next.leadHours()).param("channel", channel.name()).param("version", next.version())
                .param("by", by).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("type", appointmentType).param("purpose", which.name()).update();
        var replanned = notifications.replan(appointmentType, which.purpose(), next.leadHours(), channel);
        log.info("Reminder {} of {} now {}h before by {}; {} reminders not yet sent re-planned", which,
                appointmentType, next.leadHours(), channel, replanned);
        return new Changed(next, replanned);
    }

    private static Channel refuseInvalid(TimingChange change) {
        var problems = new LinkedHashMap<String, String>();
        if (change.leadHours() == null || change.leadHours() < ReminderTiming.LEAD_HOURS_MIN
                || change.leadHours() > ReminderTiming.LEAD_HOURS_MAX) {
            problems.put("leadHours", "must be " + ReminderTiming.LEAD_HOURS_MIN + " to "
                    + ReminderTiming.LEAD_HOURS_MAX + " hours before the appointment");
        }
        var channel = Arrays.stream(Channel.values()).filter(c -> c.name().equals(change.channel())).findFirst();
        if (channel.isEmpty()) {
            problems.put("channel", "must be EMAIL or SMS");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return channel.get();
    }

    private static ReminderTiming timing(ResultSet rs, int row) throws SQLException {
        return new ReminderTiming(rs.getString("appointment_type"), ReminderKind.valueOf(rs.getString("purpose")),
                rs.getInt("lead_hours"), Channel.valueOf(rs.getString("channel")), rs.getInt("version"));
    }
}
