package org.clinicflow.followup.contact;

import org.clinicflow.platform.inbox.Inbox;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Keeps the contact copy in step with booking-service's patient events; both carry the full current state. */
@Component
class PatientEventsListener {

    static final String CONSUMER = "followup-service.contacts";
    private static final Logger log = LoggerFactory.getLogger(PatientEventsListener.class);

    private final Inbox inbox;
    private final PatientContacts contacts;
    private final Clock clock;

    PatientEventsListener(Inbox inbox, PatientContacts contacts, Clock clock) {
        this.inbox = inbox;
        this.contacts = contacts;
        this.clock = clock;
    }

    @KafkaListener(topics = "clinic.booking.patient", groupId = "followup-service.contacts")
    @Transactional
    void on(String record) {
        var event = inbox.read(record);
        if (!event.type().equals("clinic.booking.patient-registered.v1")
                && !event.type().equals("clinic.booking.patient-contact-changed.v1")) {
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        var data = event.data();
        try {
            contacts.apply(UUID.fromString(data.required("patientId").asString()),
                    data.required("givenName").asString(), optional(data, "email"), optional(data, "mobilePhone"),
                    data.required("emailConsent").asBoolean(), data.required("smsConsent").asBoolean(),
                    OffsetDateTime.parse(data.required("changedAt").asString()).toInstant(), clock.instant());
        } catch (RuntimeException e) {
            throw new MalformedEventException("patient event " + event.id() + " lacks required data", e);
        }
        log.debug("Contact details of patient {} updated from event {}", event.subject(), event.id());
    }

    private static String optional(JsonNode data, String field) {
        var value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
