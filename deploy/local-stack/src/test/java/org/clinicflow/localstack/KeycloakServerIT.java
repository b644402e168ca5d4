package org.clinicflow.localstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real Keycloak with the real realm file: what the services and the gateway will get from it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakServerIT {

    private static final List<String> SERVICE_AUDIENCES = List.of("booking-service", "content-service", "followup-service");
    private static final String GATEWAY_REDIRECT = "http://localhost:8080/login/oauth2/code/keycloak";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final String GATEWAY_BASIC_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("clinicflow-gateway:gateway-demo-secret".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.shared();

    private static KeycloakServer keycloak;
    private static HttpClient http;

    @BeforeAll
    static void startKeycloak() {
        // Under target/, so that Keycloak's log is still there to read after a failure.
        keycloak = KeycloakServer.start(0, Path.of("target", "keycloak-it"));
        // Redirects are followed by hand, to read the authorization code from them.
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Test
    void discoveryDocumentNamesTheIssuerTheServicesExpect() throws Exception {
        var response = get(keycloak.issuerUri() + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        var discovery = JSON.readTree(response.body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(discovery.path("jwks_uri").asString()).startsWith(keycloak.issuerUri());
    }

    @Test
    void receptionistTokenCarriesServiceAudiencesAndRole() throws Exception {
        var claims = claimsOf(passwordGrant("rita.reception", "demo").path("access_token").asString());

        assertThat(strings(claims.path("aud"))).containsAll(SERVICE_AUDIENCES);
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("receptionist");
        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(claims.path("azp").asString()).isEqualTo("clinicflow-cli");
        assertThat(claims.path("preferred_username").asString()).isEqualTo("rita.reception");
        assertThat(claims.has("patient_id")).isFalse();
        assertThat(claims.has("clinician_id")).isFalse();
    }

    @Test
    void patientTokenCarriesTheirPatientId() throws Exception {
        var claims = claimsOf(passwordGrant("pat.patient", "demo").path("access_token").asString());

        assertThat(claims.path("patient_id").asString()).isEqualTo("a0000000-0000-4000-a000-000000000001");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("patient");
        assertThat(claims.has("clinician_id")).isFalse();
    }

    @Test
    void surgeonTokenCarriesTheirClinicianId() throws Exception {
        var claims = claimsOf(passwordGrant("sam.surgeon", "demo").path("access_token").asString());

        assertThat(claims.path("clinician_id").asString()).isEqualTo("c0000000-0000-4000-a000-000000000001");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("surgeon");
        assertThat(claims.has("patient_id")).isFalse();
    }

    @Test
    void wrongPasswordIsRefusedAsInvalidGrant() throws Exception {
        var response = postForm(tokenEndpoint(), Map.of(
                "grant_type", "password", "client_id", "clinicflow-cli",
                "username", "rita.reception", "password", "not-the-password"));

        // Keycloak 26.7 answers 400 invalid_grant, as RFC 6749 section 5.2 says: not 401.
        assertThat(response.statusCode()).isEqualTo(400);
        var error = JSON.readTree(response.body());
        assertThat(error.path("error").asString()).isEqualTo("invalid_grant");
        assertThat(error.path("error_description").asString()).isEqualTo("Invalid user credentials");
        assertThat(error.has("access_token")).isFalse();
    }

    @Test
    void gatewayLogsUsersInWithPkceAndItsTokensCarryServiceAudiences() throws Exception {
        var verifier = base64Url(randomBytes(32));
        var challenge = base64Url(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        var loginPage = get(authorizationUrl("&code_challenge=" + challenge + "&code_challenge_method=S256"));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        var action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).as("login form in %s", loginPage.body()).isTrue();

        // Keycloak marks its cookies Secure, which java.net.CookieManager will not send over http (browsers do,
        // to localhost), so the login form's cookies are carried over by hand.
        var cookies = loginPage.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        var login = postForm(action.group(1).replace("&amp;", "&"),
                Map.of("username", "sue.surgeon", "password", "demo"), "Cookie", cookies);
        assertThat(login.statusCode()).isEqualTo(302);
        var callback = login.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(GATEWAY_REDIRECT);

        var tokens = postForm(tokenEndpoint(), Map.of(
                "grant_type", "authorization_code", "code", queryParameter(callback, "code"),
                "redirect_uri", GATEWAY_REDIRECT, "code_verifier", verifier), "Authorization", GATEWAY_BASIC_AUTH);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        var claims = claimsOf(JSON.readTree(tokens.body()).path("access_token").asString());
        assertThat(strings(claims.path("aud"))).containsAll(SERVICE_AUDIENCES);
        assertThat(claims.path("azp").asString()).isEqualTo("clinicflow-gateway");
        assertThat(claims.path("clinician_id").asString()).isEqualTo("c0000000-0000-4000-a000-000000000002");
        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuerUri());
    }

    @Test
    void gatewayLoginWithoutPkceIsRefused() throws Exception {
        var response = get(authorizationUrl(""));

        assertThat(response.statusCode()).isEqualTo(302);
        var location = response.headers().firstValue("Location").orElseThrow();
        assertThat(queryParameter(location, "error")).isEqualTo("invalid_request");
    }

    @Test
    void gatewayCannotUseThePasswordGrant() throws Exception {
        var response = postForm(tokenEndpoint(), Map.of(
                "grant_type", "password", "username", "rita.reception", "password", "demo"),
                "Authorization", GATEWAY_BASIC_AUTH);

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closeStopsKeycloakAndEverythingItStarted() throws Exception {
        int port = keycloak.port();
        var marker = "-Dkc.home.dir=" + Path.of("target", "keycloak-it", "home").toAbsolutePath();
        assertThat(processesMentioning(marker)).isNotEmpty();

        keycloak.close();
        keycloak.close();

        assertThatThrownBy(() -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
        assertThat(processesMentioning(marker)).isEmpty();
        assertThat(Files.readString(keycloak.logFile())).contains("Keycloak stopped");
    }

    private static JsonNode passwordGrant(String username, String password) throws Exception {
        var response = postForm(tokenEndpoint(), Map.of(
                "grant_type", "password", "client_id", "clinicflow-cli",
                "username", username, "password", password, "scope", "openid"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The claims of a JWT, without checking its signature: the services' own tests do that. */
    private static JsonNode claimsOf(String jwt) {
        var payload = jwt.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String tokenEndpoint() {
        return keycloak.issuerUri() + "/protocol/openid-connect/token";
    }

    private static String authorizationUrl(String pkce) {
        return keycloak.issuerUri() + "/protocol/openid-connect/auth?client_id=clinicflow-gateway"
                + "&response_type=code&scope=openid&state=it&redirect_uri=" + encode(GATEWAY_REDIRECT) + pkce;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        var body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String queryParameter(String url, String name) {
        for (var pair : URI.create(url).getRawQuery().split("&")) {
            var parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + name + " in " + url);
    }

    private static List<ProcessHandle> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(text)).orElse(false))
                .toList();
    }

    private static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
