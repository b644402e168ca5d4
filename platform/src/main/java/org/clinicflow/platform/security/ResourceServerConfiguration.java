package org.clinicflow.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Token checks come from Spring Boot's resource server properties, set by each service: issuer-uri (signature keys
 * and issuer), audiences (this service's own name) and jws-algorithms (RS256 only, what Keycloak signs with).
 * This adds how a checked token becomes a principal.
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
     * No observations of Spring Security's filters. With observations merely disabled by property, the chain is still
     * wrapped, and every filter of every request builds an observation that records nothing; without the wrapping a
     * request costs what its filters do. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
