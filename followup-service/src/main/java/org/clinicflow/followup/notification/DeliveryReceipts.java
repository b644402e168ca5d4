package org.clinicflow.followup.notification;

import org.clinicflow.followup.contact.PatientContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

import java.time.Clock;
import java.time.Instant;

/**
 * Reads back from Notify what became of each text it accepted, so that SENT is not taken for arrived:
 * <ul>
 *   <li>delivered: kept, with when;</li>
 *   <li>permanent failure (the number cannot take texts): the message goes to the other consented channel, as a
 *       refusal at sending does, or to the clinic's worklist when there is none;</li>
 *   <li>temporary failure (the phone stayed off) and technical failure (Notify's own): sent again after the usual
 *       backoff, within the same budget of tries, then the other channel or the worklist.</li>
 * </ul>
 * Any instance may poll: each move names the provider's id and PENDING, so a receipt acts once. One text Notify cannot
 * answer for is skipped for this poll and never stops the others.
 */
@Component
@ConditionalOnExpression(ChannelConfiguration.NOTIFY_CONFIGURED)
class DeliveryReceipts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);

    private final NotifyPolls polls = new NotifyPolls();
    private final NotificationClient notify;
    private final NotificationTransitions transitions;
    private final PatientContacts contacts;
    private final DispatchProperties dispatch;
    private final NotifyProperties properties;
    private final Clock clock;

    DeliveryReceipts(NotificationClient notify, NotificationTransitions transitions, PatientContacts contacts,
                     DispatchProperties dispatch, NotifyProperties properties, Clock clock) {
        this.notify = notify;
        this.transitions = transitions;
        this.contacts = contacts;
        this.dispatch = dispatch;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedRateString = "${clinicflow.followup.sms.receipt-poll:1m}")
    void poll() {
        polls.runOnce(this::pollOnce);
    }

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        polls.stop();
    }

    private void pollOnce() {
        var since = clock.instant().minus(properties.receiptWindow());
        for (var text : transitions.awaitingReceipt(since, properties.receiptBatch())) {
            if (polls.stopping()) {
                return;
            }
            try {
                read(text);
            } catch (NotificationClientException | RuntimeException e) {
                log.info("No delivery receipt for notification {} this time ({})", text.id(),
                        e instanceof NotificationClientException n ? "Notify answered " + n.getHttpResult()
                                : e.getClass().getSimpleName());
                transitions.stillPending(text.id(), text.providerId());
            }
        }
    }

    private void read(Notification text) throws NotificationClientException {
        var receipt = notify.getNotificationById(text.providerId().toString());
        var delivery = Delivery.ofNotifyStatus(receipt.getStatus());
        if (delivery.isEmpty()) {
            transitions.stillPending(text.id(), text.providerId());
            return;
        }
        switch (delivery.get()) {
            case DELIVERED -> transitions.delivered(text.id(), text.providerId(),
                    receipt.getCompletedAt().map(at -> at.toInstant()).orElse(clock.instant()));
            case PERMANENT_FAILURE -> otherChannelOrWorklist(text, delivery.get(), text.attempts());
            default -> sendAgain(text, delivery.get());
        }
    }

    private void sendAgain(Notification text, Delivery delivery) {
        if (text.attempts() >= dispatch.maxAttempts()) {
            otherChannelOrWorklist(text, delivery, text.attempts());
            return;
        }
        log.info("Notification {} was not delivered ({}); sending it again", text.id(), delivery);
        transitions.undelivered(text.id(), text.providerId(), delivery, text.channel(), false, text.attempts(),
                clock.instant().plus(dispatch.backoff(text.attempts())), describe(delivery));
    }

    private void otherChannelOrWorklist(Notification text, Delivery delivery, int attempts) {
        var other = text.channel().other();
        var contact = contacts.find(text.patientId());
        if (!text.fallenBack() && contact.isPresent() && ChannelChoice.usable(other, contact.get())) {
            log.info("Notification {} was not delivered ({}); falling back to {}", text.id(), delivery, other);
            transitions.undelivered(text.id(), text.providerId(), delivery, other, true, 0, clock.instant(),
                    describe(delivery));
            return;
        }
        log.info("Notification {} was not delivered ({}) after {} tries and has no other channel; flagged for the "
                + "clinic", text.id(), delivery, attempts);
        transitions.undeliverable(text.id(), text.providerId(), text.channel(), delivery, describe(delivery));
    }

    private static String describe(Delivery delivery) {
        return switch (delivery) {
            case PERMANENT_FAILURE -> "Notify: the number could not receive the text (permanent failure)";
            case TEMPORARY_FAILURE -> "Notify: the phone did not take the text in time (temporary failure)";
            case TECHNICAL_FAILURE -> "Notify: the text was lost to a technical failure";
            default -> delivery.name();
        };
    }
}
