package org.clinicflow.web.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where the three services listen (the web calls them directly, never through the gateway a second time), and the
 * clinic's phone number, which patients are given whenever something cannot be done online.
 */
@ConfigurationProperties("clinicflow.web")
public record WebProperties(URI bookingUrl, URI contentUrl, URI followupUrl,
                            @DefaultValue("020 7946 0000") String clinicPhone) {
}
