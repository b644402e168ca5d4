package org.clinicflow.followup.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves published treatment pages the way content-service's public read does; can be switched off and on. */
public final class ContentServiceStandIn implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean down;

    public ContentServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/content/treatments/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void publish(String slug, int version, String hash, String recoveryMarkdown) {
        pages.put(slug, """
                {"slug":"%s","title":"%s","summary":"Demo summary","version":%d,"contentHash":"%s","demo":true,
                 "publishedAt":"2026-11-20T10:00:00Z","keyFacts":{},
                 "sections":[{"key":"recovery","heading":"Recovery","markdown":"%s","html":"<p>x</p>"}]}
                """.formatted(slug, "Treatment " + slug, version, hash, recoveryMarkdown));
    }

    public void down(boolean down) {
        this.down = down;
    }

    public int reads() {
        return reads.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            reads.incrementAndGet();
            var slug = exchange.getRequestURI().getPath().substring("/api/content/treatments/".length());
            var page = pages.get(slug);
            if (down || page == null) {
                var status = down ? 503 : 404;
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            var bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
