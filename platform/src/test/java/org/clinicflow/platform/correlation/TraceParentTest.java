package org.clinicflow.platform.correlation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    private final SdkTracerProvider tracers = SdkTracerProvider.builder().build();

    @AfterEach
    void close() {
        tracers.close();
    }

    @Test
    void workRestoredFromAStoredTraceParentContinuesThatTrace() {
        var request = tracers.get("test").spanBuilder("booking request").startSpan();
        String stored;
        try (var inRequest = request.makeCurrent()) {
            stored = TraceParent.current().orElseThrow();
            assertThat(CorrelationId.current()).contains(request.getSpanContext().getTraceId());
        } finally {
            request.end();
        }
        assertThat(stored).isEqualTo("00-" + request.getSpanContext().getTraceId() + "-"
                + request.getSpanContext().getSpanId() + "-01");
        assertThat(TraceParent.current()).isEmpty();

        try (var later = TraceParent.restore(stored)) {
            var send = tracers.get("test").spanBuilder("relay send").startSpan();
            assertThat(send.getSpanContext().getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
            send.end();
        }
    }

    @Test
    void aRowWithoutOneOrAMalformedOneStartsAFreshTraceRatherThanJoiningTheThreadsLast() {
        var leftOver = tracers.get("test").spanBuilder("left over").startSpan();
        try (var stale = leftOver.makeCurrent()) {
            for (var stored : new String[]{null, "not-a-traceparent\nwith a line break"}) {
                try (var later = TraceParent.restore(stored)) {
                    assertThat(Span.current().getSpanContext().isValid()).isFalse();
                    assertThat(CorrelationId.current()).isEmpty();
                }
            }
        } finally {
            leftOver.end();
        }
    }
}
