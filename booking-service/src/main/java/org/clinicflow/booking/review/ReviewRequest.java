package org.clinicflow.booking.review;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.time.ClinicTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * followup-service's request to see a patient again with a named clinician, to fall between two dates: the six-week
 * review after a procedure, or a recall a clinician asked for ("see again in N weeks", with a reason and no
 * procedure). It stays on reception's to-book list until an appointment answers it, and goes back on the list when
 * that appointment is cancelled or missed: the request is only done when the patient has been seen.
 */
@Entity
@Table(name = "review_request")
class ReviewRequest {

    /** Why a request is on the to-book list again. */
    enum Reopened { CANCELLED, NO_SHOW }

    /** followup-service's own id for the request. */
    @Id
    private UUID id;
    private UUID patientId;
    private UUID surgeonId;
    /** Null for a recall, which follows no procedure. */
    private UUID procedureId;
    private LocalDate windowStarts;
    private LocalDate windowEnds;
    /** Null while the review is still to book. */
    private UUID appointmentId;
    private Instant requestedAt;
    /** The clinician's reason for a recall; null for a post-procedure review. Clinical, so never logged. */
    private String reason;
    @Enumerated(EnumType.STRING)
    private AppointmentType appointmentType;
    /** Null unless an appointment answered it and then was not kept. */
    @Enumerated(EnumType.STRING)
    private Reopened reopenedAfter;
    private Instant reopenedAt;

    protected ReviewRequest() {
    }

    ReviewRequest(UUID id, UUID patientId, UUID surgeonId, UUID procedureId, LocalDate windowStarts,
                  LocalDate windowEnds, Instant requestedAt, String reason, AppointmentType appointmentType) {
        this.id = id;
        this.patientId = patientId;
        this.surgeonId = surgeonId;
        this.procedureId = procedureId;
        this.windowStarts = windowStarts;
        this.windowEnds = windowEnds;
        this.requestedAt = requestedAt;
        this.reason = reason;
        this.appointmentType = appointmentType;
    }

    void bookedAs(UUID appointment) {
        this.appointmentId = appointment;
    }

    /**
     * The appointment that answered this request will not happen: the request is to book again. A cancellation keeps
     * the window (the review is still owed when it was). A missed appointment's window may be all but spent, so the
     * patient gets a fresh one of the same length from the next day: a missed review must not become unbookable.
     */
    void reopen(Reopened why, Instant now) {
        this.appointmentId = null;
        this.reopenedAfter = why;
        this.reopenedAt = now;
        if (why == Reopened.NO_SHOW) {
            var length = ChronoUnit.DAYS.between(windowStarts, windowEnds);
            var from = ClinicTime.dateOf(now).plusDays(1);
            if (windowStarts.isBefore(from)) {
                windowStarts = from;
                windowEnds = from.plusDays(length);
            }
        }
    }

    UUID id() {
        return id;
    }

    UUID patientId() {
        return patientId;
    }

    UUID surgeonId() {
        return surgeonId;
    }

    UUID procedureId() {
        return procedureId;
    }

    LocalDate windowStarts() {
        return windowStarts;
    }

    LocalDate windowEnds() {
        return windowEnds;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    String reason() {
        return reason;
    }

    AppointmentType appointmentType() {
        return appointmentType;
    }

    Reopened reopenedAfter() {
        return reopenedAfter;
    }
}
