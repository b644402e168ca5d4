package org.clinicflow.followup.content;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The current published content of a treatment. The cached copy is used while fresh (treatment-published events
 * replace it as soon as content changes); older than {@code maxAge} it is checked with content-service through a circuit
 * breaker, and kept as the fallback while content-service cannot answer.
 */
@Component
@EnableConfigurationProperties(ContentProperties.class)
public class TreatmentContents {

    private static final Logger log = LoggerFactory.getLogger(TreatmentContents.class);
    private static final TypeReference<Map<String, String>> SECTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ContentProperties properties;
    private final RestClient http;
    private final CircuitBreaker breaker;

    /** @param http Spring Boot's builder, which observes each call: its traceparent continues the trace. */
    TreatmentContents(JdbcClient jdbc, JsonMapper json, Clock clock, ContentProperties properties,
                      RestClient.Builder http) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        this.http = http.baseUrl(properties.baseUrl()).requestFactory(factory).build();
        this.breaker = CircuitBreaker.of("content-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(5).minimumNumberOfCalls(3).failureRateThreshold(50)
                .waitDurationInOpenState(properties.openWait()).permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /** @throws ContentUnavailableException when content-service fails and nothing is cached */
    public QuotedContent current(String slug) {
        var cached = cached(slug);
        if (cached.isPresent() && cached.get().fetchedAt().isAfter(clock.instant().minus(properties.maxAge()))) {
            return cached.get().content();
        }
        try {
            var fresh = breaker.executeSupplier(() -> fetch(slug));
            store(fresh, clock.instant());
            // An event may have brought a newer version than content-service's answer (read a moment earlier).
            return cached.filter(c -> c.content().version() > fresh.version()).map(Cached::content).orElse(fresh);
        } catch (RuntimeException e) {
            if (cached.isPresent()) {
                log.info("content-service unavailable ({}); quoting cached version {} of {}",
                        e.getClass().getSimpleName(), cached.get().content().version(), slug);
                return cached.get().content();
            }
            throw new ContentUnavailableException(slug, e);
        }
    }

    private QuotedContent fetch(String slug) {
        var page = http.get().uri("/api/content/treatments/{slug}", slug).retrieve().body(JsonNode.class);
        if (page == null) {
            throw new IllegalStateException("content-service answered without a body");
        }
        var sections = new LinkedHashMap<String, String>();
        page.required("sections").valueStream()
                .forEach(section -> sections.put(section.required("key").asString(),
                        section.required("markdown").asString()));
        return new QuotedContent(page.required("slug").asString(), page.required("version").asInt(),
                page.required("contentHash").asString(), page.required("demo").asBoolean(),
                page.required("title").asString(), sections);
    }

    /** Stores a version unless a newer one is already stored (an old event replayed must not roll content back). */
    void store(QuotedContent content, Instant fetchedAt) {
        jdbc.sql("""
                        insert into treatment_content (slug, version, content_hash, demo, title, sections, fetched_at)
                        values (:slug, :version, :hash, :demo, :title, cast(:sections as jsonb), :at)
                        on conflict (slug) do update set version = excluded.version,
                            content_hash = excluded.content_hash, demo = excluded.demo, title = excluded.title,
                            sections = excluded.sections, fetched_at = excluded.fetched_at
                        where treatment_content.version <= excluded.version
                        """)
                .param("slug", content.slug()).param("version", content.version())
                .param("hash", content.contentHash()).param("demo", content.demo()).param("title", content.title())
                .param("sections", json.writeValueAsString(content.sections()))
                .param("at", fetchedAt.atOffset(ZoneOffset.UTC)).update();
    }

    private record Cached(QuotedContent content, Instant fetchedAt) {
    }

    private Optional<Cached> cached(String slug) {
        return jdbc.sql("""
                        select slug, version, content_hash, demo, title, sections::text as sections, fetched_at
                        from treatment_content where slug = :slug
                        """)
                .param("slug", slug)
                .query((rs, row) -> new Cached(new QuotedContent(rs.getString("slug"), rs.getInt("version"),
                        rs.getString("content_hash"), rs.getBoolean("demo"), rs.getString("title"),
                        json.readValue(rs.getString("sections"), SECTIONS)),
                        rs.getObject("fetched_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
