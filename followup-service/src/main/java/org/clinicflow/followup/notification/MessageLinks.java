package org.clinicflow.followup.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Objects;

/**
 * Where the links in the clinic's messages lead ({@code clinicflow.followup.links.base-url}): the gateway's public
 * address, in front of the screens. Patients' links and the lead's link to the to-do list both start here.
 */
@ConfigurationProperties("clinicflow.followup.links")
public record MessageLinks(String baseUrl) {

    public MessageLinks {
        Objects.requireNonNull(baseUrl, "clinicflow.followup.links.base-url must be set");
        baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** @param path from the gateway's root, starting with a slash */
    public String to(String path) {
        return baseUrl + path;
    }
}
