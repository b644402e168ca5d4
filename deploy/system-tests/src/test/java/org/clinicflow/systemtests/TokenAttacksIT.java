package org.clinicflow.systemtests;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.KeycloakAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of every service, called straight at the service (not through the gateway, which would stop most of
 * these first) with tokens that must not work: none, expired, from another issuer, for another audience, with a
 * tampered payload, and unsigned ({@code alg: none}). Each must answer 401; only the public content reads answer a
 * caller without a token. The tokens are real Keycloak tokens, spoiled the way an attacker would. The matrix checked is
 * printed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenAttacksIT {

    private static final String SHORT_LIVED_CLIENT = "security-suite-short-lived";
    private static final String NO_AUDIENCE_CLIENT = "security-suite-no-audience";
    /**
     * The clock skew the services allow before a token counts as expired: 60 s (Spring Security's) in production,
     * less when this build sets it for the services it starts ({@link ClinicSystem#SERVICE_ENVIRONMENT}).
     */
    private static final Duration CLOCK_SKEW = Duration.parse("PT" + ClinicSystem.serviceEnvironment()
            .getOrDefault("CLINICFLOW_SECURITY_TOKEN_CLOCK_SKEW", "60s").toUpperCase());
    private static final List<String> ATTACKS = List.of("no token", "expired", "wrong issuer", "wrong audience",
            "tampered", "alg none");

    /** Stands for any record's id: the token is refused before the id is looked at. */
    private static final UUID ANY_ID = UUID.randomUUID();
    private static ClinicInfrastructure infrastructure;
    private static ClinicSystem system;
    private static String expired;
    private static Instant expiredAt;
    private static final Map<Endpoint, Map<String, Integer>> matrix = new LinkedHashMap<>();

    /** An endpoint as an attacker calls it: any ids will do, since the token is checked before anything else. */
    record Endpoint(String service, String method, String path, boolean publicRead) {
        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    @BeforeAll
    static void startAndPrepareTokens() throws Exception {
        infrastructure = ClinicInfrastructure.shared();
        system = RunningSystem.shared();
        var keycloak = infrastructure.keycloakUrl();
        KeycloakAdmin.addTestClient(keycloak, SHORT_LIVED_CLIENT, 1, true);
        KeycloakAdmin.addTestClient(keycloak, NO_AUDIENCE_CLIENT, 300, false);
        // First, so that its clock skew passes while the other attacks run.
        expired = KeycloakAdmin.token(keycloak, "clinic", SHORT_LIVED_CLIENT, DemoUsers.CLINIC_ADMIN,
                DemoUsers.PASSWORD);
        expiredAt = Instant.now().plusSeconds(1);
    }

    @Test
    @Order(1)
    void spoiledTokensAreRefusedByEveryServiceOnEveryEndpoint() throws Exception {
        var keycloak = infrastructure.keycloakUrl();
        var genuine = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.CLINIC_ADMIN);
        var attacks = new LinkedHashMap<String, String>();
        attacks.put("no token", null);
        attacks.put("wrong issuer", KeycloakAdmin.token(keycloak, "master", "admin-cli", "admin", "admin"));
        attacks.put("wrong audience", KeycloakAdmin.token(keycloak, "clinic", NO_AUDIENCE_CLIENT,
                DemoUsers.CLINIC_ADMIN, DemoUsers.PASSWORD));
        attacks.put("tampered", tampered(genuine));
        attacks.put("alg none", unsigned(genuine));
        // The genuine token works, so each refusal below is the spoiling's doing.
        assertThat(ApiCall.get(url("booking") + "/api/booking/audit", genuine).status()).isEqualTo(200);

        for (var endpoint : endpoints()) {
            attacks.forEach((attack, token) -> {
                var status = call(endpoint, token);
                matrix.computeIfAbsent(endpoint, e -> new LinkedHashMap<>()).put(attack, status);
            });
        }
        assertThat(refusalsOtherThan401("no token", "wrong issuer", "wrong audience", "tampered", "alg none"))
                .isEmpty();
    }

    @Test
    @Order(2)
    void anExpiredTokenIsRefusedByEveryServiceOnEveryEndpoint() throws Exception {
        var wait = Duration.between(Instant.now(), expiredAt.plus(CLOCK_SKEW).plusSeconds(2));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        for (var endpoint : endpoints()) {
            matrix.computeIfAbsent(endpoint, e -> new LinkedHashMap<>()).put("expired", call(endpoint, expired));
        }
        assertThat(refusalsOtherThan401("expired")).isEmpty();
    }

    @AfterAll
    static void printTheMatrix() {
        var out = new StringBuilder("\nToken attacks, straight at each service (401 expected; public reads answer a "
                + "caller without a token):\n");
        out.append(String.format("%-100s", "endpoint"));
        ATTACKS.forEach(a -> out.append(String.format("%-15s", a)));
        out.append('\n');
        matrix.forEach((endpoint, results) -> {
            out.append(String.format("%-100s", endpoint));
            ATTACKS.forEach(a -> out.append(String.format("%-15s", results.getOrDefault(a, 0) == 0 ? "-"
                    : results.get(a) + (endpoint.publicRead() && a.equals("no token") ? " public" : ""))));
            out.append('\n');
        });
        System.out.println(out);
    }

    /** Cells that are not 401, except a public read without a token, which must answer (200 or 404). */
    private static List<String> refusalsOtherThan401(String... attacks) {
        var wrong = new ArrayList<String>();
        matrix.forEach((endpoint, results) -> {
            for (var attack : attacks) {
                Integer status = results.get(attack);
                boolean publicRead = endpoint.publicRead() && attack.equals("no token");
                if (status == null || (publicRead ? status == 401 || status >= 500 : status != 401)) {
                    wrong.add(endpoint + " with " + attack + ": " + status);
                }
            }
        });
        return wrong;
    }

    private static int call(Endpoint endpoint, String token) {
        var body = endpoint.method().equals("GET") ? null : "{}";
        return ApiCall.send(endpoint.method(), url(endpoint.service()) + endpoint.path(), token, body, Map.of())
                .status();
    }

    private static String url(String service) {
        var ports = system.ports();
        return "http://localhost:" + switch (service) {
            case "booking" -> ports.booking();
            case "content" -> ports.content();
            case "followup" -> ports.followup();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** Every endpoint of the role matrix in docs/security.md. */
    private static List<Endpoint> endpoints() {
        var id = ANY_ID;
        var patient = DemoUsers.PATIENT_ID;
        var clinician = DemoUsers.SURGEON_CLINICIAN_ID;
        var list = new ArrayList<Endpoint>();
        for (var spec : List.of(
                "POST /api/booking/patients", "PUT /api/booking/patients/" + patient + "/contact",
                "GET /api/booking/patients/" + patient, "POST /api/booking/holds", "POST /api/booking/appointments",
                "POST /api/booking/appointments/overbook", "POST /api/booking/appointments/" + id + "/reschedule",
                "POST /api/booking/appointments/" + id + "/cancel", "POST /api/booking/appointments/" + id
                        + "/check-in",
                "POST /api/booking/appointments/" + id + "/no-show", "POST /api/booking/appointments/" + id
                        + "/complete",
                "GET /api/booking/appointments/" + id, "GET /api/booking/appointments/" + id + "/history",
                "GET /api/booking/appointments/mine", "POST /api/booking/appointments/" + id + "/procedure",
                "GET /api/booking/clinicians/" + clinician + "/lists/CLINIC?date=2026-12-01",
                "GET /api/booking/availability?appointmentType=FREE_CONSULTATION", "GET /api/booking/clinicians",
                "GET /api/booking/sites", "POST /api/booking/enquiries", "GET /api/booking/enquiries/" + id,
                "GET /api/booking/enquiries/" + id + "/earliest-slots",
                "GET /api/booking/reports/access?from=2026-01-01&to=2026-02-01", "GET /api/booking/review-requests",
                "GET /api/booking/audit", "GET /api/booking/patients/" + patient + "/account",
                "POST /api/booking/patients/" + patient + "/account/invitation",
                "POST /api/booking/patients/" + patient + "/account/disable",
                "POST /api/content/treatments", "POST /api/content/treatments/balloon-kyphoplasty/versions",
                "GET /api/content/treatments/balloon-kyphoplasty/versions",
                "GET /api/content/treatments/balloon-kyphoplasty/versions/1",
                "PUT /api/content/treatments/balloon-kyphoplasty/versions/1",
                "POST /api/content/treatments/balloon-kyphoplasty/versions/1/submission",
                "POST /api/content/treatments/balloon-kyphoplasty/versions/1/approval",
                "POST /api/content/treatments/balloon-kyphoplasty/versions/1/return",
                "POST /api/content/treatments/balloon-kyphoplasty/versions/1/publication",
                "GET /api/content/drafts", "GET /api/content/review-due",
                "GET /api/followup/reminders/mine")) {
            var parts = spec.split(" ", 2);
            list.add(new Endpoint(parts[1].split("/")[2], parts[0], parts[1], false));
        }
        for (var path : List.of("/api/content/treatments", "/api/content/treatments/balloon-kyphoplasty",
                "/api/content/treatments/balloon-kyphoplasty/sections/what-it-is", "/api/content/search?q=cement")) {
            list.add(new Endpoint("content", "GET", path, true));
        }
        return list;
    }

    /** The genuine token with its payload changed (a role added), keeping the original signature. */
    private static String tampered(String token) {
        var parts = token.split("\\.");
        var payload = decode(parts[1]).replace("\"roles\":[", "\"roles\":[\"clinic-admin\",");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** The genuine payload, declared unsigned. */
    private static String unsigned(String token) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
