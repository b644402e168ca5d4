package org.clinicflow.booking.account;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.KeycloakAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's sign-in, from registration to Keycloak and the invitation in the mailbox, against the real Keycloak and
 * SMTP server. booking-service reaches Keycloak's Admin API through a link the test can cut, to show that an outage
 * delays a sign-in but loses nothing.
 */
class PatientAccountProvisioningIT extends BookingServiceIT {

    private static final CuttableLink keycloakLink = new CuttableLink(
            URI.create(infrastructure.keycloakUrl()).getPort());
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void keycloakThroughTheLink(DynamicPropertyRegistry registry) {
        registry.add("clinicflow.booking.accounts.issuer",
                () -> "http://localhost:" + keycloakLink.port() + "/realms/clinic");
        registry.add("clinicflow.booking.accounts.worker-delay", () -> "PT0.5S");
        registry.add("clinicflow.booking.accounts.first-retry", () -> "PT1S");
        registry.add("clinicflow.booking.accounts.longest-retry", () -> "PT2S");
    }

    @AfterEach
    void linkUp() {
        keycloakLink.restore();
    }

    @Test
    void registeringAPatientWithAnEmailCreatesTheirSignInWithThePatientRoleAndInvitesThemOnce() {
        var email = newEmail();
        var patientId = register(email);
        // Written with the patient, before Keycloak was asked anything.
        assertThat(jdbc.sql("select count(*) from patient_account where patient_id = :id")
                .param("id", UUID.fromString(patientId)).query(Long.class).single()).isEqualTo(1);

        var account = awaitAccount(patientId, a -> a.get("state").asString().equals("INVITED"));
        assertThat(account.get("invitationsSent").asInt()).isEqualTo(1);
        assertThat(account.get("problem").isNull()).isTrue();

        var users = keycloakUsersWith(patientId);
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.get("username").asString()).isEqualTo("patient-" + patientId);
            assertThat(user.get("email").asString()).isEqualTo(email);
            assertThat(user.get("enabled").asBoolean()).isTrue();
        });
        var userId = users.getFirst().get("id").asString();
        assertThat(realmRolesOf(userId)).contains("patient").doesNotContain("receptionist", "clinic-admin");

        var invitation = infrastructure.mailbox().await(email, 1, WAIT).getFirst();
        assertThat(invitation.body()).contains("/login-actions/action-token?key=");
        // The first word of the subject is Keycloak's; no name or clinical detail is in it either way.
        assertThat(invitation.subject()).isNotBlank();
    }

    @Test
    void aContactChangeThatGivesTheFirstEmailAddressOpensTheSignIn() {
        var registered = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"givenName":"Later","familyName":"Example","dateOfBirth":"1944-03-02","emailConsent":false,
                 "smsConsent":false}""");
        var patientId = body(registered).get("id").asString();
        var account = "/api/booking/patients/" + patientId + "/account";
        assertThat(ApiCall.get(url(account), tokenFor(DemoUsers.RECEPTIONIST)).status()).isEqualTo(404);

        var email = newEmail();
        var changed = ApiCall.send("PUT", url("/api/booking/patients/" + patientId + "/contact"),
                tokenFor(DemoUsers.RECEPTIONIST), """
                        {"email":"%s","emailConsent":true,"smsConsent":false}""".formatted(email),
                Map.of("If-Match", registered.header("ETag")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        awaitAccount(patientId, a -> a.get("state").asString().equals("INVITED"));
        assertThat(infrastructure.mailbox().await(email, 1, WAIT)).hasSize(1);
    }

    @Test
    void aSecondRunAfterAnAttemptThatDidNotCommitLinksTheSameUserInsteadOfMakingAnother() {
        var email = newEmail();
        var patientId = register(email);
        awaitAccount(patientId, a -> a.get("state").asString().equals("INVITED"));
        var userId = keycloakUsersWith(patientId).getFirst().get("id").asString();

        // As if the worker had crashed after Keycloak made the user and before its commit.
        jdbc.sql("""
                update patient_account set state = 'INVITE_PENDING', keycloak_user_id = null, next_attempt_at = now()
                where patient_id = :id""").param("id", UUID.fromString(patientId)).update();

        awaitAccount(patientId, a -> a.get("state").asString().equals("INVITED")
                && a.get("invitationsSent").asInt() == 2);
        assertThat(keycloakUsersWith(patientId)).singleElement()
                .satisfies(user -> assertThat(user.get("id").asString()).isEqualTo(userId));
        assertThat(jdbc.sql("select keycloak_user_id from patient_account where patient_id = :id")
                .param("id", UUID.fromString(patientId)).query(String.class).single()).isEqualTo(userId);
    }

    @Test
    void whileKeycloakCannotBeReachedTheRegistrationSucceedsAndTheSignInFollowsWhenItCanBe() {
        keycloakLink.cut();
        var email = newEmail();
        var patientId = register(email);

        var waiting = awaitAccount(patientId, a -> a.get("attempts").asInt() >= 2);
        assertThat(waiting.get("state").asString()).isEqualTo("INVITE_PENDING");
        assertThat(waiting.get("problem").asString()).isEqualTo("KEYCLOAK_UNREACHABLE");
        assertThat(waiting.get("nextAttemptAt").isNull()).isFalse();
        assertThat(keycloakUsersWith(patientId)).isEmpty();
        // Reception's own requests say that Keycloak is away rather than failing obscurely.
        var disable = post("/api/booking/patients/" + patientId + "/account/disable",
                tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(disable.status()).isEqualTo(200);
        var enable = post("/api/booking/patients/" + patientId + "/account/enable",
                tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(body(enable).get("state").asString()).isEqualTo("INVITE_PENDING");

        keycloakLink.restore();

        var invited = awaitAccount(patientId, a -> a.get("state").asString().equals("INVITED"));
        assertThat(invited.get("problem").isNull()).isTrue();
        assertThat(keycloakUsersWith(patientId)).hasSize(1);
        assertThat(infrastructure.mailbox().await(email, 1, WAIT)).hasSize(1);
    }

    @Test
    void receptionSendsTheInvitationAgainAndSwitchesSignInOffAndOn() {
        var email = newEmail();
        var patientId = register(email);
        awaitAccount(patientId, a -> a.get("state").asString().equals("INVITED"));
        var userId = keycloakUsersWith(patientId).getFirst().get("id").asString();
        var account = "/api/booking/patients/" + patientId + "/account";
        var rita = tokenFor(DemoUsers.RECEPTIONIST);

        var again = post(account + "/invitation", rita);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(body(again).get("invitationsSent").asInt()).isEqualTo(2);
        assertThat(infrastructure.mailbox().await(email, 2, WAIT)).hasSize(2);

        var disabled = post(account + "/disable", tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(body(disabled).get("state").asString()).isEqualTo("DISABLED");
        assertThat(keycloakUser(userId).get("enabled").asBoolean()).isFalse();
        // The attribute survives the round trip of the representation: the token still names the patient later.
        assertThat(keycloakUser(userId).at("/attributes/patient_id/0").asString()).isEqualTo(patientId);

        var refused = post(account + "/invitation", rita);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(infrastructure.mailbox().to(email)).hasSize(2);

        var enabled = post(account + "/enable", rita);
        assertThat(body(enabled).get("state").asString()).isEqualTo("INVITED");
        assertThat(keycloakUser(userId).get("enabled").asBoolean()).isTrue();

        var audited = jdbc.sql("""
                select action || ' ' || outcome || ' ' || http_status from audit_record
                where record_type = 'patient-account' and record_id = :id order by id""")
                .param("id", patientId).query(String.class).list();
        // A refusal for the state it is in, not for who asked: FAILED, as the audit trail files it.
        assertThat(audited).contains("CHANGE ALLOWED 200", "CHANGE FAILED 409");
    }

    @Test
    void onlyReceptionAndClinicAdminsReachASignInAndAPatientWithoutEmailHasNone() {
        var patientId = register(newEmail());
        var account = "/api/booking/patients/" + patientId + "/account";
        for (var user : List.of(DemoUsers.SURGEON, DemoUsers.PATIENT, DemoUsers.CONTENT_EDITOR)) {
            assertThat(ApiCall.get(url(account), tokenFor(user)).status()).as(user).isEqualTo(403);
            assertThat(post(account + "/invitation", tokenFor(user)).status()).as(user)
                    .isEqualTo(403);
            assertThat(post(account + "/disable", tokenFor(user)).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(ApiCall.get(url(account), tokenFor(DemoUsers.CLINIC_ADMIN)).status()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select count(*) from audit_record
                where record_type = 'patient-account' and record_id = :id and outcome = 'REFUSED'""")
                .param("id", patientId).query(Long.class).single()).isEqualTo(9);

        var withoutEmail = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"givenName":"Nomail","familyName":"Example","dateOfBirth":"1950-06-01","emailConsent":false,
                 "smsConsent":false}""");
        var none = ApiCall.get(url("/api/booking/patients/" + body(withoutEmail).get("id").asString()
                + "/account"), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anEmailThatAlreadySignsInSomeoneElseIsNeverTakenOver() {
        var patientId = register("rita.reception@clinicflow.example");

        var account = awaitAccount(patientId, a -> "EMAIL_IN_USE".equals(a.get("problem").asString()));
        assertThat(account.get("state").asString()).isEqualTo("INVITE_PENDING");
        var rita = json.readTree(ApiCall.get(infrastructure.keycloakUrl()
                + "/admin/realms/clinic/users?exact=true&username=rita.reception", adminToken()).body()).get(0);
        assertThat(rita.path("attributes").path("patient_id").isMissingNode()).isTrue();
        assertThat(realmRolesOf(rita.get("id").asString())).doesNotContain("patient");
    }

    @Test
    void theDemoPatientsKeepTheirSignInsFromTheRealmFile() {
        assertThat(jdbc.sql("select count(*) from patient_account where patient_id in (:ids)")
                .param("ids", List.of(DemoUsers.PATIENT_ID, DemoUsers.OTHER_PATIENT_ID)).query(Long.class).single())
                .isZero();
        assertThat(keycloakUsersWith(DemoUsers.PATIENT_ID.toString())).singleElement()
                .satisfies(user -> assertThat(user.get("username").asString()).isEqualTo(DemoUsers.PATIENT));
    }

    private ApiCall.Response post(String path, String token) {
        return ApiCall.send("POST", url(path), token, null, Map.of());
    }

    private String register(String email) {
        var response = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"givenName":"Iris","familyName":"Example","dateOfBirth":"1947-09-12","email":"%s",
                 "emailConsent":true,"smsConsent":false}""".formatted(email));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    private static String newEmail() {
        return "iris." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private JsonNode awaitAccount(String patientId, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode account = null;
        while (System.nanoTime() < deadline) {
            var response = ApiCall.get(url("/api/booking/patients/" + patientId + "/account"),
                    tokenFor(DemoUsers.RECEPTIONIST));
            if (response.status() == 200) {
                account = body(response);
                if (until.test(account)) {
                    return account;
                }
            }
            sleep();
        }
        throw new AssertionError("The account of " + patientId + " did not get there in " + WAIT + "; last: "
                + account);
    }

    private static List<JsonNode> keycloakUsersWith(String patientId) {
        var answer = ApiCall.get(infrastructure.keycloakUrl() + "/admin/realms/clinic/users?exact=true"
                + "&briefRepresentation=false&q=" + URLEncoder.encode("patient_id:" + patientId,
                StandardCharsets.UTF_8), adminToken());
        assertThat(answer.status()).isEqualTo(200);
        return json.readTree(answer.body()).valueStream().toList();
    }

    private static JsonNode keycloakUser(String userId) {
        return json.readTree(ApiCall.get(infrastructure.keycloakUrl() + "/admin/realms/clinic/users/" + userId,
                adminToken()).body());
    }

    private static List<String> realmRolesOf(String userId) {
        var answer = ApiCall.get(infrastructure.keycloakUrl() + "/admin/realms/clinic/users/" + userId
                + "/role-mappings/realm", adminToken());
        return json.readTree(answer.body()).valueStream().map(role -> role.get("name").asString()).toList();
    }

    /** Keycloak's own administrator, to look at what booking-service made; never booking-service's account. */
    private static String adminToken() {
        try {
            return KeycloakAdmin.token(infrastructure.keycloakUrl(), "master", "admin-cli", "admin", "admin");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
