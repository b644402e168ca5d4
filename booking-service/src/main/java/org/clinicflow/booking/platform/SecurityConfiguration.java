package org.clinicflow.booking.platform;

import org.clinicflow.platform.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call but a web self-referral and a waiting-list offer needs a valid token for audience {@code booking-service}; which role may do
 * what is declared on each endpoint with {@code @PreAuthorize}, next to the code it guards.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // A web self-referral needs no sign-in: its sender is registered by it, and its own access key guards it. So
        // does an earlier time offered from the waiting list: the patient follows a link, whose key opens that offer.
        return ApiSecurity.chain(http, requests -> requests
                .requestMatchers("/api/booking/self-referrals", "/api/booking/self-referrals/**",
                        "/api/booking/waitlist-offers/**").permitAll());
    }
}
