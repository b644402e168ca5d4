package org.clinicflow.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link PersonalDataFreeSpans} in front of the Zipkin exporter Spring Boot configures, so that the rule holds
 * for every span of every deployable, including those of instrumentation nobody here wrote.
 */
@AutoConfiguration
@ConditionalOnClass(ZipkinSpanExporter.class)
public class TracingConfiguration {

    @Bean
    static BeanPostProcessor personalDataFreeSpans() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ZipkinSpanExporter zipkin ? new PersonalDataFreeSpans(zipkin) : bean;
            }
        };
    }
}
