package org.clinicflow.followup.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for a GOV.UK Notify-style SMS API on a free local port. It honours the idempotency key as a real provider
 * does (a repeated key is acknowledged, not delivered again), can be told to fail, to refuse one number, or to be slow,
 * and counts requests and deliveries per key.
 */
public final class SmsProviderStandIn implements AutoCloseable {

    public record Sms(String idempotencyKey, String phoneNumber, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Sms> delivered = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<String> refusedNumbers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failWith;
    private volatile Duration delay = Duration.ZERO;

    public SmsProviderStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v2/notifications/sms", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Every request from now on answers this status (e.g. 503), until {@link #recover()}. */
    public void failWith(int status) {
        failWith = status;
    }

    public void recover() {
        failWith = 0;
    }

    public void refuse(String phoneNumber) {
        refusedNumbers.add(phoneNumber);
    }

    public void slowDown(Duration delay) {
        this.delay = delay;
    }

    /** As if an earlier, interrupted send had reached the provider. */
    public void alreadyDelivered(String idempotencyKey, String phoneNumber) {
        delivered.put(idempotencyKey, new Sms(idempotencyKey, phoneNumber, "(delivered before a crash)"));
    }

    public Map<String, Sms> delivered() {
        return Map.copyOf(delivered);
    }

    public long requestsFor(String idempotencyKey) {
        return requests.stream().filter(idempotencyKey::equals).count();
    }

    public int failuresAnswered() {
        return failures.get();
    }

    public List<Sms> deliveredTo(String phoneNumber) {
        return delivered.values().stream().filter(sms -> sms.phoneNumber().equals(phoneNumber)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            var key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            if (failWith != 0) {
                failures.incrementAndGet();
                respond(exchange, failWith, "{\"errors\":[{\"error\":\"ServiceUnavailable\"}]}");
                return;
            }
            var number = body.required("phone_number").asString();
            if (key == null || !"Bearer test-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 403, "{\"errors\":[{\"error\":\"AuthError\"}]}");
                return;
            }
            if (refusedNumbers.contains(number)) {
                respond(exchange, 400, "{\"errors\":[{\"error\":\"ValidationError\",\"message\":\"phone_number\"}]}");
                return;
            }
            requests.add(key);
            delivered.putIfAbsent(key, new Sms(key, number, body.required("personalisation").required("body")
                    .asString()));
            respond(exchange, 201, "{\"id\":\"" + key + "\",\"reference\":\"" + key + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
