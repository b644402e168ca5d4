package org.clinicflow.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Sends spans on without the parts that can hold personal data, whatever instrumentation put them there:
 * <ul>
 * <li>the query of any URL tag ({@code http.url} of an HTTP client call, {@code http.uri} of a gateway route), and
 * any tag of a query alone, where a patient search puts a name;</li>
 * <li>exception messages and stack traces (the {@code exception} event and the error status's description), which may
 * quote a refused value; the exception's type stays in the observation's {@code exception} tag.</li>
 * </ul>
 * Method, path template, status, service names and ids remain: what a trace is read for.
 */
final class PersonalDataFreeSpans implements SpanExporter {

    private final SpanExporter delegate;

    PersonalDataFreeSpans(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().<SpanData>map(Scrubbed::new).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "PersonalDataFreeSpans{" + delegate + "}";
    }

    private static final class Scrubbed extends DelegatingSpanData {

        private final Attributes attributes;
        private final List<EventData> events;
        private final StatusData status;

        Scrubbed(SpanData span) {
            super(span);
            this.attributes = withoutQueries(span.getAttributes());
            this.events = span.getEvents().stream().filter(event -> !"exception".equals(event.getName())).toList();
            this.status = span.getStatus().getStatusCode() == StatusCode.ERROR ? StatusData.error() : span.getStatus();
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public int getTotalRecordedEvents() {
            return events.size();
        }

        @Override
        public StatusData getStatus() {
            return status;
        }

        private static Attributes withoutQueries(Attributes attributes) {
            var builder = Attributes.builder();
            attributes.forEach((key, value) -> {
                var name = key.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("exception.") || name.contains("query")) {
                    return;
                }
                if (value instanceof String text && namesAUrl(name) && text.indexOf('?') >= 0) {
                    builder.put(AttributeKey.stringKey(key.getKey()), text.substring(0, text.indexOf('?')));
                } else {
                    putAsIs(builder, key, value);
                }
            });
            return builder.build();
        }

        private static boolean namesAUrl(String name) {
            return name.contains("url") || name.contains("uri") || name.contains("target");
        }

        @SuppressWarnings("unchecked")
        private static void putAsIs(io.opentelemetry.api.common.AttributesBuilder builder, AttributeKey<?> key,
                                    Object value) {
            builder.put((AttributeKey<Object>) key, value);
        }
    }
}
