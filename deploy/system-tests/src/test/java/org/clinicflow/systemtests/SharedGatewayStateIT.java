package org.clinicflow.systemtests;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.BrowserSession;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.FreePorts;
import org.clinicflow.localstack.KeycloakAdmin;
import org.clinicflow.localstack.RedisServer;
import org.clinicflow.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateways in front of the same running services, as two instances behind a load balancer with no sticky
 * sessions: what one knows of a browser's sign-in and of a caller's rate, the other knows too, because both keep it in
 * Redis (ADR 8). Also what happens when Redis goes away: sessions are answered 503, rate limits are let through
 * unchecked and counted.
 * <p>
 * The services are the shared running system's; the two gateways and their Redis are this test's own, so stopping
 * them at the end touches nothing else. The gateways trust this machine as a proxy, so each case speaks from its own
 * client address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedGatewayStateIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final int PER_ADDRESS = 20;
    private static final Path LOGS = Path.of("target", "service-logs", "shared-gateway-state");
    private static final String NAMESPACE = "clinicflow:shared-gateway-state-it";

    private static RedisServer redis;
    private static ServiceProcess gatewayA;
    private static ServiceProcess gatewayB;
    private static ClinicSystem.Ports portsA;
    private static ClinicSystem.Ports portsB;

    @BeforeAll
    static void startTwoGatewaysSharingOneRedis() throws Exception {
        var services = RunningSystem.shared();
        var infrastructure = ClinicInfrastructure.shared();
        Files.createDirectories(LOGS.resolve("a"));
        Files.createDirectories(LOGS.resolve("b"));
        redis = RedisServer.start(0);
        var settings = Map.of(
                "REDIS_HOST", redis.host(),
                "REDIS_PORT", Integer.toString(redis.port()),
                "REDIS_NAMESPACE", NAMESPACE,
                // A slow refill (one request's worth every 30 s), so that the test's burst meets the capacity exactly.
                "RATE_LIMIT_PER_ADDRESS", Integer.toString(PER_ADDRESS),
                "RATE_LIMIT_PER_ADDRESS_PERIOD", "10m",
                "TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        portsA = besides(services.ports());
        portsB = besides(services.ports());
        // Side by side: each is mostly its own JVM's start-up.
        var a = CompletableFuture.supplyAsync(() -> ClinicSystem.gateway(infrastructure, portsA, LOGS.resolve("a"),
                settings));
        var b = CompletableFuture.supplyAsync(() -> ClinicSystem.gateway(infrastructure, portsB, LOGS.resolve("b"),
                settings));
        gatewayA = a.join();
        gatewayB = b.join();
        KeycloakAdmin.allowGatewayRedirect(infrastructure.keycloakUrl(), url(portsA));
        KeycloakAdmin.allowGatewayRedirect(infrastructure.keycloakUrl(), url(portsB));
    }

    @AfterAll
    static void stopThem() {
        for (var process : new ServiceProcess[]{gatewayA, gatewayB}) {
            if (process != null) {
                process.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void requestsAlternatedBetweenTheGatewaysAreRefusedAtTheSharedCapacityNotTwiceIt() {
        var from = "203.0.113.7";
        int allowed = 0;
        ApiCall.Response last = null;
        for (int i = 0; i < 2 * PER_ADDRESS; i++) {
            last = get((i % 2 == 0 ? url(portsA) : url(portsB)) + "/api/content/treatments", from);
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).as(last.body()).isEqualTo(200);
            allowed++;
        }
        // One more at most, had a refill come during the burst; two gateways counting apart would allow twice as many.
        assertThat(allowed).isBetween(PER_ADDRESS, PER_ADDRESS + 1);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        // One request's worth comes back every 30 s (20 per 10 minutes).
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 30);
        // The other gateway refuses it too: it is the same bucket, not two.
        assertThat(get(url(portsA) + "/api/content/treatments", from).status()).isEqualTo(429);
        assertThat(get(url(portsB) + "/api/content/treatments", from).status()).isEqualTo(429);
        assertThat(get(url(portsB) + "/api/content/treatments", "203.0.113.8").status())
                .as("another address has its own bucket").isEqualTo(200);
    }

    @Test
    @Order(2)
    void aSessionMadeAtOneGatewayServesAtTheOtherAlsoAfterTheFirstIsStopped() {
        var browser = new BrowserSession("203.0.113.20");
        var loginPage = browser.open(url(portsA) + "/me");
        var me = browser.logIn(loginPage, DemoUsers.RECEPTIONIST, DemoUsers.PASSWORD);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.uri().getPort()).isEqualTo(portsA.gateway());
        var user = json.readTree(me.body()).get("userId").asString();
        var sessionCookies = browser.hops.stream().filter(h -> h.uri().getPort() == portsA.gateway())
                .flatMap(h -> h.headers().allValues("Set-Cookie").stream())
                .filter(c -> c.startsWith("SESSION=")).toList();
        assertThat(sessionCookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        // The session is in Redis, under the gateways' namespace, for the configured 30 minutes.
        var sessionKey = NAMESPACE + ":session:sessions:" + browser.cookie("SESSION");
        assertThat(redis("TTL", sessionKey)).startsWith(":").satisfies(ttl ->
                assertThat(Long.parseLong(ttl.substring(1))).isBetween(25L * 60, 30L * 60));

        assertSignedInAt(browser, portsB, user);

        gatewayA.close();
        assertThat(gatewayA.isAlive()).isFalse();
        assertSignedInAt(browser, portsB, user);
    }

    @Test
    @Order(3)
    void withRedisGoneASessionIsAnswered503AndAnonymousReadsGoOnUnchecked() {
        var browser = new BrowserSession("203.0.113.30");
        var me = browser.logIn(browser.open(url(portsB) + "/me"), DemoUsers.RECEPTIONIST, DemoUsers.PASSWORD);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);

        redis.close();

        var session = browser.send("GET", url(portsB) + "/api/booking/clinicians", null);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(503);
        assertThat(session.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(session.headers().firstValue("Retry-After")).isPresent();
        var page = browser.open(url(portsB) + "/diary");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Signed-in pages are not available just now");

        // Bucket-less, but served: the limits fail open rather than turning a Redis outage into a clinic outage.
        for (int i = 0; i < 3; i++) {
            assertThat(get(url(portsB) + "/api/content/treatments", "203.0.113.31").status()).isEqualTo(200);
        }
        var metrics = ApiCall.get("http://localhost:" + portsB.gatewayManagement() + "/actuator/prometheus", null);
        assertThat(metrics.body()).containsPattern(
                "clinicflow_gateway_rate_limits_unchecked_total\\{[^}]*limit=\"per-address\"[^}]*} [1-9]");
        assertThat(readLog(gatewayB)).containsOnlyOnce("Redis cannot be reached: rate limits go unchecked");
    }

    private static void assertSignedInAt(BrowserSession browser, ClinicSystem.Ports gateway, String user) {
        var me = browser.send("GET", url(gateway) + "/me", null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("userId").asString()).isEqualTo(user);
        // The user's tokens are in the session too: this gateway relays them to the service.
        var clinicians = browser.send("GET", url(gateway) + "/api/booking/clinicians", null);
        assertThat(clinicians.statusCode()).as(clinicians.body()).isEqualTo(200);
    }

    /** A gateway of its own in front of the running system's services. */
    private static ClinicSystem.Ports besides(ClinicSystem.Ports services) {
        return new ClinicSystem.Ports(FreePorts.pick(), services.booking(), services.content(), services.followup(),
                services.web(), FreePorts.pick(), services.bookingManagement(), services.contentManagement(),
                services.followupManagement(), services.webManagement());
    }

    private static String url(ClinicSystem.Ports ports) {
        return "http://localhost:" + ports.gateway();
    }

    private static ApiCall.Response get(String url, String from) {
        return ApiCall.send("GET", url, null, null, Map.of("X-Forwarded-For", from));
    }

    /** One command in Redis's own protocol, answered by its first line (":1799" for a number). */
    private static String redis(String... command) {
        var request = new StringBuilder("*" + command.length + "\r\n");
        for (var part : command) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                    .append("\r\n");
        }
        try (var socket = new Socket(redis.host(), redis.port())) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            var answer = new StringBuilder();
            for (int c = socket.getInputStream().read(); c != -1 && c != '\r'; c = socket.getInputStream().read()) {
                answer.append((char) c);
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLog(ServiceProcess process) {
        try {
            return Files.readString(process.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
