package org.clinicflow.booking.enquiry;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** A web self-referral: the enquiry it opened, the person it registered, and the key that lets them pick a slot. */
@Entity
@Table(name = "self_referral")
class SelfReferral {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;
    private UUID enquiryId;
    private UUID patientId;
    private UUID submissionKey;
    private String accessKey;
    private String reason;
    private Instant submittedAt;

    protected SelfReferral() {
    }

    SelfReferral(Enquiry enquiry, UUID submissionKey, String reason) {
        this.id = UUID.randomUUID();
        this.enquiryId = enquiry.id();
        this.patientId = enquiry.patientId();
        this.submissionKey = submissionKey;
        this.reason = reason;
        this.submittedAt = enquiry.firstContactAt();
        var key = new byte[24];
        RANDOM.nextBytes(key);
        this.accessKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** Compared in constant time, so that a key cannot be guessed a character at a time. */
    boolean opensWith(String key) {
        return key != null && MessageDigest.isEqual(accessKey.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
    }

    UUID id() {
        return id;
    }

    UUID enquiryId() {
        return enquiryId;
    }

    UUID patientId() {
        return patientId;
    }

    String accessKey() {
        return accessKey;
    }

    String reason() {
        return reason;
    }
}
