package org.clinicflow.followup.contact;

import org.clinicflow.platform.inbox.EventRouter;
import org.clinicflow.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** Keeps the contact copy in step with booking-service's patient events; both carry the full current state. */
@Component
class PatientEventsListener {

    static final String CONSUMER = "followup-service.contacts";
    static final String TOPIC = "clinic.booking.patient";
    private static final Logger log = LoggerFactory.getLogger(PatientEventsListener.class);

    /**
     * What follow-up reads of {@code patient-registered.v1} and {@code patient-contact-changed.v1}: the same fields,
     * a patient's contact details and consents as they now stand.
     *
     * @param email       null when the patient gave none
     * @param mobilePhone null when the patient gave none
     */
    record ContactDetails(UUID patientId, String givenName, String email, String mobilePhone, Boolean emailConsent,
                          Boolean smsConsent, OffsetDateTime changedAt) {
        ContactDetails {
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(givenName, "givenName");
            Objects.requireNonNull(emailConsent, "emailConsent");
            Objects.requireNonNull(smsConsent, "smsConsent");
            Objects.requireNonNull(changedAt, "changedAt");
        }
    }

    private final EventRouter router;

    PatientEventsListener(Inbox inbox, PatientContacts contacts, Clock clock) {
        EventRouter.Handler<ContactDetails> apply = (details, delivery) -> {
            if (!delivery.first()) {
                return;
            }
            contacts.apply(details.patientId(), details.givenName(), details.email(), details.mobilePhone(),
                    details.emailConsent(), details.smsConsent(), details.changedAt().toInstant(), clock.instant());
            log.debug("Contact details of patient {} updated from event {}", delivery.event().subject(),
                    delivery.event().id());
        };
        this.router = EventRouter.forConsumer(CONSUMER, inbox)
                .on("clinic.booking.patient-registered.v1", ContactDetails.class, apply)
                .on("clinic.booking.patient-contact-changed.v1", ContactDetails.class, apply);
    }

    @KafkaListener(topics = TOPIC, groupId = CONSUMER)
    @Transactional
    void on(String record) {
        router.route(record);
    }
}
