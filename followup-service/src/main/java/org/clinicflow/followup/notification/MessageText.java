package org.clinicflow.followup.notification;

import org.clinicflow.followup.content.QuotedContent;

/**
 * Patient-friendly wording around a stored message: greeting, the quoted advice, and how to reach the team. When,
 * where and with whom an appointment is are in the message's own body, worded as it was planned.
 */
final class MessageText {

    private MessageText() {
    }

    /** @param content the published content to quote, or null when the message quotes none */
    static String of(Notification n, String givenName, QuotedContent content) {
        var text = new StringBuilder("Dear ").append(givenName).append(",\n\n").append(n.body());
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
}
