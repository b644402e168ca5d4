package org.clinicflow.followup.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Email over SMTP. The notification id becomes the Message-ID, so a message sent again after a crash (between the
 * server's acceptance and our record of it) is the same message to every mail client, which shows it once. Each email
 * carries its one-click opt-out (RFC 8058) in its headers and in words at its foot.
 */
class SmtpEmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final String from;
    /** The bare address of {@code from}: the ORGANIZER of the invites it sends. */
    private final String organizer;

    SmtpEmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
        try {
            this.organizer = new InternetAddress(from, true).getAddress();
        } catch (AddressException e) {
            throw new IllegalStateException("clinicflow.followup.email.from is not an email address", e);
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Optional<UUID> send(OutgoingMessage message) throws MessagingException {
        InternetAddress to;
        try {
            to = new InternetAddress(message.to(), true);
        } catch (AddressException e) {
            throw new PermanentDeliveryException("The email address is not valid");
        }
        var mime = new IdentifiedMimeMessage(mail.createMimeMessage(), message.idempotencyKey() + "@followup.clinicflow");
        var helper = new MimeMessageHelper(mime, message.calendar() != null, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(message.subject());
        helper.setText(message.optOutLink() == null ? message.text() : message.text()
                + "\n\nTo stop getting emails from the clinic: " + message.optOutLink(), false);
        mime.setHeader("X-Idempotency-Key", message.idempotencyKey().toString());
        if (message.optOutLink() != null) {
            // RFC 8058: a mail client's "unsubscribe" POSTs this body to the link, with no page in between.
            mime.setHeader("List-Unsubscribe", "<" + message.optOutLink() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (message.calendar() != null) {
            // iMIP: the invite is organised by the address it comes from, for the address it goes to.
            var ics = AppointmentCalendar.write(message.calendar(), organizer, to.getAddress());
            helper.addAttachment("appointment.ics", new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + message.calendar().method()));
        }
        mail.send(mime);
        return Optional.empty();
    }

    /** JavaMail replaces the Message-ID on save; this keeps ours. */
    private static final class IdentifiedMimeMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMimeMessage(MimeMessage template, String messageId) {
            super((Session) template.getSession());
            this.messageId = "<" + messageId + ">";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
