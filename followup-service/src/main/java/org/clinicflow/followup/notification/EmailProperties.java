package org.clinicflow.followup.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Objects;

/**
 * @param from             the clinic's sending address: the From of every email and the ORGANIZER of every invite
 * @param via              {@code smtp} (the default) or {@code notify}: the clinic's choice of how email goes
 * @param notifyTemplateId the Notify email template whose ((subject)) and ((body)) carry the words, when via Notify
 */
@ConfigurationProperties("clinicflow.followup.email")
record EmailProperties(String from, @DefaultValue("smtp") String via, String notifyTemplateId) {

    EmailProperties {
        Objects.requireNonNull(from, "clinicflow.followup.email.from must be set");
    }
}
