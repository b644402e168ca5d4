package org.clinicflow.platform.correlation;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

import java.nio.charset.StandardCharsets;

/**
 * Restores the correlation id an event was published with into the MDC while a listener handles it, so that the
 * consumer's log lines and audit records name the request that started it all. Events without one get none.
 */
class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        var header = record.headers().lastHeader(CorrelationId.KAFKA_HEADER);
        var id = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        if (CorrelationId.isWellFormed(id)) {
            MDC.put(CorrelationId.MDC_KEY, id);
        } else {
            MDC.remove(CorrelationId.MDC_KEY);
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(CorrelationId.MDC_KEY);
    }
}
