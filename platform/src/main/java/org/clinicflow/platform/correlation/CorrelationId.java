package org.clinicflow.platform.correlation;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together everything one request caused: log lines in every service, audit records, and the events
 * it published. The gateway assigns it; each service keeps it in the logging MDC for the duration of the work.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** The MDC key, and so {@code %X{correlationId}} in a log pattern. */
    public static final String MDC_KEY = "correlationId";
    /** The Kafka record header, named as the CloudEvents Kafka binding names an extension attribute. */
    public static final String KAFKA_HEADER = "ce_correlationid";
    /** The CloudEvents extension attribute in the event's JSON envelope. */
    public static final String CLOUD_EVENT_ATTRIBUTE = "correlationid";

    /**
     * Letters, digits, dot, underscore and hyphen, 8 to 64 of them: a UUID fits, and nothing a caller sends can smuggle
     * line breaks or markup into a log line or an audit record.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationId() {
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The correlation id of the work this thread is doing, if it has one. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
