package org.clinicflow.web.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/** Where the three services listen. The web calls them directly, never through the gateway a second time. */
@ConfigurationProperties("clinicflow.web")
public record WebProperties(URI bookingUrl, URI contentUrl, URI followupUrl) {
}
