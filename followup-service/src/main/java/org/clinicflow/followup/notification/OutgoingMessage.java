package org.clinicflow.followup.notification;

import java.util.UUID;

/**
 * One message as handed to a channel.
 *
 * @param idempotencyKey the notification id: the same on every retry and after a restart
 * @param to             an email address or mobile number: personal data, never logged
 * @param calendar       the appointment's calendar entry to attach as an invite (email only), or null
 * @param triedBefore    an earlier try may have reached the provider (a retry, or a claim taken over from an instance
 *                       that stopped mid-send), so a provider without idempotency keys is asked first
 * @param optOutLink     where one click opts the patient out of this channel (email only), or null
 */
record OutgoingMessage(UUID idempotencyKey, String to, String subject, String text,
                       AppointmentCalendar.Invite calendar, boolean triedBefore, String optOutLink) {

    @Override
    public String toString() {
        return "OutgoingMessage[" + idempotencyKey + "]";
    }
}
