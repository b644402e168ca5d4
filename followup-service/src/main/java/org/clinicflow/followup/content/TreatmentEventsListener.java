package org.clinicflow.followup.content;

import org.clinicflow.platform.inbox.EventRouter;
import org.clinicflow.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Replaces the cached content of a treatment as soon as content-service publishes a new version. */
@Component
class TreatmentEventsListener {

    static final String CONSUMER = "followup-service.content";

    private final EventRouter router;
    private final TreatmentContents contents;
    private final Clock clock;

    TreatmentEventsListener(Inbox inbox, TreatmentContents contents, Clock clock) {
        this.contents = contents;
        this.clock = clock;
        this.router = EventRouter.forConsumer(CONSUMER, inbox)
                .on("clinic.content.treatment-published.v1", Published.class, this::published);
    }

    /** What follow-up reads of {@code treatment-published.v1}: the signed-off version and its sections' text. */
    record Published(String treatmentSlug, Integer version, String contentHash, Boolean demo, String title,
                     Map<String, Section> sections) {
        Published {
            Objects.requireNonNull(treatmentSlug, "treatmentSlug");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(contentHash, "contentHash");
            Objects.requireNonNull(demo, "demo");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(sections, "sections");
        }

        record Section(String markdown) {
            Section {
                Objects.requireNonNull(markdown, "markdown");
            }
        }
    }

    @KafkaListener(topics = "clinic.content.treatment", groupId = CONSUMER)
    @Transactional
    void on(String record) {
        router.route(record);
    }

    private void published(Published published, EventRouter.Delivery delivery) {
        if (!delivery.first()) {
            return;
        }
        // The sections keep the order content-service wrote them in: the messages quote them in that order.
        var sections = new LinkedHashMap<String, String>();
        published.sections().forEach((key, section) -> sections.put(key, section.markdown()));
        contents.store(new QuotedContent(published.treatmentSlug(), published.version(), published.contentHash(),
                published.demo(), published.title(), sections), clock.instant());
    }
}
