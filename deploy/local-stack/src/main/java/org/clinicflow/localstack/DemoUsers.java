package org.clinicflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The demo users of realm {@code clinic} (deploy/keycloak/clinic-realm.json), and real access tokens for them from
 * Keycloak, obtained with the local-only {@code clinicflow-cli} client exactly as the README's curl does.
 */
public final class DemoUsers {

    public static final String PASSWORD = "demo";
    public static final String RECEPTIONIST = "rita.reception";
    public static final String SURGEON = "sam.surgeon";
    public static final String OTHER_SURGEON = "sue.surgeon";
    public static final String PATIENT = "pat.patient";
    public static final String OTHER_PATIENT = "paula.patient";
    public static final String CONTENT_EDITOR = "ed.editor";
    public static final String CLINIC_ADMIN = "ada.admin";

    /** The patient records the demo patients' tokens are tied to (claim {@code patient_id}). */
    public static final UUID PATIENT_ID = UUID.fromString("a0000000-0000-4000-a000-000000000001");
    public static final UUID OTHER_PATIENT_ID = UUID.fromString("a0000000-0000-4000-a000-000000000002");
    /** The clinicians the demo surgeons' tokens are tied to (claim {@code clinician_id}). */
    public static final UUID SURGEON_CLINICIAN_ID = UUID.fromString("c0000000-0000-4000-a000-000000000001");
    public static final UUID OTHER_SURGEON_CLINICIAN_ID = UUID.fromString("c0000000-0000-4000-a000-000000000002");

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DemoUsers() {
    }

    /** A fresh access token for {@code username}, from the real Keycloak at {@code issuerUri}. */
    public static String accessToken(String issuerUri, String username) {
        var form = "grant_type=password&client_id=clinicflow-cli&username=" + encode(username)
                + "&password=" + encode(PASSWORD) + "&scope=openid";
        var request = HttpRequest.newBuilder(URI.create(issuerUri + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            var matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": "
                        + response.statusCode());
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + issuerUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
