package org.clinicflow.followup.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for GOV.UK Notify's API on a free local port, as its official client meets it, for texts and emails:
 * <ul>
 *   <li>every call must carry a JWT signed (HS256) with the key's secret, issued by the key's service id, and issued
 *       within the last 30 seconds; anything else is refused with Notify's 403 {@code AuthError};</li>
 *   <li>a text is answered with Notify's 201 shape and its own id, and reports its status later: {@code sending} when
 *       first asked, then the outcome set for its number ({@code delivered} unless told otherwise);</li>
 *   <li>texts can be listed by reference, and texts "received" from patients are listed newest first, in pages.</li>
 * </ul>
 * It can also be told to fail, to refuse one number at sending, to be slow, or to stop accepting the key.
 */
public final class NotifyStandIn implements AutoCloseable {

    public static final String SERVICE_ID = "6a1f0f0e-3c1b-4c9e-9a51-0d2b1c3e4f50";
    public static final String SECRET = "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f";
    public static final String API_KEY = "clinicflow_test-" + SERVICE_ID + "-" + SECRET;
    public static final String TEMPLATE_ID = "f3c0e0a4-8a7e-4d7b-9d8e-2b1c0a9f8e7d";
    public static final String EMAIL_TEMPLATE_ID = "0b6e3c2d-1a4f-4e8b-9c7d-5f3a2e1d0c9b";
    private static final int RECEIVED_PAGE = 3;

    /** A text as Notify holds it. */
    public record Sms(UUID id, String reference, String phoneNumber, String body, Instant createdAt) {
    }

    /** An email as Notify holds it, with the one-click opt-out it was given. */
    public record Email(UUID id, String reference, String address, String subject, String body, String unsubscribe,
                        Instant createdAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<UUID, Sms> texts = new ConcurrentHashMap<>();
    private final Map<UUID, Email> emails = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final List<String> sends = new CopyOnWriteArrayList<>();
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Boolean> refusedNumbers = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger refusedTokens = new AtomicInteger();
    private volatile String acceptedSecret = SECRET;
    private volatile int failWith;
    private volatile Duration delay = Duration.ZERO;

    public NotifyStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v2/notifications", this::notifications);
        server.createContext("/v2/received-text-messages", this::receivedTexts);
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
        acceptedSecret = SECRET;
        outcomes.clear();
    }

    /** Sending to this number is refused at once with Notify's 400 (as an invalid number is). */
    public void refuse(String phoneNumber) {
        refusedNumbers.put(phoneNumber, true);
    }

    /**
     * Texts to this number, or emails to this address, are accepted and later report this status, e.g.
     * {@code permanent-failure}.
     */
    public void reportFor(String numberOrAddress, String status) {
        outcomes.put(numberOrAddress, status);
    }

    public void slowDown(Duration delay) {
        this.delay = delay;
    }

    /** As if the service's key were revoked: every token, however well signed, is refused until {@link #recover()}. */
    public void revokeKey() {
        acceptedSecret = UUID.randomUUID().toString();
    }

    /** As if an earlier, interrupted send had reached Notify. */
    public void alreadyDelivered(String reference, String phoneNumber) {
        var id = UUID.randomUUID();
        texts.put(id, new Sms(id, reference, phoneNumber, "(delivered before a crash)", Instant.now()));
    }

    /** A text sent by a patient to the clinic's number. */
    public void receive(String fromNumber, String content) {
        var text = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("notify_number", "07700900000")
                .put("user_number", fromNumber).put("service_id", SERVICE_ID).put("content", content)
                .put("created_at", Instant.now().toString());
        received.addFirst(text);
    }

    /** Accepted texts by reference (the clinic's notification id); the first, if several. */
    public Map<String, Sms> delivered() {
        var byReference = new LinkedHashMap<String, Sms>();
        texts.values().stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
                .forEach(sms -> byReference.putIfAbsent(sms.reference(), sms));
        return byReference;
    }

    /** Texts the service asked Notify to send under this reference (accepted ones only). */
    public long requestsFor(String reference) {
        return sends.stream().filter(reference::equals).count();
    }

    /** Times the service asked Notify whether it already holds a text under this reference. */
    public long lookupsFor(String reference) {
        return lookups.stream().filter(reference::equals).count();
    }

    public int failuresAnswered() {
        return failures.get();
    }

    public int tokensRefused() {
        return refusedTokens.get();
    }

    public List<Email> emailsTo(String address) {
        return emails.values().stream().filter(email -> email.address().equals(address)).toList();
    }

    public List<Sms> deliveredTo(String phoneNumber) {
        return texts.values().stream().filter(sms -> sms.phoneNumber().equals(phoneNumber)).toList();
    }

    private void notifications(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            if (failWith != 0) {
                failures.incrementAndGet();
                error(exchange, failWith, "ServiceUnavailable", "Notify is down");
                return;
            }
            if (!authorised(exchange)) {
                return;
            }
            var path = exchange.getRequestURI().getPath();
            if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v2/notifications/sms")) {
                send(exchange);
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v2/notifications/email")) {
                sendEmail(exchange);
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals("/v2/notifications")) {
                list(exchange);
            } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v2/notifications/")) {
                one(exchange, path.substring("/v2/notifications/".length()));
            } else {
                error(exchange, 404, "NotFound", "No such endpoint");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        var body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        var number = body.required("phone_number").asString();
        if (!TEMPLATE_ID.equals(body.path("template_id").asString(""))) {
            error(exchange, 400, "BadRequestError", "Template not found");
            return;
        }
        if (refusedNumbers.containsKey(number)) {
            error(exchange, 400, "ValidationError", "phone_number Not a UK mobile number");
            return;
        }
        var reference = body.path("reference").asString(null);
        var text = body.required("personalisation").required("body").asString();
        var sms = new Sms(UUID.randomUUID(), reference, number, text, Instant.now());
        texts.put(sms.id(), sms);
        sends.add(reference);
        var answer = JSON.createObjectNode().put("id", sms.id().toString()).put("reference", reference)
                .put("uri", baseUrl() + "/v2/notifications/" + sms.id());
        answer.putObject("content").put("body", text).put("from_number", "clinicflow");
        template(answer);
        respond(exchange, 201, answer.toString());
    }

    private void sendEmail(HttpExchange exchange) throws IOException {
        var body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        var address = body.required("email_address").asString();
        if (!EMAIL_TEMPLATE_ID.equals(body.path("template_id").asString(""))) {
            error(exchange, 400, "BadRequestError", "Template not found");
            return;
        }
        var reference = body.path("reference").asString(null);
        var words = body.required("personalisation");
        var email = new Email(UUID.randomUUID(), reference, address, words.required("subject").asString(),
                words.required("body").asString(), body.path("one_click_unsubscribe_url").asString(null),
                Instant.now());
        emails.put(email.id(), email);
        sends.add(reference);
        var answer = JSON.createObjectNode().put("id", email.id().toString()).put("reference", reference)
                .put("uri", baseUrl() + "/v2/notifications/" + email.id());
        answer.putObject("content").put("body", email.body()).put("subject", email.subject())
                .put("from_email", "clinic@clinicflow.example");
        if (email.unsubscribe() != null) {
            answer.put("one_click_unsubscribe_url", email.unsubscribe());
        }
        template(answer);
        respond(exchange, 201, answer.toString());
    }

    private void one(HttpExchange exchange, String id) throws IOException {
        Sms sms;
        try {
            sms = texts.get(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            sms = null;
        }
        if (sms == null) {
            var email = emailById(id);
            if (email == null) {
                error(exchange, 404, "NoResultFound", "No result found");
                return;
            }
            respond(exchange, 200, view(email, true).toString());
            return;
        }
        respond(exchange, 200, view(sms, true).toString());
    }

    private void list(HttpExchange exchange) throws IOException {
        var query = query(exchange);
        var reference = query.get("reference");
        if (reference != null) {
            lookups.add(reference);
        }
        var answer = JSON.createObjectNode();
        var list = answer.putArray("notifications");
        var type = query.getOrDefault("template_type", "sms");
        if (type.equals("sms")) {
            texts.values().stream().filter(sms -> reference == null || reference.equals(sms.reference()))
                    .forEach(sms -> list.add(view(sms, false)));
        } else {
            emails.values().stream().filter(email -> reference == null || reference.equals(email.reference()))
                    .forEach(email -> list.add(view(email, false)));
        }
        answer.putObject("links").put("current", baseUrl() + "/v2/notifications");
        respond(exchange, 200, answer.toString());
    }

    private void receivedTexts(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                return;
            }
            var olderThan = query(exchange).get("older_than");
            List<ObjectNode> all;
            synchronized (received) {
                all = List.copyOf(received);
            }
            int from = 0;
            if (olderThan != null) {
                from = all.size();
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).get("id").asString().equals(olderThan)) {
                        from = i + 1;
                    }
                }
            }
            var page = all.subList(Math.min(from, all.size()), Math.min(from + RECEIVED_PAGE, all.size()));
            var answer = JSON.createObjectNode();
            var list = answer.putArray("received_text_messages");
            page.forEach(list::add);
            var links = answer.putObject("links").put("current", baseUrl() + "/v2/received-text-messages");
            if (from + RECEIVED_PAGE < all.size()) {
                links.put("next", baseUrl() + "/v2/received-text-messages?older_than="
                        + page.getLast().get("id").asString());
            }
            respond(exchange, 200, answer.toString());
        }
    }

    /** Notify's status for a text: {@code sending} when first asked, then its number's outcome. */
    private ObjectNode view(Sms sms, boolean countPoll) {
        var outcome = outcomes.getOrDefault(sms.phoneNumber(), "delivered");
        var asked = countPoll ? polls.computeIfAbsent(sms.id(), id -> new AtomicInteger()).getAndIncrement()
                : polls.getOrDefault(sms.id(), new AtomicInteger()).get();
        var status = asked == 0 ? "sending" : outcome;
        var view = JSON.createObjectNode().put("id", sms.id().toString()).put("reference", sms.reference())
                .put("phone_number", sms.phoneNumber()).put("type", "sms").put("body", sms.body())
                .put("status", status).put("created_at", sms.createdAt().toString());
        if (!"sending".equals(status)) {
            view.put("completed_at", Instant.now().toString());
        }
        template(view);
        return view;
    }

    private Email emailById(String id) {
        try {
            return emails.get(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An email's status, told as a text's is: {@code sending} first, then its address's outcome. */
    private ObjectNode view(Email email, boolean countPoll) {
        var outcome = outcomes.getOrDefault(email.address(), "delivered");
        var asked = countPoll ? polls.computeIfAbsent(email.id(), id -> new AtomicInteger()).getAndIncrement()
                : polls.getOrDefault(email.id(), new AtomicInteger()).get();
        var status = asked == 0 ? "sending" : outcome;
        var view = JSON.createObjectNode().put("id", email.id().toString()).put("reference", email.reference())
                .put("email_address", email.address()).put("type", "email").put("body", email.body())
                .put("subject", email.subject()).put("status", status)
                .put("created_at", email.createdAt().toString());
        if (!"sending".equals(status)) {
            view.put("completed_at", Instant.now().toString());
        }
        template(view);
        return view;
    }

    private void template(ObjectNode answer) {
        answer.putObject("template").put("id", TEMPLATE_ID).put("version", 1)
                .put("uri", baseUrl() + "/v2/template/" + TEMPLATE_ID);
    }

    /** Notify's check: HS256 with the key's secret, issuer the service id, issued within the last 30 seconds. */
    private boolean authorised(HttpExchange exchange) throws IOException {
        var header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            refusedTokens.incrementAndGet();
            error(exchange, 401, "AuthError", "Unauthorized: authentication token must be provided");
            return false;
        }
        try {
            var claims = new JwtConsumerBuilder()
                    .setVerificationKey(new HmacKey(acceptedSecret.getBytes(StandardCharsets.UTF_8)))
                    .setExpectedIssuer(SERVICE_ID).setRequireIssuedAt().setSkipDefaultAudienceValidation()
                    .build().processToClaims(header.substring("Bearer ".length()));
            var issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            if (Duration.between(issuedAt, Instant.now()).abs().compareTo(Duration.ofSeconds(30)) > 0) {
                refusedTokens.incrementAndGet();
                error(exchange, 403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds");
                return false;
            }
            return true;
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            refusedTokens.incrementAndGet();
            error(exchange, 403, "AuthError", "Invalid token: API key not found");
            return false;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        var query = exchange.getRequestURI().getRawQuery();
        var values = new LinkedHashMap<String, String>();
        if (query != null) {
            for (var pair : query.split("&")) {
                var eq = pair.indexOf('=');
                if (eq > 0 && eq < pair.length() - 1) {
                    values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void error(HttpExchange exchange, int status, String error, String message) throws IOException {
        var answer = JSON.createObjectNode().put("status_code", status);
        answer.putArray("errors").addObject().put("error", error).put("message", message);
        respond(exchange, status, answer.toString());
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
