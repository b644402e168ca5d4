package org.clinicflow.web.desk;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** booking-service's enquiry and patient APIs, as the desk uses them. */
@Component
class Desk {

    record Enquiry(UUID id, UUID patientId, String channel, String referrer, OffsetDateTime firstContactAt,
                   OffsetDateTime deadline, UUID appointmentId, OffsetDateTime appointmentStartsAt, boolean booked,
                   boolean bookedWithinTarget, boolean seen, boolean seenWithinTarget, OffsetDateTime atRiskAt,
                   OffsetDateTime breachedAt, boolean urgent, List<String> redFlags, String selfReferralReason,
                   OffsetDateTime calledBackAt, String callBackNote) {
    }

    record PatientMatch(UUID id, String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber) {
    }

    record Patient(UUID id, String givenName, String familyName, LocalDate dateOfBirth, String email,
                   String mobilePhone, String nhsNumber, boolean emailConsent, boolean smsConsent) {

        public String name() {
            return givenName + " " + familyName;
        }
    }

    record PageOf<T>(List<T> items, int page, int size, long totalItems) {
    }

    /** A patient's sign-in at the clinic's website, as booking-service keeps it. */
    record Account(UUID patientId, String state, int invitationsSent, OffsetDateTime lastInvitedAt, String problem,
                   int attempts, OffsetDateTime nextAttemptAt) {

        public boolean disabled() {
            return "DISABLED".equals(state);
        }
    }

    private final Services services;

    Desk(Services services) {
        this.services = services;
    }

    Enquiry record(String channel, OffsetDateTime firstContactAt, String referrer) {
        var body = new HashMap<String, Object>();
        body.put("channel", channel);
        body.put("firstContactAt", firstContactAt);
        body.put("referrer", referrer == null || referrer.isBlank() ? null : referrer.strip());
        return services.post(Part.BOOKING, Enquiry.class, body, null, "/api/booking/enquiries");
    }

    Enquiry callBack(UUID id, String note, boolean appointmentNeeded) {
        return services.post(Part.BOOKING, Enquiry.class, Map.of("note", note, "appointmentNeeded",
                appointmentNeeded), null, "/api/booking/enquiries/{id}/call-back", id);
    }

    Enquiry enquiry(UUID id) {
        return services.get(Part.BOOKING, Enquiry.class, "/api/booking/enquiries/{id}", id);
    }

    PageOf<Enquiry> awaitingBooking() {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<PageOf<Enquiry>>() {
        }, "/api/booking/enquiries/awaiting-booking?size=50");
    }

    List<PatientMatch> findByNhsNumber(String nhsNumber) {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<PageOf<PatientMatch>>() {
        }, "/api/booking/patients?nhsNumber={nhs}", nhsNumber).items();
    }

    List<PatientMatch> findByName(String familyName, LocalDate dateOfBirth) {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<PageOf<PatientMatch>>() {
        }, "/api/booking/patients?familyName={name}&dateOfBirth={dob}", familyName, dateOfBirth).items();
    }

    Patient patient(UUID id) {
        return services.get(Part.BOOKING, Patient.class, "/api/booking/patients/{id}", id);
    }

    /** Empty when the patient has no sign-in (no email address on the record). */
    Optional<Account> account(UUID patientId) {
        try {
            return Optional.of(services.get(Part.BOOKING, Account.class,
                    "/api/booking/patients/{id}/account", patientId));
        } catch (ServiceProblem refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    /** {@code change}: invitation, disable or enable, as booking-service names them. */
    Account changeAccount(UUID patientId, String change) {
        return services.post(Part.BOOKING, Account.class, null, null, "/api/booking/patients/{id}/account/{change}",
                patientId, change);
    }

    Patient register(Map<String, Object> registration) {
        return services.post(Part.BOOKING, Patient.class, registration, null, "/api/booking/patients");
    }
}
