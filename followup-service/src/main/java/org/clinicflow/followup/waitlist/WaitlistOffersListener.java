package org.clinicflow.followup.waitlist;

import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.followup.notification.Channel;
import org.clinicflow.followup.notification.NewNotification;
import org.clinicflow.followup.notification.Notifications;
import org.clinicflow.followup.notification.Purpose;
import org.clinicflow.platform.inbox.Inbox;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
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
class WaitlistOffersListener {

    static final String CONSUMER = "followup-service.offers";
    private static final Logger log = LoggerFactory.getLogger(WaitlistOffersListener.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK).withZone(ClinicZone.ZONE);

    private final Inbox inbox;
    private final Notifications notifications;
    private final Clock clock;
    private final String linkBase;

    WaitlistOffersListener(Inbox inbox, Notifications notifications, Clock clock,
                           @Value("${clinicflow.followup.links.base-url}") String linkBase) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.clock = clock;
        this.linkBase = linkBase.replaceAll("/+$", "");
    }

    @KafkaListener(topics = "clinic.booking.waitlist", groupId = CONSUMER)
    @Transactional
    void on(String record) {
        var event = inbox.read(record);
        if (!inbox.firstDelivery(CONSUMER, event)) {
            log.debug("Event {} already processed; ignored", event.id());
            return;
        }
        if (!event.type().equals("clinic.booking.waitlist-offer-made.v1")) {
            log.debug("Event type {} not handled by waiting-list offers", event.type());
            return;
        }
        UUID offerId;
        UUID patientId;
        String key;
        Instant startsAt;
        Instant current;
        Instant expiresAt;
        try {
            var data = event.data();
            offerId = UUID.fromString(data.required("offerId").asString());
            patientId = UUID.fromString(data.required("patientId").asString());
            key = data.required("accessKey").asString();
            startsAt = OffsetDateTime.parse(data.required("startsAt").asString()).toInstant();
            current = OffsetDateTime.parse(data.required("currentStartsAt").asString()).toInstant();
            expiresAt = OffsetDateTime.parse(data.required("expiresAt").asString()).toInstant();
        } catch (RuntimeException e) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " lacks required data", e);
        }
        var link = linkBase + "/offers/" + offerId + "?key=" + key;
        var body = "An earlier time has come free with the same clinician: " + WHEN.format(startsAt)
                + ". Your appointment is now on " + WHEN.format(current) + ".\n\nTo take the earlier time, open "
                + link + " before " + WHEN.format(expiresAt) + ". It goes to whoever takes it first. If you do "
                + "nothing, you keep the appointment you have.";
        notifications.schedule(NewNotification.plain(
                new NewNotification.Addressing(patientId, Purpose.WAITLIST_OFFER, Channel.SMS, clock.instant(),
                        event.id()),
                new NewNotification.Wording("An earlier appointment is free", body)));
    }
}
