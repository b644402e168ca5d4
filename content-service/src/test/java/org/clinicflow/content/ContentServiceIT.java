package org.clinicflow.content;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.DemoUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of content-service's integration tests: the service on a random port, against the real PostgreSQL, Kafka and
 * Keycloak from {@link ClinicInfrastructure}, with the demo treatments loaded. Each test works on treatments of its
 * own ({@link #newSlug()}), so tests do not depend on each other's order.
 */
// Published hashes kept far longer than in service, so a test sees its own publication only because publishing drops
// the kept copy (PublishedContent), not because a second went by.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "clinicflow.content.published-hash-freshness=10m")
@ActiveProfiles("demo")
public abstract class ContentServiceIT {

    protected static final ClinicInfrastructure infrastructure = ClinicInfrastructure.shared();
    protected static final JsonMapper json = JsonMapper.builder().build();
    protected static final String TOPIC = "clinic.content.treatment";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();
    private static final AtomicInteger slugs = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure.springProperties("content").forEach((key, value) -> registry.add(key, () -> value));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A slug no other test (or earlier run on the same database) uses. */
    protected static String newSlug() {
        return "test-treatment-" + slugs.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Tokens live five minutes; one per user is plenty for a test run and spares Keycloak. */
    protected static String tokenFor(String user) {
        return tokens.computeIfAbsent(user, u -> DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), u));
    }

    /** The Keycloak subject id in a token: what the sign-off record stores for that person. */
    protected static String subjectOf(String user) {
        var payload = tokenFor(user).split("\\.")[1];
        return json.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asString();
    }

    protected static JsonNode body(ApiCall.Response response) {
        return json.readTree(response.body());
    }

    /** Any method, any headers (ApiCall covers only GET and POST without extra headers). */
    protected ApiCall.Response call(String method, String path, String user, String jsonBody, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header("Authorization", "Bearer " + tokenFor(user));
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiCall.Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected ApiCall.Response get(String path, String user, String... headers) {
        return call("GET", path, user, null, headers);
    }

    protected static String versionPath(String slug, int number) {
        return "/api/content/treatments/" + slug + "/versions/" + number;
    }

    /** A workflow step on a version, sending the ETag the caller last saw. */
    protected ApiCall.Response step(String slug, int number, String step, String user, String etag, String jsonBody) {
        return call("POST", versionPath(slug, number) + "/" + step, user, jsonBody, "If-Match", etag);
    }

    /**
     * Writes, submits, has a second surgeon approve and publishes a new treatment whose content is {@code content}
     * (JSON from {@link TreatmentDrafts}); returns the published version's view.
     */
    protected JsonNode publishNewTreatment(String slug, String content) {
        var created = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, content));
        assertStatus(created, 201);
        var submitted = step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, created.header("ETag"), null);
        assertStatus(submitted, 200);
        var approved = step(slug, 1, "approval", DemoUsers.SURGEON, submitted.header("ETag"), null);
        assertStatus(approved, 200);
        var published = step(slug, 1, "publication", DemoUsers.CONTENT_EDITOR, approved.header("ETag"), null);
        assertStatus(published, 200);
        return body(published);
    }

    protected static void assertStatus(ApiCall.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }

    /** Reads the topic from its start for {@code wait} and returns every record with this key. */
    protected static List<ConsumerRecord<String, String>> recordsFor(String key, Duration wait) {
        return infrastructure.records(TOPIC, key, wait);
    }

    protected long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }
}
