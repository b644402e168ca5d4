package org.clinicflow.systemtests;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.BrowserSession;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.ExtraSurgeons;
import org.clinicflow.localstack.KafkaCluster;
import org.clinicflow.localstack.KeycloakAdmin;
import org.clinicflow.localstack.Mailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of every service, of the screens and of the gateway, on a three-broker Kafka cluster, Redis and one
 * SMTP server, all real and each its own process. A client that sends each request to the next gateway in turn, as a
 * load balancer without sticky sessions would, makes over 500 bookings while one instance of each service is killed
 * with {@code kill -9}, one Kafka broker is stopped and a gateway is restarted. Then: every booking that was
 * acknowledged exists once, no clinician is booked twice at a time, every booking's confirmation reached the SMTP
 * server as exactly one message (by Message-ID), a browser's session outlived the gateway that made it, a rate limit
 * held across both gateways, and under 1% of requests failed.
 * <p>
 * This system is the test's own, so that what it kills and counts is nobody else's: its own PostgreSQL and Kafka
 * cluster, its own keys in Redis (by its gateways' namespace) and its own patients' addresses in the shared mail
 * server. Keycloak is the shared one, which nothing here stops.
 */
class SeveralInstancesIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int WORKERS = 8;
    private static final int PATIENTS_PER_WORKER = 6;
    private static final int BOOKINGS = 520;
    private static final int SELF_REFERRALS_PER_ADDRESS = 6;
    /** followup-service's claimed batch (clinicflow.followup.dispatch.batch-size): what one instance has in hand. */
    private static final int CLAIMED_BATCH = 20;
    private static final Path LOGS = Path.of("target", "service-logs", "several-instances");

    private static ClinicInfrastructure infrastructure;
    private static ClinicSystem system;
    /** Each registered patient's email address. */
    private static final Map<UUID, String> addresses = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTwoOfEverything() throws Exception {
        var workDir = Files.createTempDirectory("clinicflow-several-");
        // Its own database and three brokers (one is stopped below), beside the shared Keycloak, Redis and mail server.
        infrastructure = ClinicInfrastructure.startBeside(ClinicInfrastructure.shared(), workDir, 3);
        // The bookings come from one user at one address; only the self-referral limit is the one under test.
        var limits = Map.of("RATE_LIMIT_PER_USER", "100000000", "RATE_LIMIT_PER_ADDRESS", "100000000",
                "RATE_LIMIT_SELF_REFERRALS", Integer.toString(SELF_REFERRALS_PER_ADDRESS));
        system = ClinicSystem.start(infrastructure, ClinicSystem.Ports.anyFree(), 2,
                Files.createDirectories(LOGS), limits);
        for (var ports : system.instances()) {
            KeycloakAdmin.allowGatewayRedirect(infrastructure.keycloakUrl(), "http://localhost:" + ports.gateway());
        }
    }

    @AfterAll
    static void stopIt() {
        if (system != null) {
            system.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void bookingsSurviveKilledInstancesAStoppedBrokerAndARestartedGateway() throws Exception {
        var gateways = system.instances().stream().map(p -> "http://localhost:" + p.gateway()).toList();
        var client = new AlternatingClient(gateways);
        var receptionist = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);

        // A browser signs in at the first gateway; the second knows the session too.
        var browser = new BrowserSession("198.51.100.20");
        var me = browser.logIn(browser.open(gateways.get(0) + "/me"), DemoUsers.RECEPTIONIST, DemoUsers.PASSWORD);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        var userId = json.readTree(me.body()).get("userId").asString();
        assertThat(signedInAs(browser, gateways.get(1))).isEqualTo(userId);

        var surgeons = addSurgeons(WORKERS);
        var patients = registerPatients(client, receptionist, WORKERS * PATIENTS_PER_WORKER);

        // Two desks try for each of these slots at once, through different gateways: one gets it.
        var contested = contestSlots(gateways, receptionist, surgeons.getFirst(), patients);
        assertThat(contested).as("slots won by exactly one of two desks").isEqualTo(10);

        var acknowledged = new ConcurrentHashMap<UUID, Slot>();
        var made = new AtomicInteger();
        var chaos = new Chaos(made, browser, userId, gateways.get(1));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < WORKERS; w++) {
                var surgeon = surgeons.get(w);
                var own = patients.subList(w * PATIENTS_PER_WORKER, (w + 1) * PATIENTS_PER_WORKER);
                pool.execute(() -> book(client, receptionist, surgeon, own, acknowledged, made));
            }
            pool.execute(chaos);
        }
        chaos.rethrow();

        // The browser's session outlived the gateway that made it: served by the other while it was down (checked
        // by the chaos), and by the restarted one now, with a change that needs its CSRF token.
        assertThat(signedInAs(browser, gateways.get(0))).isEqualTo(userId);
        var csrf = browser.cookie("XSRF-TOKEN");
        var enquiry = browser.send("POST", gateways.get(1) + "/api/booking/enquiries", "{\"channel\":\"PHONE\"}",
                "X-XSRF-TOKEN", csrf);
        assertThat(enquiry.statusCode()).as(enquiry.body()).isEqualTo(201);

        // The self-referral limit is one bucket whichever gateway a request reaches.
        var refused = 0;
        for (int i = 0; i < 2 * SELF_REFERRALS_PER_ADDRESS; i++) {
            var answer = client.send("POST", "/api/booking/self-referrals", null, "{}");
            refused += answer == 429 ? 1 : 0;
        }
        assertThat(refused).as("self-referrals refused of %d sent alternately to two gateways",
                2 * SELF_REFERRALS_PER_ADDRESS).isEqualTo(SELF_REFERRALS_PER_ADDRESS);

        System.out.printf("%nSeveral instances: %d bookings acknowledged; %d requests, %d failed (%.2f%%), "
                        + "%d sent to the other gateway after a refused connection; outcomes %s%nfor example %s%n%n",
                acknowledged.size(), client.requests.get(), client.failed.get(), client.failedPercent(),
                client.failedOver.get(), client.outcomes, client.examples);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(500);
        assertThat(client.failedPercent()).as("requests failed").isLessThan(1.0);

        try (var db = booking()) {
            // Every acknowledged booking is in the database once, as it was acknowledged.
            var stored = bookedBy(db, surgeons);
            for (var entry : acknowledged.entrySet()) {
                assertThat(stored.get(entry.getKey())).as("booking %s", entry.getKey()).isEqualTo(entry.getValue());
            }
            // No clinician holds two booked appointments that overlap.
            assertThat(overlaps(db)).isZero();
            // Each booked appointment's confirmation reached the SMTP server as one message: counted per patient by
            // Message-ID, as soon as all have come, and again a little later in case one came twice. A message the
            // killed followup-service had handed to SMTP but not yet recorded as sent is sent again by the other
            // once its claim lapses (ADR 9): the same message, with the same Message-ID, so a mail store keeps one.
            // Only those can be copies, so there are at most as many as one claimed batch.
            var expected = stored.values().stream()
                    .collect(Collectors.groupingBy(slot -> addresses.get(slot.patient()), Collectors.counting()));
            awaitConfirmations(expected, Duration.ofMinutes(4));
            Thread.sleep(5_000);
            assertThat(confirmations()).isEqualTo(expected);
            long copies = confirmationMails().size() - confirmationMails().stream().map(mail -> mail.messageId())
                    .distinct().count();
            System.out.printf("Confirmations: %d messages, %d of them sent again after the kill with the same"
                    + " Message-ID%n", expected.values().stream().mapToLong(Long::longValue).sum(), copies);
            assertThat(copies).as("copies sent again after the kill").isLessThanOrEqualTo(CLAIMED_BATCH);
        }
    }

    /** Where a booking was made: the clinician, the time and the patient's address. */
    record Slot(UUID clinician, Instant startsAt, UUID patient) {
    }

    /**
     * One desk working through its own surgeon's diary, turn about for its patients. A booking whose answer was lost
     * is not tried again: it may or may not have been made, and the checks at the end read what the database holds.
     * A day the clinic is closed (a bank holiday) answers 422 for each of its times, and the desk goes on to the next.
     */
    private static void book(AlternatingClient client, String token, UUID surgeon, List<UUID> patients,
                             Map<UUID, Slot> acknowledged, AtomicInteger made) {
        int turn = 0;
        for (var startsAt : slots(1)) {
            if (made.get() >= BOOKINGS) {
                return;
            }
            var patient = patients.get(turn++ % patients.size());
            var body = """
                    {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"}
                    """.formatted(patient, surgeon, startsAt);
            var answer = client.call("POST", "/api/booking/appointments", token, body);
            if (answer != null && answer.statusCode() == 201) {
                var id = UUID.fromString(json.readTree(answer.body()).get("id").asString());
                acknowledged.put(id, new Slot(surgeon, startsAt, patient));
                made.incrementAndGet();
                // Read back through the other gateway, so reads and writes mix across instances.
                client.call("GET", "/api/booking/appointments/" + id, token, null);
            }
        }
    }

    /**
     * What goes wrong while the desks book: at the 100th booking the second instance of every service and of the
     * screens is killed; at the 200th the second Kafka broker stops; at the 300th the first gateway restarts, and while
     * it is down the browser's session is served by the second.
     */
    private static final class Chaos implements Runnable {

        private final AtomicInteger made;
        private final BrowserSession browser;
        private final String userId;
        private final String otherGateway;
        private volatile Throwable failure;

        Chaos(AtomicInteger made, BrowserSession browser, String userId, String otherGateway) {
            this.made = made;
            this.browser = browser;
            this.userId = userId;
            this.otherGateway = otherGateway;
        }

        @Override
        public void run() {
            try {
                await(100);
                for (var name : List.of("booking-service-2", "content-service-2", "followup-service-2", "web-2")) {
                    system.process(name).kill();
                }
                await(200);
                ((KafkaCluster) infrastructure.broker()).node(2).stop();
                await(300);
                system.restart("gateway", () -> assertThat(signedInAs(browser, otherGateway)).isEqualTo(userId));
            } catch (Throwable e) {
                failure = e;
            }
        }

        private void await(int bookings) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (made.get() < bookings) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + made.get() + " bookings made in 5 minutes");
                }
                Thread.sleep(100);
            }
        }

        void rethrow() {
            if (failure != null) {
                throw new AssertionError("The chaos did not go as planned", failure);
            }
        }
    }

    /**
     * The client a load balancer without sticky sessions would be: each request to the next gateway in turn. A
     * gateway that refuses the connection (it is restarting) is passed over for the other, as a load balancer's health
     * check would; anything else that goes wrong is a failed request.
     */
    private static final class AlternatingClient {

        private final List<String> gateways;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final AtomicInteger next = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger failedOver = new AtomicInteger();
        final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        final Map<String, String> examples = new ConcurrentHashMap<>();

        AlternatingClient(List<String> gateways) {
            this.gateways = gateways;
        }

        /** @return the answer, or null when the request failed */
        HttpResponse<String> call(String method, String path, String token, String body) {
            int first = Math.floorMod(next.getAndIncrement(), gateways.size());
            requests.incrementAndGet();
            for (int attempt = 0; attempt < gateways.size(); attempt++) {
                var gateway = gateways.get((first + attempt) % gateways.size());
                var request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json");
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                try {
                    var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    var outcome = method + " " + answer.statusCode();
                    outcomes.merge(outcome, 1, Integer::sum);
                    if (answer.statusCode() >= 400) {
                        // One answer of each kind, so a failure's report says what was refused and why.
                        examples.putIfAbsent(outcome, path + " -> " + answer.body());
                    }
                    if (answer.statusCode() >= 500) {
                        failed.incrementAndGet();
                    }
                    return answer;
                } catch (ConnectException refused) {
                    failedOver.incrementAndGet();
                } catch (IOException e) {
                    outcomes.merge(method + " " + e.getClass().getSimpleName(), 1, Integer::sum);
                    failed.incrementAndGet();
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            outcomes.merge(method + " no gateway", 1, Integer::sum);
            failed.incrementAndGet();
            return null;
        }

        int send(String method, String path, String token, String body) {
            var answer = call(method, path, token, body);
            return answer == null ? -1 : answer.statusCode();
        }

        double failedPercent() {
            return 100.0 * failed.get() / Math.max(1, requests.get());
        }
    }

    private static String signedInAs(BrowserSession browser, String gateway) {
        var me = browser.send("GET", gateway + "/me", null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return json.readTree(me.body()).get("userId").asString();
    }

    /**
     * Ten slots of the first surgeon's diary a week before the desks' bookings begin, each asked for by two desks at
     * once through different gateways.
     *
     * @return how many slots exactly one of the two got
     */
    private static int contestSlots(List<String> gateways, String token, UUID surgeon, List<UUID> patients)
            throws InterruptedException {
        var won = new AtomicInteger();
        var slots = slots(0).subList(0, 10);
        var http = HttpClient.newHttpClient();
        for (var startsAt : slots) {
            var start = new CountDownLatch(1);
            var created = new AtomicInteger();
            var conflicts = new AtomicInteger();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int desk = 0; desk < 2; desk++) {
                    var request = HttpRequest.newBuilder(URI.create(gateways.get(desk) + "/api/booking/appointments"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION",
                                     "startsAt":"%s"}""".formatted(patients.get(desk), surgeon, startsAt))).build();
                    pool.execute(() -> {
                        try {
                            start.await();
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            (status == 201 ? created : status == 409 ? conflicts : new AtomicInteger())
                                    .incrementAndGet();
                        } catch (IOException | InterruptedException e) {
                            // Counted as neither.
                        }
                    });
                }
                start.countDown();
            }
            if (created.get() == 1 && conflicts.get() == 1) {
                won.incrementAndGet();
            }
        }
        return won.get();
    }

    /**
     * Every 15-minute slot of a Monday-to-Saturday 08:00-18:00 diary in the week {@code week} weeks after next
     * Monday: far enough ahead that no reminder falls due while the test runs.
     */
    private static List<Instant> slots(int week) {
        var slots = new ArrayList<Instant>();
        var monday = LocalDate.now(LONDON).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1 + week);
        for (int d = 0; d < 6; d++) {
            for (var time = LocalTime.of(8, 0); time.isBefore(LocalTime.of(18, 0)); time = time.plusMinutes(15)) {
                slots.add(monday.plusDays(d).atTime(time).atZone(LONDON).toInstant());
            }
        }
        return slots;
    }

    /** Surgeons of this test's own, each with clinics Monday to Saturday, 08:00-18:00, at London Bridge. */
    private static List<UUID> addSurgeons(int count) throws SQLException {
        try (var db = booking()) {
            return ExtraSurgeons.add(db, "Mr Several ", count);
        }
    }

    /**
     * Patients registered at the desk with an email address and consent to email, so that followup-service learns
     * where to send their confirmations.
     *
     * @return their ids; their addresses go in {@link #addresses}
     */
    private static List<UUID> registerPatients(AlternatingClient client, String token, int count) {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            var address = "several." + i + "@example.test";
            var answer = client.call("POST", "/api/booking/patients", token, """
                    {"givenName":"Several","familyName":"Patient %d","dateOfBirth":"1950-01-01","email":"%s",
                     "emailConsent":true,"smsConsent":false}""".formatted(i, address));
            assertThat(answer).isNotNull();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            var id = UUID.fromString(json.readTree(answer.body()).get("id").asString());
            ids.add(id);
            addresses.put(id, address);
        }
        return ids;
    }


    private static Connection booking() throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl("booking"), "booking", "booking");
    }

    /** Every booked appointment of these surgeons, by id. */
    private static Map<UUID, Slot> bookedBy(Connection db, List<UUID> surgeons) throws SQLException {
        var stored = new HashMap<UUID, Slot>();
        try (var query = db.prepareStatement("select id, clinician_id, starts_at, patient_id from appointment"
                + " where clinician_id = any(?) and status = 'BOOKED'")) {
            query.setArray(1, db.createArrayOf("uuid", surgeons.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getObject(1, UUID.class), new Slot(rows.getObject(2, UUID.class),
                            rows.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                            rows.getObject(4, UUID.class)));
                }
            }
        }
        return stored;
    }

    /** Pairs of booked appointments of one clinician whose times overlap. */
    private static int overlaps(Connection db) throws SQLException {
        try (var query = db.prepareStatement("select count(*) from appointment a join appointment b"
                + " on a.clinician_id = b.clinician_id and a.id < b.id"
                + " and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)"
                + " where a.status in ('BOOKED', 'CHECKED_IN') and b.status in ('BOOKED', 'CHECKED_IN')");
             var rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Confirmations received by the SMTP server for this test's patients, every copy. */
    private static List<Mailbox.Mail> confirmationMails() {
        var ours = Set.copyOf(addresses.values());
        return infrastructure.mailbox().all().stream()
                .filter(mail -> mail.subject().contains("is booked"))
                .filter(mail -> mail.recipients().stream().anyMatch(ours::contains))
                .toList();
    }

    /** Confirmations received by the SMTP server, counted by patient, one per Message-ID. */
    private static Map<String, Long> confirmations() {
        var ours = Set.copyOf(addresses.values());
        return confirmationMails().stream()
                .collect(Collectors.toMap(Mailbox.Mail::messageId, mail -> mail, (first, copy) -> first))
                .values().stream()
                .flatMap(mail -> mail.recipients().stream())
                .filter(ours::contains)
                .collect(Collectors.groupingBy(address -> address, Collectors.counting()));
    }

    private static void awaitConfirmations(Map<String, Long> expected, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var received = confirmations();
            long missing = expected.entrySet().stream()
                    .mapToLong(e -> Math.max(0, e.getValue() - received.getOrDefault(e.getKey(), 0L))).sum();
            if (missing == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(missing + " confirmation(s) not received within " + wait);
            }
            Thread.sleep(1_000);
        }
    }
}
