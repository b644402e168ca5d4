package org.clinicflow.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataFreeSpansTest {

    private final List<SpanData> exported = new ArrayList<>();
    private final SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new PersonalDataFreeSpans(new Recording(exported))))
            .build();

    @Test
    void aSearchQueryNeverLeavesWithTheSpan() {
        var span = tracers.get("test").spanBuilder("http get").startSpan();
        span.setAttribute("http.url", "http://booking:8081/api/booking/patients?q=Zebedee%20Quixotic");
        span.setAttribute("url.query", "q=Zebedee");
        span.setAttribute("method", "GET");
        span.end();

        var attributes = exported.getFirst().getAttributes();
        assertThat(attributes.get(AttributeKey.stringKey("http.url")))
                .isEqualTo("http://booking:8081/api/booking/patients");
        assertThat(attributes.get(AttributeKey.stringKey("url.query"))).isNull();
        assertThat(attributes.get(AttributeKey.stringKey("method"))).isEqualTo("GET");
    }

    @Test
    void anExceptionsMessageNeverLeavesButTheSpanStillSaysItFailed() {
        var span = tracers.get("test").spanBuilder("http post").startSpan();
        var refused = new IllegalArgumentException("not a mobile: +44 7700 900123");
        span.recordException(refused);
        span.setStatus(StatusCode.ERROR, refused.getMessage());
        span.addEvent("sent");
        span.end();

        var data = exported.getFirst();
        assertThat(data.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(data.getStatus().getDescription()).isEmpty();
        assertThat(data.getEvents()).extracting(event -> event.getName()).containsExactly("sent");
        assertThat(data.toString()).doesNotContain("7700");
    }

    private record Recording(List<SpanData> spans) implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
