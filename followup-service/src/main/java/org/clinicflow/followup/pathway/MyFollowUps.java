package org.clinicflow.followup.pathway;

import org.clinicflow.followup.notification.Notification;
import org.clinicflow.followup.notification.NotificationStatus;
import org.clinicflow.followup.notification.Notifications;
import org.clinicflow.platform.time.ClinicZone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A patient's pathways as they see them: the messages through {@link Notifications}, which owns them, and the
 * pathway's own review and tasks by SQL, since this only reads (ADR 18).
 */
@Component
class MyFollowUps {

    private final JdbcClient jdbc;
    private final Notifications notifications;

    MyFollowUps(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    record MessageView(String stepCode, String title, OffsetDateTime dueAt, NotificationStatus status,
                       OffsetDateTime sentAt) {

        static MessageView of(Notification n) {
            return new MessageView(n.stepCode(), n.title(), show(n.dueAt()), n.status(), show(n.sentAt()));
        }
    }

    /** @param appointmentStartsAt when the review is booked for; null while not yet booked */
    record ReviewView(LocalDate windowStarts, LocalDate windowEnds, String status,
                      OffsetDateTime appointmentStartsAt) {
    }

    /** A task the clinic does for the patient (the letter to their GP about a bone-density scan). */
    record TaskView(String stepCode, String title, LocalDate dueOn, String status) {
    }

    record FollowUpView(UUID pathwayId, String treatment, LocalDate performedOn, List<MessageView> messages,
                        ReviewView review, List<TaskView> tasks) {
    }

    @Transactional(readOnly = true)
    List<FollowUpView> of(UUID patientId) {
        var messages = notifications.ofPatient(patientId);
        return jdbc.sql("select id, treatment, performed_on from pathway where patient_id = :patient "
                        + "order by performed_on desc")
                .param("patient", patientId)
                .query((rs, row) -> {
                    var pathwayId = rs.getObject("id", UUID.class);
                    return new FollowUpView(pathwayId, rs.getString("treatment"),
                            rs.getObject("performed_on", LocalDate.class),
                            messages.stream().filter(n -> pathwayId.equals(n.pathwayId())).map(MessageView::of)
                                    .toList(),
                            review(pathwayId), tasks(pathwayId));
                }).list();
    }

    private List<TaskView> tasks(UUID pathwayId) {
        return jdbc.sql("select step_code, title, due_on, status from follow_up_task where pathway_id = :pathway"
                        + " order by due_on, step_code")
                .param("pathway", pathwayId)
                .query((rs, row) -> new TaskView(rs.getString("step_code"), rs.getString("title"),
                        rs.getObject("due_on", LocalDate.class), rs.getString("status")))
                .list();
    }

    private ReviewView review(UUID pathwayId) {
        return jdbc.sql("""
                        select window_starts, window_ends, status, appointment_starts_at from review_request
                        where pathway_id = :pathway
                        """)
                .param("pathway", pathwayId)
                .query((rs, row) -> {
                    var startsAt = rs.getObject("appointment_starts_at", OffsetDateTime.class);
                    return new ReviewView(rs.getObject("window_starts", LocalDate.class),
                            rs.getObject("window_ends", LocalDate.class), rs.getString("status"),
                            startsAt == null ? null : show(startsAt.toInstant()));
                }).optional().orElse(null);
    }

    private static OffsetDateTime show(Instant instant) {
        return instant == null ? null : instant.atZone(ClinicZone.ZONE).toOffsetDateTime();
    }
}
