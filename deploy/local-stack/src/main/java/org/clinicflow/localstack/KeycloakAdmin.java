package org.clinicflow.localstack;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The few admin calls tests and benchmarks need on the real Keycloak. The realm allows the gateway's redirect only on the local run's
 * port; a test gateway on a free port is added here, as an operator would add a deployment's address.
 */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakAdmin() {
    }

    public static void allowGatewayRedirect(String keycloakUrl, String gatewayUrl) throws Exception {
        var token = adminToken(keycloakUrl);
        var clients = keycloakUrl + "/admin/realms/clinic/clients";
        var client = JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=clinicflow-gateway"))
                .header("Authorization", "Bearer " + token).GET().build())).get(0);
        ((ArrayNode) client.get("redirectUris")).add(gatewayUrl + "/*");
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asString()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build());
    }

    /**
     * Points realm {@code clinic}'s outgoing mail (invitations, password resets) at an SMTP server without
     * authentication or TLS, as the local stack's {@link Mailbox} is. A real deployment sets its relay in the realm.
     */
    public static void useSmtp(String keycloakUrl, String host, int port) {
        var realm = """
                {"smtpServer":{"host":"%s","port":"%d","from":"accounts@clinicflow.example",
                 "fromDisplayName":"Clinicflow spine clinic","auth":"false","ssl":"false","starttls":"false"}}
                """.formatted(host, port);
        try {
            send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/clinic"))
                    .header("Authorization", "Bearer " + adminToken(keycloakUrl))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(realm)).build());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not give realm clinic its mail server", e);
        }
    }

    /**
     * Adds a public client of realm {@code clinic} with the password grant, for a test's own kinds of token: one whose
     * tokens live {@code tokenLifespanSeconds}, or one without the services' audience.
     */
    public static void addTestClient(String keycloakUrl, String clientId, int tokenLifespanSeconds,
                              boolean withServiceAudiences) throws Exception {
        var scopes = withServiceAudiences
                ? "[\"basic\",\"roles\",\"profile\",\"clinicflow-services\",\"clinicflow-identity\"]"
                : "[\"basic\",\"roles\",\"profile\",\"clinicflow-identity\"]";
        var client = """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "fullScopeAllowed":true,"attributes":{"access.token.lifespan":"%d"},"defaultClientScopes":%s}
                """.formatted(clientId, tokenLifespanSeconds, scopes);
        send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/clinic/clients"))
                .header("Authorization", "Bearer " + adminToken(keycloakUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build());
    }

    /** An access token of {@code username} from {@code client} of {@code realm}, by the password grant. */
    public static String token(String keycloakUrl, String realm, String client, String username, String password)
            throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + encode(client)
                        + "&username=" + encode(username) + "&password=" + encode(password)
                        + "&scope=openid")).build())).get("access_token").asString();
    }

    private static String adminToken(String keycloakUrl) throws Exception {
        return token(keycloakUrl, "master", "admin-cli", "admin", "admin");
    }

    private static String send(HttpRequest request) throws Exception {
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
