package org.clinicflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP calls for tests that go through the real network path (a service's port or the gateway), with or
 * without a bearer token. Nothing is mocked and nothing throws on 4xx/5xx: tests assert the status themselves.
 */
public final class ApiCall {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private ApiCall() {
    }

    public static Response get(String url, String token) {
        return send(builder(url, token).GET().build());
    }

    public static Response post(String url, String token, String json) {
        return send(builder(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Any method, with extra headers (such as {@code X-Correlation-Id} or {@code If-Match}).
     *
     * @param json the body, sent as JSON; null for none
     */
    public static Response send(String method, String url, String token, String json, Map<String, String> headers) {
        var builder = builder(url, token);
        headers.forEach(builder::header);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest.Builder builder(String url, String token) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
