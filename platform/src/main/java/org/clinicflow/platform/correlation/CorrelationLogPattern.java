package org.clinicflow.platform.correlation;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Every service's log lines name the request (or event) they belong to: {@code logging.pattern.correlation} defaults
 * to the correlation id from the MDC. Added last, so a service's own setting wins.
 */
class CorrelationLogPattern implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("clinicflow-correlation-log-pattern",
                Map.of("logging.pattern.correlation", "[%X{" + CorrelationId.MDC_KEY + ":-}] ")));
    }
}
