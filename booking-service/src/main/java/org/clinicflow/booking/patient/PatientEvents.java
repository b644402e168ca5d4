package org.clinicflow.booking.patient;

import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Patients as events on topic {@value #TOPIC}, keyed by patient id. followup-service needs to reach patients, so these
 * carry the contact details and consent per channel, and the given name for a greeting; never the date of birth, the
 * NHS number or clinical details.
 */
final class PatientEvents {

    static final String TOPIC = "clinic.booking.patient";
    static final String REGISTERED_V1 = "clinic.booking.patient-registered.v1";
    static final String CONTACT_CHANGED_V1 = "clinic.booking.patient-contact-changed.v1";

    private PatientEvents() {
    }

    /** Payload of both events: how the patient may be contacted, as of {@code changedAt}. */
    record PatientContactV1(UUID patientId, String givenName, String email, String mobilePhone, boolean emailConsent,
                            boolean smsConsent, OffsetDateTime changedAt) {
    }

    static CloudEvent of(String type, Patient patient, Clock clock) {
        var now = clock.instant();
        return new CloudEvent(UUID.randomUUID(), "/clinicflow/booking-service", type, patient.id().toString(),
                ClinicTime.show(now), null, new PatientContactV1(patient.id(), patient.givenName(), patient.email(),
                patient.mobilePhone(), patient.emailConsent(), patient.smsConsent(), ClinicTime.show(now)));
    }
}
