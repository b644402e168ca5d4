package org.clinicflow.booking.review;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * followup-service's request for a six-week review with the treating surgeon, to fall between two dates. It stays on
 * reception's to-book list until an appointment answers it.
 */
@Entity
@Table(name = "review_request")
class ReviewRequest {

    /** followup-service's own id for the request. */
    @Id
    private UUID id;
    private UUID patientId;
    private UUID surgeonId;
    private UUID procedureId;
    private LocalDate windowStarts;
    private LocalDate windowEnds;
    /** Null while the review is still to book. */
    private UUID appointmentId;
    private Instant requestedAt;

    protected ReviewRequest() {
    }

    ReviewRequest(UUID id, UUID patientId, UUID surgeonId, UUID procedureId, LocalDate windowStarts,
                  LocalDate windowEnds, Instant requestedAt) {
        this.id = id;
        this.patientId = patientId;
        this.surgeonId = surgeonId;
        this.procedureId = procedureId;
        this.windowStarts = windowStarts;
        this.windowEnds = windowEnds;
        this.requestedAt = requestedAt;
    }

    void bookedAs(UUID appointment) {
        this.appointmentId = appointment;
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
}
