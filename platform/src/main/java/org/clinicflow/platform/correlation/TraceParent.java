package org.clinicflow.platform.correlation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The W3C {@code traceparent} of the current span, to keep beside work that is done later on another thread: an
 * outbox event the relay sends after commit, a message a scheduled sender sends hours later. Restoring it makes that
 * work part of the trace of the request that caused it, instead of a trace of its own that nobody can connect.
 * <p>
 * Only the traceparent is kept, not baggage or tracestate: the project sets neither, and a stored row should not
 * carry values nobody reads.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParent() {
    }

    /** E.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}; empty outside a trace. */
    public static Optional<String> current() {
        if (!Span.current().getSpanContext().isValid()) {
            return Optional.empty();
        }
        var carrier = new HashMap<String, String>();
        W3C.inject(Context.current(), carrier, (map, key, value) -> map.put(key, value));
        return Optional.ofNullable(carrier.get(HEADER));
    }

    /**
     * Makes the stored context current until the scope closes, so that spans started meanwhile are its children.
     * A null or malformed value (a row written before traces were kept) makes no context current: the work then
     * starts a fresh trace rather than joining whatever this thread ran before.
     */
    public static Scope restore(String traceParent) {
        if (traceParent == null) {
            return Context.root().makeCurrent();
        }
        return W3C.extract(Context.root(), traceParent, STORED).makeCurrent();
    }
}
