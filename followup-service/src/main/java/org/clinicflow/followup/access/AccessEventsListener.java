package org.clinicflow.followup.access;

import org.clinicflow.platform.inbox.Inbox;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads booking-service's enquiry topic: an at-risk or breached enquiry raises an alert on reception's worklist at
 * once, in the transaction that records the event as processed. Its own consumer group, so it reads every warning
 * whatever the other consumers do.
 */
@Component
class AccessEventsListener {

    static final String CONSUMER = "followup-service.access";
    private static final Logger log = LoggerFactory.getLogger(AccessEventsListener.class);

    private final Inbox inbox;
    private final AccessAlerts alerts;

    AccessEventsListener(Inbox inbox, AccessAlerts alerts) {
        this.inbox = inbox;
        this.alerts = alerts;
    }

    @KafkaListener(topics = "clinic.booking.enquiry", groupId = CONSUMER)
    @Transactional
    void on(String record) {
        var event = inbox.read(record);
        var kind = AccessAlertKind.ofEvent(event.type());
        if (kind.isEmpty() || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        AccessAlerts.Warning warning;
        try {
            var data = event.data();
            var patient = data.get("patientId");
            warning = new AccessAlerts.Warning(UUID.fromString(data.required("enquiryId").asString()),
                    patient == null || patient.isNull() ? null : UUID.fromString(patient.asString()), kind.get(),
                    OffsetDateTime.parse(data.required("firstContactAt").asString()).toInstant(),
                    OffsetDateTime.parse(data.required("deadline").asString()).toInstant(),
                    OffsetDateTime.parse(data.required("raisedAt").asString()).toInstant(), event.id());
        } catch (RuntimeException e) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " lacks required data", e);
        }
        if (alerts.raise(warning)) {
            log.info("Access alert {} raised for enquiry {}", kind.get(), warning.enquiryId());
        }
    }
}
