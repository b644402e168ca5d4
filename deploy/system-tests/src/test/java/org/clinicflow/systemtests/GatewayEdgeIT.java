package org.clinicflow.systemtests;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.BrowserSession;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.KeycloakAdmin;
import org.clinicflow.localstack.ObservabilityFiles;
import org.clinicflow.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's behaviour at the edge, against the whole system run as processes with real Keycloak tokens: the trace
 * id as correlation id from request to Kafka message and audit record, rate limits, size limit, security headers, CORS, forwarded
 * headers, browser sign-in with PKCE, session cookie, CSRF and token relay, and a route whose service is down.
 * <p>
 * The gateway here trusts this machine as a proxy in front of it, so each test speaks from its own client address
 * ({@code X-Forwarded-For}) and the low limits of one test do not throttle another.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEdgeIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String WEB_ORIGIN = "https://clinic.example";
    private static final int PER_USER = 20;
    private static final int PER_ADDRESS = 30;
    private static final AtomicInteger addresses = new AtomicInteger(1);
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();
    private static ClinicInfrastructure infrastructure;
    private static final Path LOGS = Path.of("target", "service-logs", "gateway-edge");
    private static ClinicSystem services;
    private static ClinicSystem.Ports ports;
    private static ServiceProcess gatewayProcess;
    private static String gateway;

    /** A gateway of its own with low limits, in front of the shared system's services. */
    @BeforeAll
    static void startAGatewayWithLowLimits() throws Exception {
        infrastructure = ClinicInfrastructure.shared();
        services = RunningSystem.shared();
        ports = services.ports().withAnotherGateway();
        gatewayProcess = ClinicSystem.gateway("gateway", infrastructure, ports, Files.createDirectories(LOGS),
                Map.of(
                        // Slow refills (a token every 20-30 s), so that a test's burst meets the capacity exactly.
                        "RATE_LIMIT_PER_USER", Integer.toString(PER_USER),
                        "RATE_LIMIT_PER_USER_PERIOD", "10m",
                        "RATE_LIMIT_PER_ADDRESS", Integer.toString(PER_ADDRESS),
                        "RATE_LIMIT_PER_ADDRESS_PERIOD", "10m",
                        "TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
                        "WEB_ORIGINS", WEB_ORIGIN,
                        "MAX_REQUEST_SIZE", "64KB",
                        // Long enough to outlast stopping content-service in the last test.
                        "PUBLIC_REVALIDATION", "5m"),
                ClinicSystem.GatewayLaunch.PLAIN);
        gateway = "http://localhost:" + ports.gateway();
        KeycloakAdmin.allowGatewayRedirect(infrastructure.keycloakUrl(), gateway);
    }

    /** content-service, stopped by the last test, is started again for the tests of other classes. */
    @AfterAll
    static void stopTheGateway() {
        if (gatewayProcess != null) {
            gatewayProcess.close();
        }
        if (services != null) {
            services.startAgain("content-service");
        }
    }

    @Test
    @Order(1)
    void aRequestsCorrelationIdIsItsTraceIdAndReachesItsKafkaMessageAndItsAuditRecord() {
        var from = nextAddress();
        var receptionist = token(DemoUsers.RECEPTIONIST);
        var slots = call("GET", "/api/booking/availability?appointmentType=FREE_CONSULTATION&clinicianId="
                + DemoUsers.SURGEON_CLINICIAN_ID + "&limit=1&from=" + Instant.now().plus(Duration.ofDays(5)),
                receptionist, null, from, Map.of());
        assertThat(slots.status()).as(slots.body()).isEqualTo(200);
        var startsAt = OffsetDateTime.parse(json.readTree(slots.body()).get(0).get("startsAt").asString());

        var booked = call("POST", "/api/booking/appointments", receptionist, """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"}
                """.formatted(DemoUsers.OTHER_PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, startsAt), from,
                Map.of());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        // Answered once (the gateway's replaces booking-service's), and it is a W3C trace id.
        var correlationId = booked.header("X-Correlation-Id");
        assertThat(booked.raw().headers().allValues("X-Correlation-Id")).containsExactly(correlationId);
        assertThat(correlationId).matches("[0-9a-f]{32}");
        // A bearer client needs no CSRF token, so none is handed to it.
        assertThat(booked.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN"));
        var appointmentId = json.readTree(booked.body()).get("id").asString();

        // The event goes out in the request's trace, which its consumers continue, and names it at rest.
        var message = infrastructure.firstRecord("clinic.booking.appointment", appointmentId,
                Duration.ofSeconds(30)).orElseThrow();
        var traceParent = new String(message.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(traceParent.split("-")[1]).isEqualTo(correlationId);
        assertThat(json.readTree(message.value()).get("correlationid").asString()).isEqualTo(correlationId);

        var trail = call("GET", "/api/booking/audit?patientId=" + DemoUsers.OTHER_PATIENT_ID,
                token(DemoUsers.CLINIC_ADMIN), null, from, Map.of());
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        var record = json.readTree(trail.body()).get("items").valueStream()
                .filter(r -> appointmentId.equals(r.get("recordId").asString())).findFirst().orElseThrow();
        assertThat(record.get("correlationId").asString()).isEqualTo(correlationId);
        // The client's address as the trusted proxy in front of the gateway saw it, not the gateway's own.
        assertThat(record.get("clientAddress").asString()).isEqualTo(from);
    }

    @Test
    @Order(2)
    void aCallersOwnCorrelationIdOrTraceContextIsNotTakenAndEveryAnswerCarriesATraceId() {
        var from = nextAddress();
        var chosenTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var forged = call("GET", "/api/content/treatments", null, null, from,
                Map.of("X-Correlation-Id", "<script>x</script>",
                        "traceparent", "00-" + chosenTrace + "-00f067aa0ba902b7-01"));
        assertThat(forged.header("X-Correlation-Id")).matches("[0-9a-f]{32}").isNotEqualTo(chosenTrace);
        var none = call("GET", "/api/content/treatments", null, null, from, Map.of());
        assertThat(none.header("X-Correlation-Id")).matches("[0-9a-f]{32}")
                .isNotEqualTo(forged.header("X-Correlation-Id"));
        // Even a request the gateway refuses itself carries one.
        var refused = call("GET", "/api/booking/appointments/mine", "not.a.token", null, from, Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Correlation-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    @Order(3)
    void tooManyRequestsFromOneAddressAreAnswered429WithRetryAfter() {
        var from = nextAddress();
        ApiCall.Response last = null;
        int allowed = 0;
        for (int i = 0; i < PER_ADDRESS + 5; i++) {
            last = call("GET", "/api/content/treatments", null, null, from, Map.of());
            if (last.status() == 429) {
                break;
            }
            allowed++;
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(allowed).isBetween(PER_ADDRESS, PER_ADDRESS + 1);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 20);
        assertThat(last.contentType()).startsWith("application/problem+json");
        // Another address is not held back.
        assertThat(call("GET", "/api/content/treatments", null, null, nextAddress(), Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void tooManyRequestsFromOneUserAreAnswered429WhicheverAddressTheyComeFrom() {
        var editor = token(DemoUsers.CONTENT_EDITOR);
        ApiCall.Response last = null;
        int allowed = 0;
        for (int i = 0; i < PER_USER + 5; i++) {
            last = call("GET", "/api/content/treatments", editor, null, nextAddress(), Map.of());
            if (last.status() == 429) {
                break;
            }
            allowed++;
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(allowed).isBetween(PER_USER, PER_USER + 1);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 30);
    }

    @Test
    @Order(5)
    void anOversizedBodyIsRefused413BeforeItReachesAService() {
        var big = "{\"channel\":\"PHONE\",\"referrer\":\"" + "x".repeat(80 * 1024) + "\"}";
        var response = call("POST", "/api/booking/enquiries", token(DemoUsers.RECEPTIONIST), big, nextAddress(),
                Map.of());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("64 KB");
        assertThat(json.readTree(response.body()).get("type").asString()).endsWith("/problems/too-large");
    }

    @Test
    @Order(5)
    void theGatewaysOwnAnswersAreProblemDetailsOrAPageNeverWhitelabel() {
        var from = nextAddress();
        var page = Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var badSignIn = call("GET", "/oauth2/authorization/nobody", null, null, from, page);
        assertThat(badSignIn.status()).isEqualTo(400);
        assertThat(badSignIn.contentType()).startsWith("text/html");
        assertThat(badSignIn.body()).contains("<h1 class=\"govuk-heading-l\">", "NHS 111")
                .doesNotContain("Whitelabel", "Exception");
        var badSignInForAProgram = call("GET", "/oauth2/authorization/nobody", null, null, from,
                Map.of("Accept", "application/json"));
        assertThat(badSignInForAProgram.contentType()).startsWith("application/problem+json");
        assertThat(json.readTree(badSignInForAProgram.body()).get("status").asInt()).isEqualTo(400);

        var noToken = call("GET", "/api/booking/appointments/mine", null, null, from, page);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(noToken.contentType()).startsWith("application/problem+json");

        var internal = call("GET", "/actuator/env", null, null, from, Map.of("Accept", "application/json"));
        assertThat(internal.status()).isEqualTo(404);
        assertThat(internal.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(6)
    void everyResponseCarriesSecurityHeaders() {
        var from = nextAddress();
        for (var response : List.of(call("GET", "/api/content/treatments", null, null, from, Map.of()),
                call("GET", "/api/booking/appointments/mine", null, null, from, Map.of()),
                call("GET", "/no-such-page", null, null, from, Map.of()))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    @Order(6)
    void anonymousPublicReadsSetNoCookieSoSharedCachesMayKeepThem() {
        var response = call("GET", "/api/content/treatments/balloon-kyphoplasty", null, null, nextAddress(), Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("public");
        assertThat(response.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    @Order(7)
    void corsAdmitsOnlyTheConfiguredWebOrigin() {
        var from = nextAddress();
        var preflight = Map.of("Origin", WEB_ORIGIN, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        var allowed = call("OPTIONS", "/api/booking/appointments", null, null, from, preflight);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(WEB_ORIGIN);

        var foreign = call("OPTIONS", "/api/booking/appointments", null, null, from,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        var simple = call("GET", "/api/content/treatments", null, null, from, Map.of("Origin", "https://evil.example"));
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    @Order(8)
    void noActuatorFallbackOrInternalPathIsReachable() {
        var from = nextAddress();
        var admin = token(DemoUsers.CLINIC_ADMIN);
        for (var path : List.of("/actuator", "/actuator/health", "/actuator/gateway/routes", "/fallback/content",
                "/api/booking/actuator/health", "/api/booking/v3/api-docs", "/api/booking/%2e%2e/actuator/health",
                "/api/content/../../actuator/env", "/v3/api-docs", "/actuator/prometheus",
                "/api/booking/actuator/prometheus", "/api/followup/../../actuator/prometheus")) {
            for (var token : Arrays.asList(null, admin)) {
                var response = call("GET", path, token, null, from, Map.of());
                if (response.status() == 302) {
                    // A page the gateway does not know, asked for without a session: the way to sign in, nothing more.
                    assertThat(response.header("Location")).as(path).endsWith("/oauth2/authorization/keycloak");
                } else {
                    assertThat(response.status()).as(path).isIn(400, 401, 403, 404);
                }
                assertThat(response.body()).as(path).doesNotContain("\"status\":\"UP\"", "springdoc", "openapi");
            }
        }
    }

    /**
     * Prometheus scrapes each service on its management port, without a token; what the alert rules and the dashboard
     * read from content-service, the gateway and web is there (booking's and followup's own are checked by their
     * ClinicMetricsIT). Through the gateway the same path is answered above, never with metrics.
     */
    @Test
    @Order(8)
    void everyServiceServesItsMetricsOnItsManagementPort() {
        var from = nextAddress();
        // Requests through the gateway to content-service and to the screens, so that their request timers have samples.
        call("GET", "/api/content/treatments", null, null, from, Map.of());
        call("GET", "/", null, null, from, Map.of());
        var managementPorts = Map.of(ObservabilityFiles.BOOKING, ports.bookingManagement(),
                ObservabilityFiles.CONTENT, ports.contentManagement(), ObservabilityFiles.FOLLOWUP,
                ports.followupManagement(), ObservabilityFiles.GATEWAY, ports.gatewayManagement(),
                ObservabilityFiles.WEB, ports.webManagement());
        managementPorts.forEach((service, port) -> {
            var scrape = ApiCall.get("http://localhost:" + port + "/actuator/prometheus", null);
            assertThat(scrape.status()).as(service).isEqualTo(200);
            assertThat(scrape.body()).as(service).contains("jvm_memory_used_bytes");
        });
        for (var service : List.of(ObservabilityFiles.CONTENT, ObservabilityFiles.GATEWAY, ObservabilityFiles.WEB)) {
            var scrape = ApiCall.get("http://localhost:" + managementPorts.get(service) + "/actuator/prometheus", null);
            assertThat(ObservabilityFiles.missingFrom(scrape.body(), ObservabilityFiles.expectedFrom(service)))
                    .as(service).isEmpty();
        }
    }

    @Test
    @Order(9)
    void aForgedOrTamperedTokenStopsAtTheGateway() {
        var from = nextAddress();
        var genuine = token(DemoUsers.RECEPTIONIST);
        var parts = genuine.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("receptionist", "clinic-admin");
        var tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        var unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        for (var bad : List.of(tampered, unsigned)) {
            var response = call("GET", "/api/booking/audit", bad, null, from, Map.of());
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    @Order(10)
    void aBrowserSignsInWithPkceAndCallsTheApiWithItsSessionWhileTokensStayInTheGateway() {
        var browser = new BrowserSession(nextAddress());
        var loginPage = browser.open(gateway + "/me");
        var authorizationRequest = browser.hops.stream().map(h -> h.headers().firstValue("Location").orElse(""))
                .filter(l -> l.contains("/protocol/openid-connect/auth")).findFirst().orElseThrow();
        assertThat(authorizationRequest).contains("code_challenge=", "code_challenge_method=S256",
                "response_type=code", "client_id=clinicflow-gateway");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.uri().toString()).startsWith(infrastructure.keycloakUrl());

        var me = browser.logIn(loginPage, DemoUsers.RECEPTIONIST, DemoUsers.PASSWORD);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.uri().getPath()).isEqualTo("/me");
        assertThat(json.readTree(me.body()).get("userId").asString()).matches("[0-9a-f-]{36}");

        var sessionCookies = browser.hops.stream()
                .filter(h -> h.uri().toString().startsWith(gateway))
                .flatMap(h -> h.headers().allValues("Set-Cookie").stream())
                .filter(c -> c.startsWith("SESSION=")).toList();
        assertThat(sessionCookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        // Nothing the browser received from the gateway holds a token (JWTs start with "eyJ").
        assertThat(browser.hops).filteredOn(h -> h.uri().toString().startsWith(gateway)).allSatisfy(h -> {
            assertThat(h.body()).doesNotContain("eyJ");
            assertThat(h.headers().map().toString()).doesNotContain("eyJ");
        });

        // The session alone reaches the services: the gateway relays the user's token.
        var clinicians = browser.send("GET", gateway + "/api/booking/clinicians", null);
        assertThat(clinicians.statusCode()).as(clinicians.body()).isEqualTo(200);

        // A change riding on the cookie needs the CSRF token; with it, it goes through.
        var enquiry = "{\"channel\":\"PHONE\"}";
        var forged = browser.send("POST", gateway + "/api/booking/enquiries", enquiry);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(forged.body()).contains("CSRF");
        var csrf = browser.cookie("XSRF-TOKEN");
        assertThat(csrf).isNotBlank();
        var recorded = browser.send("POST", gateway + "/api/booking/enquiries", enquiry, "X-XSRF-TOKEN", csrf);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }

    @Test
    @Order(11)
    void withContentServiceDownContentAnswers503AndBookingStillWorks() {
        var page = call("GET", "/api/content/treatments/vertebroplasty", null, null, nextAddress(), Map.of());
        var etag = page.header("ETag");
        assertThat(etag).isNotBlank();
        services.process("content-service").close();
        // A reader who holds the page is told it is current by the gateway, which had it from content-service
        // moments ago (PUBLIC_REVALIDATION above); anyone asking for the page itself needs the service.
        var revalidated = call("GET", "/api/content/treatments/vertebroplasty", null, null, nextAddress(),
                Map.of("If-None-Match", etag));
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.header("ETag")).isEqualTo(etag);
        assertThat(call("GET", "/api/content/treatments/vertebroplasty", token(DemoUsers.OTHER_SURGEON), null,
                nextAddress(), Map.of("If-None-Match", etag)).status()).as("with a token").isEqualTo(503);
        assertThat(call("GET", "/api/content/treatments/vertebroplasty", null, null, nextAddress(), Map.of())
                .status()).isEqualTo(503);

        var from = nextAddress();
        var content = call("GET", "/api/content/treatments", null, null, from, Map.of());
        assertThat(content.status()).isEqualTo(503);
        assertThat(content.contentType()).startsWith("application/problem+json");
        assertThat(content.body()).contains("content");
        // Whatever the caller accepts: a browser's Accept once turned this into a Whitelabel 406.
        var asPage = call("GET", "/api/content/treatments", null, null, from, Map.of("Accept", "text/html"));
        assertThat(asPage.status()).isEqualTo(503);
        assertThat(asPage.contentType()).startsWith("application/problem+json");
        // Enough failures to open content's breaker: its opening is logged once, not every refused call after it.
        for (int i = 0; i < 25; i++) {
            assertThat(call("GET", "/api/content/treatments", null, null, nextAddress(), Map.of()).status())
                    .isEqualTo(503);
        }
        var gatewayLog = readGatewayLog();
        assertThat(gatewayLog).containsOnlyOnce("content route's circuit breaker went from CLOSED to OPEN");
        assertThat(gatewayLog).doesNotContain("CallNotPermittedException");

        var receptionist = token(DemoUsers.RECEPTIONIST);
        var slots = call("GET", "/api/booking/availability?appointmentType=FREE_CONSULTATION&clinicianId="
                + DemoUsers.SURGEON_CLINICIAN_ID + "&limit=1&from=" + Instant.now().plus(Duration.ofDays(6)),
                receptionist, null, from, Map.of());
        assertThat(slots.status()).isEqualTo(200);
        var startsAt = json.readTree(slots.body()).get(0).get("startsAt").asString();
        var booked = call("POST", "/api/booking/appointments", receptionist, """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"}
                """.formatted(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, startsAt), from, Map.of());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(call("GET", "/api/followup/reminders/mine", token(DemoUsers.PATIENT), null, from, Map.of())
                .status()).isEqualTo(200);
    }

    private static ApiCall.Response call(String method, String path, String token, String json, String from,
                                         Map<String, String> headers) {
        var all = new HashMap<>(headers);
        all.put("X-Forwarded-For", from);
        return ApiCall.send(method, gateway + path, token, json, all);
    }

    private static String readGatewayLog() {
        try {
            return Files.readString(LOGS.resolve("gateway.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A documentation address (RFC 5737) of its own for each use. */
    private static String nextAddress() {
        int n = addresses.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private static String token(String user) {
        return tokens.computeIfAbsent(user, u -> DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), u));
    }
}
