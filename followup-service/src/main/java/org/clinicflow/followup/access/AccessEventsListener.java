package org.clinicflow.followup.access;

import org.clinicflow.platform.inbox.EventRouter;
import org.clinicflow.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.Objects;
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

    /**
     * What follow-up reads of an at-risk or breached event: the same fields for both.
     *
     * @param patientId null while the person is not yet registered
     */
    record Warned(UUID enquiryId, UUID patientId, OffsetDateTime firstContactAt, OffsetDateTime deadline,
                  OffsetDateTime raisedAt) {
        Warned {
            Objects.requireNonNull(enquiryId, "enquiryId");
            Objects.requireNonNull(firstContactAt, "firstContactAt");
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(raisedAt, "raisedAt");
        }
    }

    private final EventRouter router;

    AccessEventsListener(Inbox inbox, AccessAlerts alerts) {
        var router = EventRouter.forConsumer(CONSUMER, inbox);
        for (var kind : AccessAlertKind.values()) {
            router.on(kind.eventType(), Warned.class, (warned, delivery) -> {
                if (!delivery.first()) {
                    return;
                }
                var warning = new AccessAlerts.Warning(warned.enquiryId(), warned.patientId(), kind,
                        warned.firstContactAt().toInstant(), warned.deadline().toInstant(),
                        warned.raisedAt().toInstant(), delivery.event().id());
                if (alerts.raise(warning)) {
                    log.info("Access alert {} raised for enquiry {}", kind, warning.enquiryId());
                }
            });
        }
        this.router = router;
    }

    @KafkaListener(topics = "clinic.booking.enquiry", groupId = CONSUMER)
    @Transactional
    void on(String record) {
        router.route(record);
    }
}
