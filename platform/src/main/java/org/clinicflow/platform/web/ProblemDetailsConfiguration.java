package org.clinicflow.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/** Ordered before Spring MVC's auto-configuration, so that Boot does not add a second, generic handler of its own. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class ProblemDetailsConfiguration {

    /** What the schema's constraints protect: the service's own rules and the platform's tables'. */
    @Bean
    DatabaseRules databaseRules(ResourceLoader resources) {
        return DatabaseRules.from(resources.getResource("classpath:db/platform/rules.properties"),
                resources.getResource("classpath:db/rules.properties"));
    }

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }
}
