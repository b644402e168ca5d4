package org.clinicflow.content.reading;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Objects;

/**
 * How public reads are answered ({@code clinicflow.content.*}).
 *
 * @param publishedHashFreshness how long a published hash read from the database answers conditional reads before it
 *                               is read again (see {@link PublishedContent}); no default, each profile says
 */
@ConfigurationProperties("clinicflow.content")
record ReadingProperties(Duration publishedHashFreshness) {
    ReadingProperties {
        Objects.requireNonNull(publishedHashFreshness, "clinicflow.content.published-hash-freshness must be set");
    }
}
