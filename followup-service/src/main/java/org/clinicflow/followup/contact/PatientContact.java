package org.clinicflow.followup.contact;

import java.util.UUID;

/**
 * Personal data: never logged, never put into events. A channel may be used only when it has details, the patient
 * consented to it at booking-service and has not opted out of it here.
 *
 * @param email       null when the patient gave none
 * @param mobilePhone null when the patient gave none
 */
public record PatientContact(UUID patientId, String givenName, String email, String mobilePhone,
                             boolean emailConsent, boolean smsConsent, boolean emailOptOut, boolean smsOptOut) {

    public boolean mayEmail() {
        return emailConsent && !emailOptOut && email != null && !email.isBlank();
    }

    public boolean maySms() {
        return smsConsent && !smsOptOut && mobilePhone != null && !mobilePhone.isBlank();
    }
}
