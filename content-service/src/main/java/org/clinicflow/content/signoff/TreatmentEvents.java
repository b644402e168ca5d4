package org.clinicflow.content.signoff;

import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.content.treatment.KeyFacts;
import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where content-service's versions become events on topic {@value #TOPIC}; each type and payload here
 * matches a schema in {@code contracts/schemas}.
 */
final class TreatmentEvents {

    static final String TOPIC = "clinic.content.treatment";
    static final String SOURCE = "/clinicflow/content-service";
    static final String PUBLISHED_V1 = "clinic.content.treatment-published.v1";

    private TreatmentEvents() {
    }

    /**
     * Payload of {@code clinic.content.treatment-published.v1}. It carries the whole published content, so that
     * followup-service can quote the current recovery advice, and record which version and hash it quoted, without
     * calling content-service for every message.
     *
     * @param sections by section key ({@code recovery}, ...), only the sections the version has
     */
    record TreatmentPublishedV1(String treatmentSlug, int version, String contentHash, boolean demo, String title,
                                String summary, KeyFacts keyFacts, Map<String, SectionV1> sections,
                                OffsetDateTime publishedAt, LocalDate reviewDue) {
    }

    record SectionV1(String heading, String markdown, String html) {
    }

    static CloudEvent published(TreatmentVersion version, Clock clock) {
        var sections = new LinkedHashMap<String, SectionV1>();
        version.sections().forEach((section, rendered) -> sections.put(section.key(),
                new SectionV1(section.heading(), rendered.markdown(), rendered.html())));
        var data = new TreatmentPublishedV1(version.treatmentSlug(), version.number(), version.contentHash(),
                version.demo(), version.title(), version.summary(), version.keyFacts(), sections,
                clinicTime(version.publishedAt()), version.reviewDue());
        return new CloudEvent(UUID.randomUUID(), SOURCE, PUBLISHED_V1, version.treatmentSlug(),
                OffsetDateTime.now(clock), null, data);
    }

    private static OffsetDateTime clinicTime(Instant instant) {
        return instant.atZone(ClinicZone.ZONE).toOffsetDateTime();
    }
}
