package org.clinicflow.booking.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person the clinic sees. Registered by reception on first contact; no GP referral is needed, so none is required
 * here. Everything in this entity is personal data: it never goes into logs or events, only its id does. The name and
 * email address are readable outside this package because the patient's sign-in at Keycloak is made from them.
 */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    private UUID id;
    private String givenName;
    private String familyName;
    private LocalDate dateOfBirth;
    private String email;
    private String mobilePhone;
    /** Null when the patient did not give one; checked with the NHS Modulus 11 rule when given. */
    private String nhsNumber;
    private boolean emailConsent;
    private boolean smsConsent;
    @Column(updatable = false)
    private Instant registeredAt;
    @Column(updatable = false)
    private String registeredBy;
    @Version
    private long version;

    protected Patient() {
    }

    Patient(UUID id, String givenName, String familyName, LocalDate dateOfBirth, String email, String mobilePhone,
            String nhsNumber, boolean emailConsent, boolean smsConsent, Instant registeredAt, String registeredBy) {
        this.id = id;
        this.givenName = givenName;
        this.familyName = familyName;
        this.dateOfBirth = dateOfBirth;
        this.email = email;
        this.mobilePhone = mobilePhone;
        this.nhsNumber = nhsNumber;
        this.emailConsent = emailConsent;
        this.smsConsent = smsConsent;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    /** Patients change phones and withdraw consent; the change is theirs to make through reception. */
    void changeContact(String newEmail, String newMobilePhone, boolean newEmailConsent, boolean newSmsConsent) {
        this.email = newEmail;
        this.mobilePhone = newMobilePhone;
        this.emailConsent = newEmailConsent;
        this.smsConsent = newSmsConsent;
    }

    long version() {
        return version;
    }

    public UUID id() {
        return id;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String email() {
        return email;
    }

    String mobilePhone() {
        return mobilePhone;
    }

    String nhsNumber() {
        return nhsNumber;
    }

    boolean emailConsent() {
        return emailConsent;
    }

    boolean smsConsent() {
        return smsConsent;
    }

    Instant registeredAt() {
        return registeredAt;
    }
}
