package org.clinicflow.platform.correlation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationRecordInterceptorTest {

    private final CorrelationRecordInterceptor interceptor = new CorrelationRecordInterceptor();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void anEventsCorrelationIdIsInTheLogContextWhileItIsHandledOnly() {
        var record = record("3f1d2c4e-0000-4000-a000-000000000042");
        interceptor.intercept(record, null);
        assertThat(CorrelationId.current()).contains("3f1d2c4e-0000-4000-a000-000000000042");
        interceptor.afterRecord(record, null);
        assertThat(CorrelationId.current()).isEmpty();
    }

    @Test
    void aMalformedOrMissingIdLeavesNoneBehindFromThePreviousEvent() {
        MDC.put(CorrelationId.MDC_KEY, "left-over-from-before");
        interceptor.intercept(record("bad id\nwith a line break"), null);
        assertThat(CorrelationId.current()).isEmpty();

        MDC.put(CorrelationId.MDC_KEY, "left-over-from-before");
        interceptor.intercept(new ConsumerRecord<>("topic", 0, 0, "key", "{}"), null);
        assertThat(CorrelationId.current()).isEmpty();
    }

    private static ConsumerRecord<Object, Object> record(String correlationId) {
        var record = new ConsumerRecord<Object, Object>("topic", 0, 0, "key", "{}");
        record.headers().add(CorrelationId.KAFKA_HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
