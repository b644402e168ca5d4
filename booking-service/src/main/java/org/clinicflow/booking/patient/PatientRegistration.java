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
 * Registers a patient for another feature of booking-service, in that feature's transaction: a web self-referral
 * registers the person who sent it. The record and its event are kept together, as reception's registration does.
 */
@Component
public class PatientRegistration {

    private final PatientRepository patients;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;

    PatientRegistration(PatientRepository patients, Outbox outbox, Clock clock, ApplicationEventPublisher inProcess) {
        this.inProcess = inProcess;
        this.patients = patients;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewPatient(String givenName, String familyName, LocalDate dateOfBirth, String email,
                             String mobilePhone, boolean emailConsent, boolean smsConsent) {
    }

    /** @return the new patient's id */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID register(NewPatient details, String registeredBy) {
        if (details.emailConsent() && details.email() == null) {
            throw new InvalidFieldException("email", "is needed when you agree to email");
        }
        if (details.smsConsent() && details.mobilePhone() == null) {
            throw new InvalidFieldException("mobilePhone", "is needed when you agree to text messages");
        }
        var patient = patients.save(new Patient(UUID.randomUUID(), details.givenName().strip(),
                details.familyName().strip(), details.dateOfBirth(), details.email(), details.mobilePhone(), null,
                details.emailConsent(), details.smsConsent(), clock.instant(), registeredBy));
        outbox.append(PatientEvents.TOPIC, PatientEvents.of(PatientEvents.REGISTERED_V1, patient, clock));
        // A person who refers themselves with an email address is invited to sign in, as reception's patients are.
        inProcess.publishEvent(new PatientContactRecorded(patient.id(), patient.email() != null, registeredBy));
        return patient.id();
    }
}
