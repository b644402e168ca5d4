package org.clinicflow.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The web signs nobody in: the gateway does (ADR 11). Each request arrives with the signed-in user's access token,
 * relayed by the gateway, which the web checks like any service (signature, issuer, expiry, audience
 * {@code clinicflow-web}) and then passes on to the services it calls. No session is kept here.
 * <p>
 * Forms are protected against cross-site requests with the gateway's CSRF token: the gateway hands it over in
 * {@link #CSRF_HEADER} (overwriting anything a caller sent), every form carries it back as {@code _csrf}, and a
 * changing request whose field does not match is refused. The same token is the one the gateway's own sign-out
 * form needs.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    /** Set by the gateway on every request it routes here from a browser session. */
    static final String CSRF_HEADER = "X-Clinicflow-Csrf";

    /**
     * The public self-referral's pages. Their forms need no CSRF token: they carry no one's authority (the web calls
     * booking-service as nobody for them, signed in or not), so a forged one could do only what anyone may do
     * directly, and the gateway's limit per address applies to it all the same.
     */
    static final String[] SELF_REFERRAL = {"/refer", "/refer/**"};

    /**
     * An offer of an earlier time, opened from the link sent to the patient: the link's key is its only authority,
     * and it travels in the form, so a forged form without it can do nothing. Needs no CSRF token for that reason.
     */
    static final String[] OFFERS = {"/offers/**"};

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        var csrf = new FormFieldOnly();
        return http
                .authorizeHttpRequests(requests -> requests
                        // Health, info and metrics exist only on the management port, which the gateway never routes to.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/", "/assets/**", "/webjars/**", "/error").permitAll()
                        // The treatment information is public, as content-service publishes it.
                        .requestMatchers(HttpMethod.GET, "/treatments", "/treatments/*").permitAll()
                        // Referring yourself needs no account (see the referral package).
                        .requestMatchers(SELF_REFERRAL).permitAll()
                        .requestMatchers(OFFERS).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(realmRoles())))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Spring's CSRF filter puts the token in every form, but lets through any request with a bearer token,
                // and every request here has one (the gateway's relay): FormTokenCheck does the checking.
                .csrf(c -> c.csrfTokenRepository(new RelayedCsrfTokens()).csrfTokenRequestHandler(csrf)
                        .ignoringRequestMatchers(SELF_REFERRAL).ignoringRequestMatchers(OFFERS))
                .addFilterAfter(new FormTokenCheck(), CsrfFilter.class)
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(accessDenied()))
                // The gateway writes the security headers of every page (CSP, HSTS, frame options ...).
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * Refuses (403) every changing request whose {@code _csrf} field does not equal the token the gateway relayed for
     * the session, or that came without one. Reading the field reads a form body, which a page's own forms are.
     */
    static final class FormTokenCheck extends OncePerRequestFilter {

        private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
        private final AccessDeniedHandler refusal = accessDenied();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (SAFE.contains(request.getMethod()) || publicForm(request)) {
                chain.doFilter(request, response);
                return;
            }
            var expected = request.getHeader(CSRF_HEADER);
            var sent = request.getParameter("_csrf");
            if (expected == null || expected.isBlank() || sent == null || !MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
                refusal.handle(request, response, new InvalidCsrfTokenException(
                        new DefaultCsrfToken(CSRF_HEADER, "_csrf", "relayed"), null));
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** The public pages whose forms carry no one's authority: the self-referral's and an offer's. */
    private static boolean publicForm(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/refer") || path.startsWith("/refer/") || path.startsWith("/offers/");
    }

    private static AccessDeniedHandler accessDenied() {
        var handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/error/forbidden");
        return handler;
    }

    /** Keycloak's realm roles as {@code ROLE_*}, as in the services. */
    private static Converter<Jwt, AbstractAuthenticationToken> realmRoles() {
        return jwt -> new JwtAuthenticationToken(jwt, roles(jwt), jwt.getSubject());
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        if (!(jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().filter(String.class::isInstance)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    /**
     * The token a form sends back is read from its {@code _csrf} field only. The header of the same name is what the
     * gateway says the token is, so it must never count as the form's answer.
     */
    static final class FormFieldOnly extends CsrfTokenRequestAttributeHandler {

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            var value = request.getParameter(token.getParameterName());
            return value == null || value.isBlank() ? null : value;
        }
    }

    /**
     * The gateway's token for this browser session, as the gateway relayed it. Nothing is ever stored here: without
     * the header there is no expected token, and every changing request is refused.
     */
    static final class RelayedCsrfTokens implements CsrfTokenRepository {

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            var token = loadToken(request);
            // Without the gateway's token, a random one that no form will ever send back.
            return token != null ? token : new DefaultCsrfToken(CSRF_HEADER, "_csrf", UUID.randomUUID().toString());
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            // The gateway owns the token.
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            var value = request.getHeader(CSRF_HEADER);
            return value == null || value.isBlank() ? null : new DefaultCsrfToken(CSRF_HEADER, "_csrf", value);
        }
    }
}
