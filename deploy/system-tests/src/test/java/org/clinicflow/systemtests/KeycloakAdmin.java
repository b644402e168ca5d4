package org.clinicflow.systemtests;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The few admin calls tests need on the real Keycloak. The realm allows the gateway's redirect only on the local run's
 * port; a test gateway on a free port is added here, as an operator would add a deployment's address.
 */
final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakAdmin() {
    }

    static void allowGatewayRedirect(String keycloakUrl, String gatewayUrl) throws Exception {
        var token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(keycloakUrl
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + encode("admin") + "&password=" + encode("admin"))).build())).get("access_token").asString();
        var clients = keycloakUrl + "/admin/realms/clinic/clients";
        var client = JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=clinicflow-gateway"))
                .header("Authorization", "Bearer " + token).GET().build())).get(0);
        ((ArrayNode) client.get("redirectUris")).add(gatewayUrl + "/*");
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asString()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build());
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
