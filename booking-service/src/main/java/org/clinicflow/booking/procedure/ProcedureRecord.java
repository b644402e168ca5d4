package org.clinicflow.booking.procedure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What was done in theatre, on which vertebrae, by whom. One per procedure appointment. */
@Entity
@Table(name = "procedure_record")
class ProcedureRecord {

    @Id
    private UUID id;
    @Column(updatable = false)
    private UUID appointmentId;
    @Enumerated(EnumType.STRING)
    private Treatment treatment;
    /** Levels such as T12 or L1, in the order the surgeon gave them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> vertebralLevels;
    private LocalDate performedOn;
    private UUID performedBy;
    private String recordedBy;
    private Instant recordedAt;

    protected ProcedureRecord() {
    }

    ProcedureRecord(UUID appointmentId, Treatment treatment, List<String> vertebralLevels, LocalDate performedOn,
                    UUID performedBy, String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.appointmentId = appointmentId;
        this.treatment = treatment;
        this.vertebralLevels = List.copyOf(vertebralLevels);
        this.performedOn = performedOn;
        this.performedBy = performedBy;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    UUID id() {
        return id;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    Treatment treatment() {
        return treatment;
    }

    List<String> vertebralLevels() {
        return vertebralLevels;
    }

    LocalDate performedOn() {
        return performedOn;
    }

    UUID performedBy() {
        return performedBy;
    }
}
