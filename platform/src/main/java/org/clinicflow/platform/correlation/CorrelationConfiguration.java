package org.clinicflow.platform.correlation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The correlation filter runs first of all filters, so that even a request refused for its token is logged with its id.
 * The Kafka interceptor is picked up by Spring Boot's listener container factory.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class CorrelationConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
            var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecordInterceptor.class)
    static class Kafka {

        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        RecordInterceptor<Object, Object> correlationRecordInterceptor() {
            return new CorrelationRecordInterceptor();
        }
    }
}
