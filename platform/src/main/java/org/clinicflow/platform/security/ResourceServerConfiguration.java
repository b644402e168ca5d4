package org.clinicflow.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.time.Duration;

/**
 * Token checks come from Spring Boot's resource server properties, set by each service: issuer-uri (signature keys
 * and issuer), audiences (this service's own name) and jws-algorithms (RS256 only, what Keycloak signs with).
 * This adds how a checked token becomes a principal, and how much clock skew a token's times are allowed.
 */
@AutoConfiguration
public class ResourceServerConfiguration {

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    /**
     * How far apart Keycloak's clock and this service's may be before a token counts as expired or not yet valid
     * ({@code clinicflow.security.token-clock-skew}; Spring Security's 60 s unless set). Spring Boot adds this check
     * beside its own timestamp check of 60 s, so a setting can only tighten it, never let an older token in.
     */
    @Bean
    OAuth2TokenValidator<Jwt> tokenClockSkew(@Value("${clinicflow.security.token-clock-skew:60s}") Duration skew) {
        return new JwtTimestampValidator(skew);
    }

    /**
     * No observations of Spring Security's filters. With observations merely disabled by property, the chain is still
     * wrapped, and every filter of every request builds an observation that records nothing; without the wrapping a
     * request costs what its filters do. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
