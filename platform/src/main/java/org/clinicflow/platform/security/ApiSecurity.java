package org.clinicflow.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain every service's API shares: bearer tokens only (stateless, so no cookies and no CSRF tokens);
 * health and API docs open; everything under {@code /api/**} needs a valid token for the service's audience; anything
 * else refused. Which role may do what is declared on each endpoint with {@code @PreAuthorize}.
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    /**
     * @param publicEndpoints the service's own endpoints that need no token (e.g. published treatment pages);
     *                        applied before the "everything else needs a token" rule
     */
    public static SecurityFilterChain chain(HttpSecurity http,
                                            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>
                                                    .AuthorizationManagerRequestMatcherRegistry> publicEndpoints)
            throws Exception {
        return http
                .authorizeHttpRequests(requests -> {
                    // Health and metrics are served on the management port only, which the gateway never routes to; metrics
                    // carry no personal data (deploy/observability).
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus").permitAll()
                            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll();
                    publicEndpoints.customize(requests);
                    requests.requestMatchers("/api/**").authenticated().anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemAnswers.noUsableToken())
                        .accessDeniedHandler(ProblemAnswers.notAllowed()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(ProblemAnswers.noUsableToken())
                        .accessDeniedHandler(ProblemAnswers.notAllowed()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** For services whose whole API needs a token. */
    public static SecurityFilterChain chain(HttpSecurity http) throws Exception {
        return chain(http, requests -> {
        });
    }
}
