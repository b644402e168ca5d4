package org.clinicflow.platform.correlation;

import io.opentelemetry.api.trace.Span;

import java.util.Optional;

/**
 * The id that ties together everything one request caused: log lines in every service, audit records, the events it
 * published and the messages those led to. It is the request's trace id (ADR 22): the gateway starts the trace, W3C
 * trace context carries it over HTTP and Kafka, and Zipkin shows the whole of it by this id.
 */
public final class CorrelationId {

    /** The response header that hands the id to the caller, so that support staff can be told it. */
    public static final String HEADER = "X-Correlation-Id";
    /** The CloudEvents extension attribute in the event's JSON envelope: the id stays with the event at rest. */
    public static final String CLOUD_EVENT_ATTRIBUTE = "correlationid";

    private CorrelationId() {
    }

    /**
     * The trace id of the work this thread is doing (32 lowercase hex digits), if it is inside a trace. Read from the
     * OpenTelemetry context, which Micrometer Tracing keeps current for every observed request, record and send.
     */
    public static Optional<String> current() {
        var context = Span.current().getSpanContext();
        return context.isValid() ? Optional.of(context.getTraceId()) : Optional.empty();
    }
}
