package org.clinicflow.followup.notification;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Texts through GOV.UK Notify's own client, which signs every call with the JWT Notify requires. The notification id
 * goes as Notify's {@code reference}. Notify takes no idempotency key, so when an earlier try may have reached it (a
 * retry after a timeout, or a send taken over from an instance that stopped), Notify is first asked whether it already
 * holds a live text with this reference; if so that one stands and nothing is sent again.
 * <p>
 * A 400 (an invalid number, say) is permanent; 403 (a refused token), 429, 5xx and I/O errors are worth retrying,
 * and repeated ones open the channel's breaker.
 */
class NotifySmsSender implements ChannelSender {

    private final NotificationClient notify;
    private final String templateId;

    NotifySmsSender(NotificationClient notify, String templateId) {
        this.notify = notify;
        try {
            this.templateId = UUID.fromString(templateId).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("clinicflow.followup.sms.template-id must be a Notify template's id");
        }
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Optional<UUID> send(OutgoingMessage message) {
        var reference = message.idempotencyKey().toString();
        try {
            if (message.triedBefore()) {
                var earlier = acceptedEarlier(reference);
                if (earlier.isPresent()) {
                    return earlier;
                }
            }
            var response = notify.sendSms(templateId, message.to(),
                    Map.of("subject", message.subject(), "body", message.text()), reference);
            return Optional.of(response.getNotificationId());
        } catch (NotificationClientException e) {
            throw refusal(e);
        }
    }

    /** A text Notify already holds under this reference, unless it has failed (then a new one is wanted). */
    private Optional<UUID> acceptedEarlier(String reference) throws NotificationClientException {
        return notify.getNotifications(null, "sms", reference, null).getNotifications().stream()
                .filter(text -> !text.getStatus().endsWith("failure"))
                .map(uk.gov.service.notify.Notification::getId)
                .findFirst();
    }

    /** Notify's answer by status only: its message may quote the number, which is personal data. */
    static RuntimeException refusal(NotificationClientException e) {
        var status = e.getHttpResult();
        if (status == 400) {
            return new PermanentDeliveryException("Notify refused the text (400)");
        }
        if (status == 403) {
            return new IllegalStateException("Notify refused the API key's token (403)");
        }
        return new IllegalStateException(status == 0 ? "Notify could not be reached"
                : "Notify answered " + status);
    }
}
