package org.clinicflow.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * PostgreSQL explains a refused change with the row that broke the rule ("Key (patient_id, …)=(…) conflicts with …"),
 * and the driver puts that detail in the exception's message, which Hibernate logs at ERROR and any stack trace
 * repeats: a patient's id and their appointment times in the log for each refused double booking. The driver is told
 * to leave the detail out (the constraint's name, which {@link DatabaseRules} needs, is still there), and Hibernate's
 * logging of the refusal is off: {@link ProblemDetailsAdvice} logs the rule instead. Added last, so a service's own
 * setting wins.
 */
class DatabaseErrorsWithoutRows implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("clinicflow-database-errors-without-rows",
                Map.of("spring.datasource.hikari.data-source-properties.logServerErrorDetail", "false",
                        "logging.level.org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "off")));
    }
}
