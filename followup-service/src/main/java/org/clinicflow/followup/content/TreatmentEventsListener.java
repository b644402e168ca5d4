package org.clinicflow.followup.content;

import org.clinicflow.platform.inbox.Inbox;
import org.clinicflow.platform.inbox.MalformedEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;

/** Replaces the cached content of a treatment as soon as content-service publishes a new version. */
@Component
class TreatmentEventsListener {

    static final String CONSUMER = "followup-service.content";

    private final Inbox inbox;
    private final TreatmentContents contents;
    private final Clock clock;

    TreatmentEventsListener(Inbox inbox, TreatmentContents contents, Clock clock) {
        this.inbox = inbox;
        this.contents = contents;
        this.clock = clock;
    }

    @KafkaListener(topics = "clinic.content.treatment", groupId = "followup-service.content")
    @Transactional
    void on(String record) {
        var event = inbox.read(record);
        if (!event.type().equals("clinic.content.treatment-published.v1") || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        try {
            var data = event.data();
            var sections = new LinkedHashMap<String, String>();
            data.required("sections").properties()
                    .forEach(entry -> sections.put(entry.getKey(), entry.getValue().required("markdown").asString()));
            contents.store(new QuotedContent(data.required("treatmentSlug").asString(),
                    data.required("version").asInt(), data.required("contentHash").asString(),
                    data.required("demo").asBoolean(), data.required("title").asString(), sections), clock.instant());
        } catch (RuntimeException e) {
            throw new MalformedEventException("treatment-published event " + event.id() + " lacks required data", e);
        }
    }
}
