package org.clinicflow.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway keeps to its cap of connections to a service, however many requests arrive at once. A service accepts
 * only so many connections (Tomcat's {@code max-connections}); a gateway that opened more would leave the rest in the
 * service's accept queue, where the requests sent on them hang until they time out. The gateway runs here as its own
 * process with a small cap, in front of a stand-in for content-service that holds each request for a while and notes
 * the connections it sees.
 * <p>
 * In this order: the requests refused in the second test open the route's breaker (each counts twice there, see the
 * gateway's application.yml).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayConnectionPoolIT {

    private static final int CAP = 4;
    private static final Path LOGS = Path.of("target", "service-logs", "gateway-pool");
    private static final AtomicInteger inFlight = new AtomicInteger();
    private static final AtomicInteger mostInFlight = new AtomicInteger();
    private static final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private static volatile Duration hold = Duration.ZERO;
    private static HttpServer standIn;
    private static ServiceProcess gateway;
    private static String gatewayUrl;

    @BeforeAll
    static void startTheGatewayInFrontOfAStandIn() throws IOException {
        var ports = ClinicSystem.Ports.anyFree();
        standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", ports.content()), 64);
        standIn.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        standIn.createContext("/", GatewayConnectionPoolIT::answerSlowly);
        standIn.start();
        gateway = ClinicSystem.gateway(ClinicInfrastructure.shared(), ports, Files.createDirectories(LOGS),
                Map.of("GATEWAY_POOL_MAX_CONNECTIONS", Integer.toString(CAP),
                        "RATE_LIMIT_PER_ADDRESS", "100000", "RATE_LIMIT_PER_USER", "100000"));
        gatewayUrl = "http://localhost:" + ports.gateway();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (standIn != null) {
            standIn.stop(0);
        }
    }

    @BeforeEach
    void forgetWhatTheStandInSaw() {
        mostInFlight.set(0);
        connections.clear();
    }

    @Test
    @Order(1)
    void aBurstThroughTheGatewayUsesNoMoreConnectionsThanItsCapAndEveryRequestIsAnswered() throws Exception {
        hold = Duration.ofMillis(200);

        var statuses = burst(4 * CAP);

        assertThat(statuses).as("every request of the burst, queued for a connection").containsOnly(200)
                .hasSize(4 * CAP);
        assertThat(mostInFlight.get()).as("requests at the service at once").isLessThanOrEqualTo(CAP)
                .isGreaterThan(1);
        assertThat(connections).as("connections the service saw").hasSizeLessThanOrEqualTo(CAP);
    }

    @Test
    @Order(2)
    void aRequestThatCannotGetAConnectionInTimeIsAnswered503InsteadOfHanging() throws Exception {
        // Longer than the gateway's two seconds of waiting for a connection: the first CAP requests hold all of them.
        hold = Duration.ofSeconds(4);

        var statuses = burst(2 * CAP);

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(CAP);
        assertThat(statuses).filteredOn(status -> status == 503).hasSize(CAP);
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(CAP);
    }

    /** Sends {@code count} anonymous reads at once, each on its own connection to the gateway; their statuses. */
    private static List<Integer> burst(int count) throws Exception {
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            var request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/content/treatments/pool-test"))
                    .timeout(Duration.ofSeconds(20)).GET().build();
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < count; i++) {
                answers.add(senders.submit(() -> client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        }
    }

    private static void answerSlowly(HttpExchange exchange) throws IOException {
        connections.add(exchange.getRemoteAddress().getPort());
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(hold);
            var body = "{\"slug\":\"pool-test\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }
}
