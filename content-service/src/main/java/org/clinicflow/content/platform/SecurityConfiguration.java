package org.clinicflow.content.platform;

import org.clinicflow.platform.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Published treatment information is public, as on the clinic's website; everything else (drafts, history, the
 * sign-off steps) needs a token for audience {@code content-service}, with roles checked by {@code @PreAuthorize} on
 * each endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return ApiSecurity.chain(http, requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/content/treatments", "/api/content/treatments/*",
                        "/api/content/treatments/*/sections/*", "/api/content/search")
                .permitAll());
    }
}
