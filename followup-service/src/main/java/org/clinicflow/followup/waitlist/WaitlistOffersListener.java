package org.clinicflow.followup.waitlist;

import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.followup.notification.Channel;
import org.clinicflow.followup.notification.MessageLinks;
import org.clinicflow.followup.notification.NewNotification;
import org.clinicflow.followup.notification.Notifications;
import org.clinicflow.followup.notification.Purpose;
import org.clinicflow.platform.inbox.EventRouter;
import org.clinicflow.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Sends each earlier time offered from the waiting list, by text message first (an offer is worth reading soon), or
 * by email when that is the channel the patient allows. The link carries the offer's key; nothing else in the message
 * identifies the patient.
 */
@Component
@EnableConfigurationProperties(MessageLinks.class)
class WaitlistOffersListener {

    static final String CONSUMER = "followup-service.offers";
    private static final Logger log = LoggerFactory.getLogger(WaitlistOffersListener.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK).withZone(ClinicZone.ZONE);

    private final EventRouter router;
    private final Notifications notifications;
    private final Clock clock;
    private final MessageLinks links;

    WaitlistOffersListener(Inbox inbox, Notifications notifications, Clock clock,
                           MessageLinks links) {
        this.notifications = notifications;
        this.clock = clock;
        this.links = links;
        this.router = EventRouter.forConsumer(CONSUMER, inbox)
                .on("clinic.booking.waitlist-offer-made.v1", OfferMade.class, this::offer);
    }

    /** What follow-up reads of {@code waitlist-offer-made.v1}: the offer, its key, and the times to put in words. */
    record OfferMade(UUID offerId, UUID patientId, String accessKey, OffsetDateTime startsAt,
                     OffsetDateTime currentStartsAt, OffsetDateTime expiresAt) {
        OfferMade {
            java.util.Objects.requireNonNull(offerId, "offerId");
            java.util.Objects.requireNonNull(patientId, "patientId");
            java.util.Objects.requireNonNull(accessKey, "accessKey");
            java.util.Objects.requireNonNull(startsAt, "startsAt");
            java.util.Objects.requireNonNull(currentStartsAt, "currentStartsAt");
            java.util.Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    @KafkaListener(topics = "clinic.booking.waitlist", groupId = CONSUMER)
    @Transactional
    void on(String record) {
        router.route(record);
    }

    private void offer(OfferMade offer, EventRouter.Delivery delivery) {
        if (!delivery.first()) {
            log.debug("Event {} already processed; ignored", delivery.event().id());
            return;
        }
        var link = links.to("/offers/" + offer.offerId() + "?key=" + offer.accessKey());
        var body = "An earlier time has come free with the same clinician: " + WHEN.format(offer.startsAt())
                + ". Your appointment is now on " + WHEN.format(offer.currentStartsAt()) + ".\n\nTo take the earlier "
                + "time, open " + link + " before " + WHEN.format(offer.expiresAt()) + ". It goes to whoever takes it "
                + "first. If you do nothing, you keep the appointment you have.";
        notifications.schedule(NewNotification.plain(
                new NewNotification.Addressing(offer.patientId(), Purpose.WAITLIST_OFFER, Channel.SMS, clock.instant(),
                        delivery.event().id()),
                new NewNotification.Wording("An earlier appointment is free", body)));
    }
}
