package org.clinicflow.followup.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored message as the dispatcher and the views read it. Its {@code id} is also the idempotency key every channel is
 * given, so a send repeated after a crash is recognised by the provider as the same message.
 *
 * @param channel          the channel being tried or that delivered it; null before the first try
 * @param calendarSequence with calendarSummary and calendarLocation: the appointment's calendar entry as planned
 *                         with the message; null when it is about no appointment. The location may be null alone.
 * @param providerId       the provider's id for it, when the provider reports delivery (Notify)
 * @param delivery         what the provider last said became of it after accepting it; null when it never says (email)
 * @param triedBefore      as claimed for sending: an earlier try may have reached a provider (false when read
 *                         otherwise)
 * @param traceParent      the W3C traceparent of the work that planned it, to send it in that trace; null when it was
 *                         planned outside any trace or before traces were kept
 */
public record Notification(UUID id, UUID patientId, Purpose purpose, UUID appointmentId, UUID pathwayId, String stepCode,
                    String title, String body, String contentSlug, String contentSection,
                    Instant appointmentStartsAt, Instant appointmentEndsAt, Channel preferredChannel, Instant dueAt,
                    NotificationStatus status, Instant nextAttemptAt, int attempts, Channel channel,
                    boolean fallenBack, String lastError, Instant sentAt, Integer contentVersion,
                    String contentHash, Integer calendarSequence, String calendarSummary,
                    String calendarLocation, UUID providerId, Delivery delivery, Instant deliveredAt,
                    boolean triedBefore, String traceParent) {
}
