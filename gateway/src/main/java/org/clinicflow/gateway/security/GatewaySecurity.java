package org.clinicflow.gateway.security;

import org.clinicflow.gateway.GatewayProperties;
import org.clinicflow.gateway.answer.GatewayAnswers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The gateway serves two kinds of caller.
 * <ul>
 * <li>API clients send a bearer token from Keycloak. The gateway checks it (signature, issuer, expiry, audience, RS256)
 * so that a bad token stops at the edge, and passes it on; each service checks it again and decides by role.</li>
 * <li>Browsers sign in here through Keycloak (authorization code with PKCE; the gateway is the confidential client).
 * The tokens stay in the gateway's session, which every gateway instance reads from Redis: the browser holds only an
 * HttpOnly, SameSite session cookie, and
 * {@code TokenRelay} puts the user's access token on each request to a service. Because a cookie is sent
 * automatically, every changing request in a browser session must carry the CSRF token.</li>
 * </ul>
 * The gateway itself grants nothing under {@code /api/**}: the services enforce the role matrix.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    static final String SESSION_COOKIE = "SESSION";

    /**
     * Whether a request comes from a signed-in (or signing-in) browser: only such a request has a session to look in.
     * Asking any other request for its session would create one for nothing.
     */
    static boolean carriesSessionCookie(ServerHttpRequest request) {
        return request.getCookies().containsKey(SESSION_COOKIE);
    }
    /** The client registration of Keycloak in application.yml. */
    static final String REGISTRATION = "keycloak";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    /**
     * No observations of the security filters. Disabled only by property, the chain stays wrapped and every filter of
     * every request builds an observation that records nothing: the largest single cost in the gateway's profile of
     * a revalidation answered here. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Boot builds the bearer-token decoder from application.yml (issuer, audiences, RS256); the gateway remembers what
     * it has already checked (see {@link RememberedTokens}).
     */
    @Bean
    static BeanPostProcessor rememberCheckedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof RememberedTokens)
                        ? new RememberedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    /**
     * A signed-in browser's tokens (its {@code OAuth2AuthorizedClient}, which {@code TokenRelay} sends on) are kept in
     * its session, which lives in Redis and so reaches every gateway (ADR 8). Boot's default keeps them in this
     * process's memory, keyed by user: a second gateway would know the session's user but have no token to relay.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    SecurityWebFilterChain gatewayChain(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                        GatewayProperties properties, ManagementPort managementPort,
                                        @Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}")
                                        URI issuer) {
        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // PKCE even though the gateway is a confidential client: Keycloak requires S256 for it.
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        return http
                .authorizeExchange(exchanges -> exchanges
                        // Health and info exist only on the management port, which is not published; on the public
                        // port these paths find nothing. Only the gateway's own forward reaches its fallbacks.
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // Metrics for Prometheus on the management port; on the public port denied below (404).
                        .matchers(new AndServerWebExchangeMatcher(
                                ServerWebExchangeMatchers.pathMatchers("/actuator/prometheus"),
                                managementPort.requests())).permitAll()
                        .pathMatchers("/fallback/**", "/actuator", "/actuator/**").denyAll()
                        .pathMatchers("/api/**").permitAll()
                        // The screens' start page and their static files; every other page needs a session.
                        .pathMatchers("/", "/favicon.ico", "/assets/**", "/webjars/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/treatments", "/treatments/*").permitAll()
                        // Referring yourself needs no account: the form, its urgent advice and the slot picker.
                        .pathMatchers("/refer", "/refer/**").permitAll()
                        // An earlier time offered from the waiting list opens from the link in a text or an email.
                        .pathMatchers("/offers/**").permitAll()
                        .anyExchange().authenticated())
                // A signed-in browser's context is in its session; a request without the session cookie is not
                // given a new, empty session just to look in it (SessionCookieSecurityContexts).
                .securityContextRepository(new SessionCookieSecurityContexts())
                // Likewise the page to return to after sign-in (SessionCookieRequestCache).
                .requestCache(cache -> cache.requestCache(new SessionCookieRequestCache()))
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoints())
                        .accessDeniedHandler((exchange, denied) -> GatewayAnswers.answer(exchange,
                                HttpStatus.FORBIDDEN, "You cannot do this", "You may not do this.")))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                // The SPA reads the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN: a CSRF token, not a
                // credential, so it may be readable by JavaScript.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(browserSessionChanges())
                        .accessDeniedHandler((exchange, denied) -> GatewayAnswers.answer(exchange,
                                HttpStatus.FORBIDDEN, "Your session has expired or this page is out of date",
                                "The request did not carry this session's CSRF token, so nothing was changed. "
                                        + "Reload the page and try again."))
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(new CsrfTokenToScreens(), SecurityWebFiltersOrder.CSRF)
                .cors(cors -> cors.configurationSource(cors(properties)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
                        .permissionsPolicy(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")))
                .build();
    }

    /**
     * The screens load their styles, scripts, images and fonts from the gateway's own origin only, run no inline
     * script and cannot be framed. Forms post to the gateway; the sign-out form's answer redirects on to Keycloak
     * (to end its session too), and browsers check {@code form-action} along such a redirect, so Keycloak's origin
     * is allowed there as well. JSON answers are unaffected: nothing in them is loaded.
     */
    static String contentSecurityPolicy(URI issuer) {
        var keycloak = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'none';"
                + " form-action 'self' " + keycloak;
    }

    /**
     * Who is asked to sign in, and how: a page is sent to Keycloak; an API call without a usable token is answered 401;
     * paths that are never served from outside answer 404 rather than inviting a login.
     */
    private static ServerAuthenticationEntryPoint entryPoints() {
        var entryPoints = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**", "/fallback/**"),
                        (exchange, unused) -> GatewayAnswers.answer(exchange, HttpStatus.NOT_FOUND,
                                "Page not found", "There is nothing at this address.")),
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        ServerWebExchangeMatchers.pathMatchers("/api/**"), GatewaySecurity::noUsableToken));
        entryPoints.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(
                "/oauth2/authorization/" + REGISTRATION));
        return entryPoints;
    }

    /**
     * 401 with the {@code WWW-Authenticate} challenge of RFC 6750 (its error when a token was sent and refused), and
     * problem details saying the same in words.
     */
    private static Mono<Void> noUsableToken(ServerWebExchange exchange, AuthenticationException refused) {
        var challenge = refused instanceof OAuth2AuthenticationException oauth
                && oauth.getError() instanceof BearerTokenError error
                ? "Bearer error=\"" + error.getErrorCode() + "\"" : "Bearer";
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return GatewayAnswers.problem(exchange, HttpStatus.UNAUTHORIZED,
                "Sign in first: this needs a valid access token from the clinic's identity service.");
    }

    /**
     * A request needs the CSRF token when it changes something and rides on the session cookie. A request with an
     * {@code Authorization} header cannot be forged by another site (a browser never adds one by itself), and a
     * request without the cookie has no session to abuse: both go without.
     * <p>
     * A form posted to one of the screens is checked by the web module, against the token this gateway relays to
     * it ({@link CsrfTokenToScreens}): checking it here would mean reading the form body, which the gateway must
     * pass on untouched. The gateway's own forms ({@code /logout}) and every API call are checked here.
     */
    private static ServerWebExchangeMatcher browserSessionChanges() {
        return exchange -> {
            var request = exchange.getRequest();
            if (CsrfTokenToScreens.toScreens(request.getPath().value()) || oneClickOptOut(request.getPath().value())) {
                return ServerWebExchangeMatcher.MatchResult.notMatch();
            }
            boolean changing = !SAFE.contains(request.getMethod());
            boolean sessionCookie = carriesSessionCookie(request);
            boolean bearer = request.getHeaders().containsHeader("Authorization");
            return changing && sessionCookie && !bearer ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /**
     * An email's one-click opt-out link carries its own signed capability, so another site cannot forge it without
     * the link; a patient who clicks it while signed in to the portal must not be refused for the session's sake.
     */
    private static boolean oneClickOptOut(String path) {
        return path.startsWith("/api/followup/opt-out/");
    }

    /**
     * The CSRF token is made lazily; asking for it is what sets the cookie the SPA reads. Only a browser session needs
     * one (see {@link #browserSessionChanges()}): a bearer-token client never does, and neither does an anonymous
     * reader, whose public pages must carry no {@code Set-Cookie} so that shared caches may keep them.
     */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            var request = exchange.getRequest();
            if (request.getHeaders().containsHeader("Authorization")
                    || !carriesSessionCookie(request)) {
                return chain.filter(exchange);
            }
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    private static UrlBasedCorsConfigurationSource cors(GatewayProperties properties) {
        var api = new CorsConfiguration();
        api.setAllowedOrigins(properties.webOrigins());
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Correlation-Id",
                "X-XSRF-TOKEN"));
        api.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Correlation-Id"));
        api.setAllowCredentials(true);
        api.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
