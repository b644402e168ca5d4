package org.clinicflow.followup.notification;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Email to the clinic's own staff (not to a patient), through the same email channel patients' messages use: SMTP
 * with the key as Message-ID, so a message sent again after a crash is one message to the reader; log-only when no
 * SMTP server is configured. Retrying is the caller's, which keeps its own record of what was sent.
 */
@Component
public class ClinicMail {

    private final ChannelSender email;

    ClinicMail(List<ChannelSender> senders) {
        this.email = senders.stream().filter(sender -> sender.channel() == Channel.EMAIL).findFirst()
                .orElseThrow(() -> new IllegalStateException("No email channel configured"));
    }

    /**
     * @param key the same on every attempt for one message
     * @throws Exception when the server did not accept it; {@link PermanentDeliveryException} when retrying cannot
     *                   help (a malformed address)
     */
    public void send(UUID key, String to, String subject, String text) throws Exception {
        email.send(new OutgoingMessage(key, to, subject, text, null, false, null));
    }

    /** Whether retrying a failure of {@link #send} cannot help. */
    public static boolean permanent(Exception failure) {
        return failure instanceof PermanentDeliveryException;
    }
}
