package org.clinicflow.booking.enquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient's first contact with the clinic, by phone or on the web. The promise is to see them within 48 hours of
 * this moment (not of the booking), with no referral needed: a GP or referrer is recorded when given, never required.
 */
@Entity
@Table(name = "enquiry")
public class Enquiry {

    /** "We can see you within 48 hours." */
    public static final Duration TARGET = Duration.ofHours(48);

    public enum Channel { PHONE, WEB }

    @Id
    private UUID id;
    /** Null until the caller is registered as a patient. */
    private UUID patientId;
    @Column(updatable = false)
    private Instant firstContactAt;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String referrer;
    @Column(updatable = false)
    private Instant deadline;
    /** The appointment booked for this enquiry; null until booked. */
    private UUID appointmentId;
    private Instant bookedAt;
    private Instant atRiskAt;
    private Instant breachedAt;
    private String recordedBy;
    @Version
    private long version;

    protected Enquiry() {
    }

    Enquiry(UUID patientId, Instant firstContactAt, Channel channel, String referrer, String recordedBy) {
        this.id = UUID.randomUUID();
        this.patientId = patientId;
        this.firstContactAt = firstContactAt;
        this.channel = channel;
        this.referrer = referrer;
        this.deadline = firstContactAt.plus(TARGET);
        this.recordedBy = recordedBy;
    }

    void booked(UUID appointment, UUID patient, Instant at) {
        this.appointmentId = appointment;
        this.patientId = patient;
        this.bookedAt = at;
    }

    public UUID id() {
        return id;
    }

    UUID patientId() {
        return patientId;
    }

    Instant firstContactAt() {
        return firstContactAt;
    }

    Channel channel() {
        return channel;
    }

    String referrer() {
        return referrer;
    }

    Instant deadline() {
        return deadline;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    Instant bookedAt() {
        return bookedAt;
    }

    Instant atRiskAt() {
        return atRiskAt;
    }

    Instant breachedAt() {
        return breachedAt;
    }
}
