package org.clinicflow.booking.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The few calls of Keycloak's Admin REST API that patients' sign-ins need, made as booking-service's own service
 * account, which holds {@code view-users} and {@code manage-users} of {@code realm-management} and nothing else.
 * <p>
 * Every failure comes out as {@link Unreachable} (Keycloak away or failing: try later) or {@link Refused} (Keycloak
 * said no); neither carries Keycloak's answer, which may quote an email address.
 */
@Component
class KeycloakUsers {

    /** The realm role the demo patients have, and which the services' rules call {@code patient}. */
    static final String PATIENT_ROLE = "patient";
    static final String PATIENT_ID_ATTRIBUTE = "patient_id";

    private final AccountsProperties properties;
    private final RestClient http;
    private final Clock clock;
    private String token;
    private Instant tokenGoodUntil = Instant.EPOCH;

    KeycloakUsers(AccountsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** What booking-service reads of a Keycloak user. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String email, boolean enabled, Map<String, List<String>> attributes) {

        Optional<String> patientId() {
            var values = attributes == null ? null : attributes.get(PATIENT_ID_ATTRIBUTE);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    /** What a new patient's sign-in starts with; the user name is the patient id, so it never changes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewUser(String username, String email, String firstName, String lastName, boolean enabled,
                   boolean emailVerified, Map<String, List<String>> attributes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Role(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Credential(String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(String access_token, long expires_in) {
    }

    static final class Unreachable extends RuntimeException {
        Unreachable(String what, Throwable cause) {
            super("Keycloak could not be reached to " + what + (cause == null ? "" : ": " + cause.getClass()
                    .getSimpleName()), null, false, false);
        }
    }

    static final class Refused extends RuntimeException {
        private final int status;

        Refused(String what, int status) {
            super("Keycloak refused to " + what + " (" + status + ")", null, false, false);
            this.status = status;
        }

        boolean conflict() {
            return status == 409;
        }
    }

    /** The user that carries this patient's id, if any. */
    Optional<User> withPatientId(UUID patientId) {
        var found = call("find a user by patient id", () -> http.get()
                .uri(properties.adminBase() + "/users?q={query}&exact=true&briefRepresentation=false&max=2",
                        PATIENT_ID_ATTRIBUTE + ":" + patientId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(User[].class));
        return found == null ? Optional.empty() : java.util.Arrays.stream(found)
                .filter(user -> user.patientId().equals(Optional.of(patientId.toString()))).findFirst();
    }

    /** The user with this email address (Keycloak allows no two), if any. */
    Optional<User> withEmail(String email) {
        var found = call("find a user by email", () -> http.get()
                .uri(properties.adminBase() + "/users?email={email}&exact=true&briefRepresentation=false&max=2",
                        email)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(User[].class));
        return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
    }

    /** Creates the user and answers its id; a {@link Refused} conflict when the name or email is taken. */
    String create(NewUser user) {
        var created = call("create a user", () -> http.post().uri(properties.adminBase() + "/users")
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(user)
                .retrieve().toBodilessEntity());
        var location = created.getHeaders().getLocation();
        if (location == null) {
            throw new Refused("create a user (no Location in the answer)", created.getStatusCode().value());
        }
        var path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Gives the user the patient role, unless it has it already. */
    void grantPatientRole(String userId) {
        var available = call("list the roles a user may get", () -> http.get()
                .uri(properties.adminBase() + "/users/{id}/role-mappings/realm/available", userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(Role[].class));
        var patient = available == null ? Optional.<Role>empty() : java.util.Arrays.stream(available)
                .filter(role -> PATIENT_ROLE.equals(role.name())).findFirst();
        // Not available means mapped already (the role exists in the realm file).
        patient.ifPresent(role -> call("give a user the patient role", () -> http.post()
                .uri(properties.adminBase() + "/users/{id}/role-mappings/realm", userId)
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(List.of(role))
                .retrieve().toBodilessEntity()));
    }

    /**
     * Asks Keycloak to email the user a link to choose a password. The link works for the configured lifespan and
     * returns the patient to the gateway's sign-in.
     */
    void sendInvitation(String userId) {
        call("send an invitation", () -> http.put()
                .uri(properties.adminBase() + "/users/{id}/execute-actions-email?client_id={client}"
                                + "&redirect_uri={redirect}&lifespan={seconds}", userId,
                        properties.invitationClientId(), properties.invitationRedirect(),
                        properties.invitationLifespan().toSeconds())
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                .body(List.of("UPDATE_PASSWORD")).retrieve().toBodilessEntity());
    }

    /** Whether the user has chosen a password. */
    boolean hasPassword(String userId) {
        var credentials = call("read a user's credentials", () -> http.get()
                .uri(properties.adminBase() + "/users/{id}/credentials", userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(Credential[].class));
        return credentials != null && java.util.Arrays.stream(credentials).anyMatch(c -> "password".equals(c.type()));
    }

    /**
     * Switches signing in on or off. The whole representation is read and written back, since a partial one may
     * clear attributes such as {@code patient_id}; switching off also ends the user's open sessions.
     */
    void setEnabled(String userId, boolean enabled) {
        var user = call("read a user", () -> http.get().uri(properties.adminBase() + "/users/{id}", userId)
                .headers(h -> h.setBearerAuth(token())).retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }));
        if (user == null) {
            throw new Refused("read a user", 404);
        }
        user.put("enabled", enabled);
        call("switch a user's sign-in", () -> http.put().uri(properties.adminBase() + "/users/{id}", userId)
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(user)
                .retrieve().toBodilessEntity());
        if (!enabled) {
            call("end a user's sessions", () -> http.post().uri(properties.adminBase() + "/users/{id}/logout", userId)
                    .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
        }
    }

    /** The service account's token, fetched again shortly before it runs out. */
    private synchronized String token() {
        if (token == null || clock.instant().isAfter(tokenGoodUntil)) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            var answer = call("sign in as booking-service", () -> http.post().uri(properties.tokenEndpoint())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(Token.class));
            if (answer == null || answer.access_token() == null) {
                throw new Refused("sign in as booking-service", 200);
            }
            token = answer.access_token();
            tokenGoodUntil = clock.instant().plusSeconds(Math.max(0, answer.expires_in() - 30));
        }
        return token;
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.value() == 401) {
                // A token Keycloak no longer accepts (restarted, say): the next call fetches a fresh one.
                synchronized (this) {
                    token = null;
                }
            }
            if (status.is5xxServerError()) {
                throw new Unreachable(what + " (" + status.value() + ")", null);
            }
            throw new Refused(what, status.value());
        } catch (ResourceAccessException e) {
            throw new Unreachable(what, e.getCause() == null ? e : e.getCause());
        }
    }
}
