package org.clinicflow.followup.notification;

import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Texts, and emails where the clinic chooses, through GOV.UK Notify's own client, which signs every call with the JWT
 * Notify requires. The notification id goes as Notify's {@code reference}; the words go into a template whose
 * {@code ((subject))} and {@code ((body))} carry the clinic's own. Notify takes no idempotency key, so when an earlier
 * try may have reached it (a retry after a timeout, or a send taken over from an instance that stopped), Notify is
 * first asked whether it already holds a live message with this reference; if so that one stands and nothing is sent
 * again.
 * <p>
 * An email through Notify carries the one-click opt-out as Notify's {@code one_click_unsubscribe_url}, but no calendar
 * invite: Notify attaches no files. A clinic that wants invites sends email over SMTP.
 * <p>
 * A 400 (an invalid number or address) is permanent; 403 (a refused token), 429, 5xx and I/O errors are worth
 * retrying, and repeated ones open the channel's breaker.
 */
class NotifySender implements ChannelSender {

    private final NotificationClient notify;
    private final Channel channel;
    private final String templateId;

    NotifySender(NotificationClient notify, Channel channel, String templateId) {
        this.notify = notify;
        this.channel = channel;
        try {
            this.templateId = UUID.fromString(templateId).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("The Notify template for " + channel + " must be a Notify template's id");
        }
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public Optional<UUID> send(OutgoingMessage message) {
        var reference = message.idempotencyKey().toString();
        var words = Map.of("subject", message.subject(), "body", message.text());
        try {
            if (message.triedBefore()) {
                var earlier = acceptedEarlier(reference);
                if (earlier.isPresent()) {
                    return earlier;
                }
            }
            return Optional.of(channel == Channel.SMS
                    ? notify.sendSms(templateId, message.to(), words, reference).getNotificationId()
                    : notify.sendEmail(templateId, message.to(), words, reference, "",
                    message.optOutLink() == null ? null : URI.create(message.optOutLink())).getNotificationId());
        } catch (NotificationClientException e) {
            throw refusal(e);
        }
    }

    /** A message Notify already holds under this reference, unless it has failed (then a new one is wanted). */
    private Optional<UUID> acceptedEarlier(String reference) throws NotificationClientException {
        return notify.getNotifications(null, channel == Channel.SMS ? "sms" : "email", reference, null)
                .getNotifications().stream()
                .filter(sent -> !sent.getStatus().endsWith("failure"))
                .map(Notification::getId)
                .findFirst();
    }

    /** Notify's answer by status only: its message may quote the number or address, which are personal data. */
    static RuntimeException refusal(NotificationClientException e) {
        var status = e.getHttpResult();
        if (status == 400) {
            return new PermanentDeliveryException("Notify refused the message (400)");
        }
        if (status == 403) {
            return new IllegalStateException("Notify refused the API key's token (403)");
        }
        return new IllegalStateException(status == 0 ? "Notify could not be reached"
                : "Notify answered " + status);
    }
}
