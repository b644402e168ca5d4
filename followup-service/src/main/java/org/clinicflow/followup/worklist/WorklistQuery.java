package org.clinicflow.followup.worklist;

import org.clinicflow.followup.notification.NotificationStatus;
import org.clinicflow.platform.time.ClinicZone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the clinic must act on, read straight from the tables the features own. The worklist is a read model that
 * changes nothing, so it reads those tables by SQL rather than through each feature's aggregate (ADR 18). Ids only;
 * names are looked up in booking-service by whoever has the right to see them.
 */
@Component
class WorklistQuery {

    private static final int LIMIT = 500;
    /** How long a newly started pathway stays on the worklist: long enough to be seen after a weekend away. */
    private static final Duration STARTED_LATELY = Duration.ofDays(14);

    private final JdbcClient jdbc;
    private final Clock clock;

    WorklistQuery(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param status OPEN (the letter not yet sent) or LETTER_SENT (waiting for the scan's result)
     * @param version for If-Match when acting on it from the list
     */
    record OverdueTask(UUID taskId, UUID patientId, UUID pathwayId, String stepCode, String title, LocalDate dueOn,
                       String status, long version) {
    }

    /**
     * @param pathwayId null for a recall
     * @param reason    a recall's reason; null for a post-procedure review
     * @param missedAt  when the patient missed the appointment booked for it; null unless they did
     */
    record UnbookedReview(UUID requestId, UUID patientId, UUID surgeonId, UUID pathwayId, LocalDate windowStarts,
                          LocalDate windowEnds, LocalDate bookBy, String reason, OffsetDateTime missedAt) {
    }

    /** A warning of the 48-hour promise nobody has acknowledged yet; {@code patientId} null while unregistered. */
    record AccessAlert(UUID alertId, UUID enquiryId, UUID patientId, String kind, OffsetDateTime deadline,
                       OffsetDateTime raisedAt, String emailStatus, long version) {
    }

    /** @param reason why it failed, in technical words without personal data */
    /** @param delivery what the provider last said became of it (a text that never arrived), or null */
    record FailedMessage(UUID notificationId, UUID patientId, String purpose, UUID appointmentId, UUID pathwayId,
                         OffsetDateTime dueAt, String lastChannel, int attempts, String reason, String delivery) {
    }

    /** A pathway a recorded procedure started lately: the clinic sees that follow-up has begun for the patient. */
    record StartedPathway(UUID pathwayId, UUID patientId, UUID surgeonId, UUID appointmentId, String treatment,
                          LocalDate performedOn, OffsetDateTime startedAt) {
    }

    record Worklist(LocalDate today, List<AccessAlert> accessAlerts, List<OverdueTask> overdueTasks,
                    List<UnbookedReview> reviewsNotBooked, List<FailedMessage> failedMessages,
                    List<StartedPathway> startedPathways) {

        /** Every patient the worklist names, for the audit trail (not a property of the answer). */
        List<UUID> namedPatients() {
            return Stream.of(accessAlerts.stream().map(AccessAlert::patientId),
                            overdueTasks.stream().map(OverdueTask::patientId),
                            reviewsNotBooked.stream().map(UnbookedReview::patientId),
                            failedMessages.stream().map(FailedMessage::patientId),
                            startedPathways.stream().map(StartedPathway::patientId))
                    .flatMap(ids -> ids).filter(Objects::nonNull).distinct().toList();
        }
    }

    @Transactional(readOnly = true)
    Worklist today() {
        var today = LocalDate.now(clock.withZone(ClinicZone.ZONE));
        var tasks = jdbc.sql("""
                        select id, patient_id, pathway_id, step_code, title, due_on, status, version
                        from follow_up_task
                        where status in ('OPEN', 'LETTER_SENT') and due_on < :today order by due_on, id limit :limit
                        """)
                .param("today", today).param("limit", LIMIT)
                .query((rs, row) -> new OverdueTask(rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getObject("pathway_id", UUID.class),
                        rs.getString("step_code"), rs.getString("title"), rs.getObject("due_on", LocalDate.class),
                        rs.getString("status"), rs.getLong("version")))
                .list();
        var reviews = jdbc.sql("""
                        select id, patient_id, surgeon_id, pathway_id, window_starts, window_ends, book_by, reason,
                            missed_at
                        from review_request
                        where status = 'REQUESTED' and (book_by < :today or missed_at is not null)
                        order by missed_at is null, book_by, id limit :limit
                        """)
                .param("today", today).param("limit", LIMIT)
                .query((rs, row) -> new UnbookedReview(rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getObject("surgeon_id", UUID.class),
                        rs.getObject("pathway_id", UUID.class), rs.getObject("window_starts", LocalDate.class),
                        rs.getObject("window_ends", LocalDate.class), rs.getObject("book_by", LocalDate.class),
                        rs.getString("reason"), local(rs.getObject("missed_at", OffsetDateTime.class))))
                .list();
        var failed = jdbc.sql("""
                        select id, patient_id, purpose, appointment_id, pathway_id, due_at, channel, attempts,
                            last_error, delivery
                        from notification where status = :failed order by due_at, id limit :limit
                        """)
                .param("failed", NotificationStatus.FAILED.name()).param("limit", LIMIT)
                .query((rs, row) -> new FailedMessage(rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getString("purpose"),
                        rs.getObject("appointment_id", UUID.class), rs.getObject("pathway_id", UUID.class),
                        rs.getObject("due_at", OffsetDateTime.class).atZoneSameInstant(ClinicZone.ZONE)
                                .toOffsetDateTime(), rs.getString("channel"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getString("delivery")))
                .list();
        var started = jdbc.sql("""
                        select id, patient_id, surgeon_id, appointment_id, treatment, performed_on, started_at
                        from pathway where started_at >= :since order by started_at desc, id limit :limit
                        """)
                .param("since", java.sql.Timestamp.from(clock.instant().minus(STARTED_LATELY)))
                .param("limit", LIMIT)
                .query((rs, row) -> new StartedPathway(rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getObject("surgeon_id", UUID.class),
                        rs.getObject("appointment_id", UUID.class), rs.getString("treatment"),
                        rs.getObject("performed_on", LocalDate.class),
                        rs.getObject("started_at", OffsetDateTime.class).atZoneSameInstant(ClinicZone.ZONE)
                                .toOffsetDateTime()))
                .list();
        var alerts = jdbc.sql("""
                        select id, enquiry_id, patient_id, kind, deadline, raised_at, email_status, version
                        from access_alert where acknowledged_at is null
                        order by deadline, kind desc, id limit :limit
                        """)
                .param("limit", LIMIT)
                .query((rs, row) -> new AccessAlert(rs.getObject("id", UUID.class),
                        rs.getObject("enquiry_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getString("kind"), local(rs.getObject("deadline", OffsetDateTime.class)),
                        local(rs.getObject("raised_at", OffsetDateTime.class)), rs.getString("email_status"),
                        rs.getLong("version")))
                .list();
        return new Worklist(today, alerts, tasks, reviews, failed, started);
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ClinicZone.ZONE).toOffsetDateTime();
    }
}
