package org.clinicflow.followup.pathway;

import org.clinicflow.followup.notification.Channel;
import org.clinicflow.followup.notification.NewNotification;
import org.clinicflow.followup.notification.Notifications;
import org.clinicflow.followup.notification.Purpose;
import org.clinicflow.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Starts a treatment's current pathway for a patient whose procedure was recorded, and follows its review request.
 * Everything a pathway creates (messages, tasks, the review request and its event) is written in the transaction that
 * records the procedure event as processed: all of it or none of it.
 */
@Component
class Pathways {

    private static final Logger log = LoggerFactory.getLogger(Pathways.class);

    private final JdbcClient jdbc;
    private final PathwayDefinitions definitions;
    private final Notifications notifications;
    private final Outbox outbox;
    private final Clock clock;

    Pathways(JdbcClient jdbc, PathwayDefinitions definitions, Notifications notifications, Outbox outbox,
             Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    record ProcedureCompleted(UUID procedureId, UUID appointmentId, UUID patientId, UUID surgeonId, String treatment,
                              LocalDate performedOn) {
    }

    /**
     * @param clinicianId  the clinician who asked, and who is to see the patient
     * @param reason       clinical, in the clinician's words: never logged
     * @param requestedBy  the user id (Keycloak subject), never a name
     */
    record Recall(UUID patientId, UUID clinicianId, int weeks, String reason, String appointmentType,
                  LocalDate windowStarts, LocalDate windowEnds, LocalDate bookBy, String requestedBy) {
    }

    /** @return the new pathway's id, or null when this procedure already has one or its treatment has no pathway */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID start(ProcedureCompleted procedure, UUID eventId) {
        var definition = definitions.current(procedure.treatment());
        if (definition.isEmpty()) {
            log.warn("No follow-up pathway for treatment {}; procedure {} has none", procedure.treatment(),
                    procedure.procedureId());
            return null;
        }
        var now = clock.instant();
        var pathwayId = UUID.randomUUID();
        var inserted = jdbc.sql("""
                        insert into pathway (id, procedure_id, appointment_id, patient_id, surgeon_id, treatment,
                            definition_id, performed_on, started_at, source_event_id)
                        values (:id, :procedure, :appointment, :patient, :surgeon, :treatment, :definition,
                            :performedOn, :now, :event)
                        on conflict (procedure_id) do nothing
                        """)
                .param("id", pathwayId).param("procedure", procedure.procedureId())
                .param("appointment", procedure.appointmentId()).param("patient", procedure.patientId())
                .param("surgeon", procedure.surgeonId()).param("treatment", procedure.treatment())
                .param("definition", definition.get().id()).param("performedOn", procedure.performedOn())
                .param("now", utc(now)).param("event", eventId).update();
        if (inserted == 0) {
            // The same procedure reported again under a new event id: its pathway exists already.
            return null;
        }
        for (var step : definition.get().steps()) {
            switch (step.kind()) {
                case MESSAGE -> message(procedure, pathwayId, definition.get(), step, now, eventId);
                case TASK -> task(procedure, pathwayId, step, step.dayAfter(procedure.performedOn()), now);
                case APPOINTMENT -> review(procedure, pathwayId, step, now);
            }
        }
        log.info("Pathway {} (treatment {}, version {}) started for procedure {}", pathwayId, procedure.treatment(),
                definition.get().version(), procedure.procedureId());
        return pathwayId;
    }

    private void message(ProcedureCompleted procedure, UUID pathwayId, PathwayDefinition definition,
                         PathwayStep step, Instant now, UUID eventId) {
        var due = step.messageDue(procedure.performedOn(), now);
        notifications.schedule(NewNotification.pathwayStep(
                new NewNotification.Addressing(procedure.patientId(), Purpose.PATHWAY_MESSAGE, Channel.EMAIL, due,
                        eventId),
                pathwayId, step.code(), new NewNotification.Wording(step.title(), step.body()),
                step.contentSection() == null ? null : definition.contentSlug(), step.contentSection()));
    }

    private void task(ProcedureCompleted procedure, UUID pathwayId, PathwayStep step, LocalDate dueOn, Instant now) {
        jdbc.sql("""
                        insert into follow_up_task (id, pathway_id, patient_id, step_code, title, due_on, status,
                            created_at)
                        values (:id, :pathway, :patient, :code, :title, :dueOn, 'OPEN', :now)
                        """)
                .param("id", UUID.randomUUID()).param("pathway", pathwayId).param("patient", procedure.patientId())
                .param("code", step.code()).param("title", step.title()).param("dueOn", dueOn)
                .param("now", utc(now)).update();
    }

    private void review(ProcedureCompleted procedure, UUID pathwayId, PathwayStep step, Instant now) {
        var requestId = UUID.randomUUID();
        var dates = step.reviewDates(procedure.performedOn());
        var starts = dates.windowStarts();
        var ends = dates.windowEnds();
        var bookBy = dates.bookBy();
        jdbc.sql("""
                        insert into review_request (id, pathway_id, patient_id, surgeon_id, procedure_id,
                            window_starts, window_ends, book_by, status, created_at)
                        values (:id, :pathway, :patient, :surgeon, :procedure, :starts, :ends, :bookBy, 'REQUESTED',
                            :now)
                        """)
                .param("id", requestId).param("pathway", pathwayId).param("patient", procedure.patientId())
                .param("surgeon", procedure.surgeonId()).param("procedure", procedure.procedureId())
                .param("starts", starts).param("ends", ends).param("bookBy", bookBy).param("now", utc(now))
                .update();
        outbox.append(ReviewEvents.TOPIC, ReviewEvents.requested(new ReviewEvents.ReviewRequestedV1(requestId,
                procedure.patientId(), procedure.surgeonId(), procedure.procedureId(), starts, ends, null, null),
                now));
    }

    /** The appointment that answers a review request was booked: the request is closed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reviewBooked(UUID requestId, UUID appointmentId, Instant startsAt) {
        var updated = jdbc.sql("""
                        update review_request set status = 'BOOKED', appointment_id = :appointment,
                            appointment_starts_at = :startsAt, booked_at = :now
                        where id = :id
                        """)
                .param("id", requestId).param("appointment", appointmentId).param("startsAt", utc(startsAt))
                .param("now", utc(clock.instant())).update();
        if (updated == 0) {
            log.info("Booked appointment {} names review request {}, which followup-service does not know",
                    appointmentId, requestId);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reviewMoved(UUID appointmentId, Instant startsAt) {
        jdbc.sql("update review_request set appointment_starts_at = :startsAt where appointment_id = :appointment")
                .param("appointment", appointmentId).param("startsAt", utc(startsAt)).update();
    }

    /**
     * A recall: a clinician asks to see a patient again in some weeks, for a reason, with no procedure behind it. It
     * is a review request like the pathway's, followed the same way until an appointment answers it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID recall(Recall recall) {
        var now = clock.instant();
        var requestId = UUID.randomUUID();
        jdbc.sql("""
                        insert into review_request (id, patient_id, surgeon_id, window_starts, window_ends, book_by,
                            status, created_at, reason, appointment_type, requested_by)
                        values (:id, :patient, :clinician, :starts, :ends, :bookBy, 'REQUESTED', :now, :reason,
                            :type, :by)
                        """)
                .param("id", requestId).param("patient", recall.patientId()).param("clinician", recall.clinicianId())
                .param("starts", recall.windowStarts()).param("ends", recall.windowEnds())
                .param("bookBy", recall.bookBy()).param("now", utc(now)).param("reason", recall.reason())
                .param("type", recall.appointmentType()).param("by", recall.requestedBy()).update();
        outbox.append(ReviewEvents.TOPIC, ReviewEvents.requested(new ReviewEvents.ReviewRequestedV1(requestId,
                recall.patientId(), recall.clinicianId(), null, recall.windowStarts(), recall.windowEnds(),
                recall.reason(), recall.appointmentType()), now));
        log.info("Recall {} requested for {} weeks", requestId, recall.weeks());
        return requestId;
    }

    /** A cancelled review appointment leaves the review owed: the request is open again (and on the worklist if late). */
    @Transactional(propagation = Propagation.MANDATORY)
    void reviewCancelled(UUID appointmentId) {
        jdbc.sql("""
                        update review_request set status = 'REQUESTED', appointment_id = null,
                            appointment_starts_at = null, booked_at = null
                        where appointment_id = :appointment
                        """)
                .param("appointment", appointmentId).update();
    }

    /**
     * The patient did not attend the review: it is still owed, so the request is open again, and on the worklist at
     * once (not only once late) since someone must call the patient.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void reviewMissed(UUID appointmentId) {
        jdbc.sql("""
                        update review_request set status = 'REQUESTED', appointment_id = null,
                            appointment_starts_at = null, booked_at = null, missed_at = :now
                        where appointment_id = :appointment
                        """)
                .param("appointment", appointmentId).param("now", utc(clock.instant())).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
