package org.clinicflow.followup.notification;

import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.followup.content.QuotedContent;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Patient-friendly wording around a stored message: greeting, when, the quoted advice, and how to reach the team. */
final class MessageText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private MessageText() {
    }

    /** @param content the published content to quote, or null when the message quotes none */
    static String of(Notification n, String givenName, QuotedContent content) {
        var text = new StringBuilder("Dear ").append(givenName).append(",\n\n").append(n.body());
        if (n.appointmentStartsAt() != null) {
            text.append("\n\nWhen: ").append(when(n.appointmentStartsAt())).append(" (UK time).");
        }
        if (content != null && n.contentSection() != null) {
            var section = content.sections().get(n.contentSection());
            if (section != null) {
                text.append("\n\n").append(content.title()).append(":\n\n").append(section.strip());
                if (content.demo()) {
                    text.append("\n\n(This advice is demo wording that a surgeon has not yet signed off.)");
                }
            }
        }
        text.append("\n\nIf anything worries you, or you have a question, please call the clinic: we are here to help.")
                .append("\n\nThe clinic team");
        return text.toString();
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(ClinicZone.ZONE));
    }
}
