package org.clinicflow.followup.platform;

import org.clinicflow.platform.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call but the one-click opt-out needs a valid token for audience {@code followup-service}; which role may
 * do what is declared on each
 * endpoint with {@code @PreAuthorize}, next to the code it guards.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // An email's one-click opt-out is signed for its patient (OptOutLinks): the link is the permission.
        return ApiSecurity.chain(http, requests -> requests.requestMatchers("/api/followup/opt-out/*").permitAll());
    }
}
