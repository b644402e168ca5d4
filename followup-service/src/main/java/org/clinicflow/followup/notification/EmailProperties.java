package org.clinicflow.followup.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Objects;

/** @param from the clinic's sending address: the From of every email and the ORGANIZER of every invite */
@ConfigurationProperties("clinicflow.followup.email")
record EmailProperties(String from) {

    EmailProperties {
        Objects.requireNonNull(from, "clinicflow.followup.email.from must be set");
    }
}
