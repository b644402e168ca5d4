package org.clinicflow.booking.patient;

import org.clinicflow.platform.outbox.Outbox;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Registering a patient, whoever does it: reception at the desk, or the person themselves in a web self-referral, in
 * the caller's transaction. The record, its event for the other services and the news for the patient's sign-in
 * (an invitation when there is an email) are kept together.
 */
@Component
public class PatientRegistration {

    /** One name in registration, self-referral and change of contact, so that every form marks the same input. */
    private static final String MOBILE_PHONE = "mobilePhone";

    private final PatientRepository patients;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;

    PatientRegistration(PatientRepository patients, Outbox outbox, Clock clock, ApplicationEventPublisher inProcess) {
        this.patients = patients;
        this.outbox = outbox;
        this.clock = clock;
        this.inProcess = inProcess;
    }

    /**
     * @param mobilePhone null or blank when not given; checked and normalised here, as {@link PhoneNumber} says
     * @param nhsNumber   null when not known; checked (check digit) and normalised here
     */
    public record NewPatient(String givenName, String familyName, LocalDate dateOfBirth, String email,
                             String mobilePhone, String nhsNumber, boolean emailConsent, boolean smsConsent) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Patient register(NewPatient details, String registeredBy) {
        var nhs = details.nhsNumber() == null || details.nhsNumber().isBlank() ? null : details.nhsNumber();
        if (nhs != null && !NhsNumber.isValid(nhs)) {
            throw new InvalidFieldException("nhsNumber", "is not a valid NHS number (check digit)");
        }
        var mobilePhone = phoneToKeep(details.mobilePhone(), details.smsConsent());
        requireChannelsForConsent(details.email(), details.emailConsent(), mobilePhone, details.smsConsent());
        var patient = patients.save(new Patient(UUID.randomUUID(), details.givenName().strip(),
                details.familyName().strip(), details.dateOfBirth(), details.email(), mobilePhone,
                nhs == null ? null : NhsNumber.normalise(nhs), details.emailConsent(), details.smsConsent(),
                clock.instant(), registeredBy));
        outbox.append(PatientEvents.TOPIC, PatientEvents.of(PatientEvents.REGISTERED_V1, patient, clock));
        inProcess.publishEvent(new PatientContactRecorded(patient.id(), patient.email() != null, registeredBy));
        return patient;
    }

    /**
     * The phone number as it is kept and published: E.164, or null when none was given. Any valid number will do for
     * the clinic to call, but texts go to this number whenever the patient consents to SMS, so then it must be a
     * mobile: a landline is refused rather than kept to fail silently at every reminder.
     */
    static String phoneToKeep(String typed, boolean smsConsent) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        var number = PhoneNumber.parse(typed).orElseThrow(() -> new InvalidFieldException(MOBILE_PHONE,
                "is not a valid phone number (a UK number, or + and the country code)"));
        if (smsConsent && !number.receivesSms()) {
            throw new InvalidFieldException(MOBILE_PHONE, "cannot receive text messages (it is not a mobile"
                    + " number): give a mobile number, or do not consent to SMS");
        }
        return number.e164();
    }

    /** Consent to a channel means nothing without an address on it. */
    static void requireChannelsForConsent(String email, boolean emailConsent, String mobilePhone,
                                          boolean smsConsent) {
        if (emailConsent && email == null) {
            throw new InvalidFieldException("email", "is needed when the patient consents to email");
        }
        if (smsConsent && mobilePhone == null) {
            throw new InvalidFieldException(MOBILE_PHONE, "is needed when the patient consents to SMS");
        }
    }
}
