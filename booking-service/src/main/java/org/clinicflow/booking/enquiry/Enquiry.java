package org.clinicflow.booking.enquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A patient's first contact with the clinic, by phone or on the web. The promise is to see them within 48 hours of
 * this moment (not of the booking), with no referral needed: a GP or referrer is recorded when given, never required.
 */
@Entity
@Table(name = "enquiry")
class Enquiry {

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
    /** The warning signs a self-referral answered yes to; empty for a phone enquiry or a clear screening. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] redFlags = new String[0];
    private Instant calledBackAt;
    private String calledBackBy;
    private String callBackNote;
    private boolean noAppointmentNeeded;
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

    /** A web self-referral from someone registered as they submitted it, with what its screening found. */
    static Enquiry selfReferral(UUID patientId, Instant submittedAt, Set<RedFlag> redFlags) {
        var enquiry = new Enquiry(patientId, submittedAt, Channel.WEB, null, SelfReferrals.SUBMITTED_BY);
        enquiry.redFlags = redFlags.stream().sorted().map(Enum::name).toArray(String[]::new);
        return enquiry;
    }

    /** Red flags make an enquiry urgent until the clinic has called back; after that the call decides. */
    boolean awaitingUrgentCallBack() {
        return redFlags.length > 0 && calledBackAt == null;
    }

    Set<RedFlag> redFlags() {
        var flags = EnumSet.noneOf(RedFlag.class);
        Arrays.stream(redFlags).map(RedFlag::valueOf).forEach(flags::add);
        return flags;
    }

    void calledBack(Instant at, String by, String note, boolean appointmentNeeded) {
        this.calledBackAt = at;
        this.calledBackBy = by;
        this.callBackNote = note;
        this.noAppointmentNeeded = !appointmentNeeded;
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

    /**
     * An appointment starting then keeps the 48-hour promise: at or before the deadline. The same rule as the view
     * {@code enquiry_promise}, for a time not yet booked (the desk's offered slots).
     */
    boolean withinTarget(Instant start) {
        return !start.isAfter(deadline);
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
