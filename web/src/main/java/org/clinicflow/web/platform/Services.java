package org.clinicflow.web.platform;

import io.opentelemetry.context.Context;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The three services' APIs, called with the signed-in user's own token: a page can do nothing its user could not do
 * with curl, and each service still decides by role and audits the access. A refusal becomes a
 * {@link ServiceProblem}; no answer, or a 5xx, a {@link PartUnavailable} naming the part.
 */
@Component
public class Services {

    private static final Executor SIDE_BY_SIDE = Executors.newVirtualThreadPerTaskExecutor();

    private final Map<Part, RestClient> clients = new LinkedHashMap<>();
    private final JsonMapper json;

    Services(RestClient.Builder builder, WebProperties properties, JsonMapper json) {
        this.json = json;
        // Short limits: a receptionist on the phone is better served by "bookings are unavailable" in two seconds
        // than by a spinning page.
        var factory = ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(2)).withReadTimeout(Duration.ofSeconds(8)));
        put(builder, factory, Part.BOOKING, properties.bookingUrl());
        put(builder, factory, Part.FOLLOWUP, properties.followupUrl());
        put(builder, factory, Part.CONTENT, properties.contentUrl());
    }

    private void put(RestClient.Builder builder, org.springframework.http.client.ClientHttpRequestFactory factory,
                     Part part, URI base) {
        clients.put(part, builder.clone().baseUrl(base.toString()).requestFactory(factory)
                // The builder is Spring Boot's, which observes each call: its traceparent continues the page's trace.
                .requestInitializer(request -> token().ifPresent(token -> request.getHeaders().setBearerAuth(token)))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw refusal(part, response);
                })
                .build());
    }

    public RestClient client(Part part) {
        return clients.get(part);
    }

    /** GET, as a typed body. */
    public <T> T get(Part part, Class<T> type, String path, Object... variables) {
        return call(part, client -> client.get().uri(path, variables).retrieve().body(type));
    }

    public <T> T get(Part part, ParameterizedTypeReference<T> type, String path, Object... variables) {
        return call(part, client -> client.get().uri(path, variables).retrieve().body(type));
    }

    /** The ETag of a record, for a change that must name the version it is based on. */
    public String etag(Part part, String path, Object... variables) {
        return call(part, client -> client.get().uri(path, variables).retrieve().toBodilessEntity().getHeaders()
                .getETag());
    }

    /** POST of a JSON body; {@code ifMatch} (an ETag such as {@code "3"}) when the change names a version. */
    public <T> T post(Part part, Class<T> type, Object body, String ifMatch, String path, Object... variables) {
        return call(part, client -> {
            var spec = client.post().uri(path, variables);
            if (ifMatch != null) {
                spec.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            if (body != null) {
                spec.body(body);
            }
            return spec.retrieve().body(type);
        });
    }

    public <T> T put(Part part, Class<T> type, Object body, String ifMatch, String path, Object... variables) {
        return call(part, client -> {
            var spec = client.put().uri(path, variables).body(body);
            if (ifMatch != null) {
                spec.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            return spec.retrieve().body(type);
        });
    }

    public void delete(Part part, String path, Object... variables) {
        call(part, client -> client.delete().uri(path, variables).retrieve().toBodilessEntity());
    }

    /**
     * A call made as nobody, whoever is signed in: for the public self-referral, whose API needs no token and must not
     * be given one (what a person submits about themselves is not done with a member of staff's authority).
     */
    public <T> T asNobody(Supplier<T> call) {
        var context = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(context);
        }
    }

    /** Any request of a part's client, with the part's refusals and unavailability as above. */
    public <T> T call(Part part, Function<RestClient, T> request) {
        try {
            return request.apply(clients.get(part));
        } catch (ResourceAccessException e) {
            throw new PartUnavailable(part, e);
        }
    }

    /** A 4xx with its problem details, or for anything else the part as unavailable. */
    private RuntimeException refusal(Part part, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        if (status >= 500 || status == 429) {
            return new PartUnavailable(part, new IllegalStateException("answered " + status));
        }
        String detail = null;
        JsonNode problem = null;
        var fields = new LinkedHashMap<String, String>();
        try {
            problem = json.readTree(response.getBody());
            detail = problem.path("detail").asString(null);
            for (var error : problem.path("errors")) {
                fields.merge(error.path("field").asString(""), error.path("detail").asString(""),
                        (first, second) -> first + "; " + second);
            }
        } catch (RuntimeException unreadable) {
            // A refusal without problem details (a 403 from the security chain, say) still has its status.
        }
        return new ServiceProblem(status, detail, fields, problem);
    }

    private static java.util.Optional<String> token() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? java.util.Optional.of(jwt.getToken().getTokenValue()) : java.util.Optional.empty();
    }

    /**
     * Starts a call now, on a thread of its own, as the signed-in user; {@code get()} waits for its answer and throws
     * what it threw. A page whose calls do not depend on each other makes them side by side, so that it takes as long
     * as the slowest of them rather than their sum.
     */
    public <T> Supplier<T> soon(Supplier<T> call) {
        var security = SecurityContextHolder.getContext();
        // The page's trace goes with the call, so that the service's span is a child of this page's span.
        var trace = Context.current();
        var future = CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            try (var inTrace = trace.makeCurrent()) {
                return call.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, SIDE_BY_SIDE);
        return () -> {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        };
    }
}
