package org.clinicflow.benchmarks;

import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.ExtraSurgeons;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * booking-service under load, with 50 clinicians and eight weeks of sessions: earliest-slot search latency at a fixed
 * rate and its closed-loop throughput; booking throughput with 64 concurrent clients on distinct slots; and, in the
 * same run on the same PostgreSQL, pgbench's TPC-B-like rate, so that booking can be reported as a share of what the
 * database itself does on this machine.
 */
public final class BookingBenchmark {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int CLINICIANS = 50;
    private static final int BOOKING_CLIENTS = 64;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int searchRate = Integer.getInteger("benchmark.searchRate", 200);
        var seconds = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
        var infrastructure = ClinicInfrastructure.shared();
        // The load comes from one address and one user: the gateway's rate limits would measure themselves instead.
        try (var system = ClinicSystem.start(infrastructure, ClinicSystem.Ports.anyFree(),
                Files.createDirectories(Path.of("target", "service-logs")), ClinicSystem.UNLIMITED_RATE)) {
            var clinicians = seedClinicians(infrastructure);
            var patients = seedPatients(infrastructure);
            var token = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
            var booking = "http://localhost:" + system.ports().booking();
            var search = HttpRequest.newBuilder(URI.create(booking
                            + "/api/booking/availability?appointmentType=FREE_CONSULTATION&limit=10"))
                    .header("Authorization", "Bearer " + token).GET().build();
            var searchViaGateway = HttpRequest.newBuilder(URI.create(system.gatewayUrl()
                            + "/api/booking/availability?appointmentType=FREE_CONSULTATION&limit=10"))
                    .header("Authorization", "Bearer " + token).GET().build();

            // Each path is warmed up at the measured rate just before it is measured: until the JIT has compiled
            // it, a JVM measures its own compiler (the gateway is cold until its own phase begins). Each phase has
            // a client of its own, closed after it: a client keeps its idle connections open for twenty minutes,
            // and those held by a direct phase would leave the gateway too few of booking-service's 256, so that
            // it timed out connecting and its breaker opened.
            LoadResult direct;
            try (var http = client()) {
                var load = new OpenLoopLoad(http);
                load.run("warm-up, direct", search, 200, searchRate, WARM_UP);
                direct = load.run("earliest-slot search, direct", search, 200, searchRate, seconds);
            }
            LoadResult viaGateway;
            try (var http = client()) {
                var load = new OpenLoopLoad(http);
                load.run("warm-up, via gateway", searchViaGateway, 200, searchRate, WARM_UP);
                viaGateway = load.run("earliest-slot search, via gateway", searchViaGateway, 200, searchRate,
                        seconds);
            }
            // The floor under any booking: one authenticated request through booking-service's web and security
            // stack that reads a single row by its key and writes nothing. A booking is this request and more, so
            // its rate bounds the booking rate from above on this machine.
            var clinicianRead = HttpRequest.newBuilder(URI.create(booking + "/api/booking/clinicians/"
                            + clinicians.getFirst()))
                    .header("Authorization", "Bearer " + token).GET().build();
            // The load generator's JVM also runs the Kafka broker (ClinicInfrastructure starts it in-process).
            var processes = new LinkedHashMap<String, Long>();
            processes.put("booking-service", system.process("booking-service").pid());
            processes.put("followup-service", system.process("followup-service").pid());
            processes.put("load generator with Kafka", ProcessHandle.current().pid());
            double searchCapacity;
            double readsPerSecond;
            double bookingsPerSecond;
            try (var http = client()) {
                searchCapacity = closedLoop("search, closed loop", http, search, 8, Duration.ofSeconds(10),
                        processes);
                closedLoop("warm-up, one-row read", http, clinicianRead, BOOKING_CLIENTS, Duration.ofSeconds(5),
                        processes);
                readsPerSecond = closedLoop("one-row read", http, clinicianRead, BOOKING_CLIENTS,
                        Duration.ofSeconds(10), processes);
                // Warm-up bookings go in the last week of the horizon, the measured ones from next week on.
                bookAll(http, booking, token, clinicians, patients, 35, Duration.ofSeconds(5), processes);
                bookingsPerSecond = bookAll(http, booking, token, clinicians, patients, 0, Duration.ofSeconds(15),
                        processes);
            }
            double pgbench = pgbench(infrastructure);

            System.out.printf("""

                    booking-service, %d clinicians, 8 weeks of sessions, %s
                    %s
                    %s
                    %s

                    | measure | figure |
                    |---|---:|
                    | earliest-slot search, closed loop, 8 clients | %.0f searches/s |
                    | authenticated read of one clinician, %d clients (the floor under any request) | %.0f reads/s |
                    | bookings, %d concurrent clients on distinct slots | %.0f bookings/s |
                    | pgbench TPC-B-like, 64 clients, same PostgreSQL | %s |
                    | one-row reads as a share of pgbench | %s |
                    | the most any booking could reach here (one such request plus one pgbench transaction) | %s |
                    | bookings as a share of pgbench | %s |
                    %n""", CLINICIANS, Instant.now(), LoadResult.tableHeader(), direct.tableRow(),
                    viaGateway.tableRow(), searchCapacity, BOOKING_CLIENTS, readsPerSecond, BOOKING_CLIENTS,
                    bookingsPerSecond,
                    pgbench > 0 ? "%.0f tps".formatted(pgbench) : "not measured (pgbench not on PATH)",
                    share(readsPerSecond, pgbench), share(ceiling(readsPerSecond, pgbench), pgbench),
                    share(bookingsPerSecond, pgbench));
        } finally {
            infrastructure.close();
        }
        // The in-process broker's threads would keep the JVM alive.
        System.exit(0);
    }

    /**
     * On a machine that every process shares, and that a closed loop keeps busy, what one operation costs in time adds
     * up: a booking is at least an authenticated request (at most {@code requestRate} a second) and a write
     * transaction that does more than one of pgbench's (at most {@code pgbench} a second), so no booking can go faster
     * than both done one after the other. The outbox, Kafka and followup-service's work come on top.
     */
    private static double ceiling(double requestRate, double pgbench) {
        return pgbench > 0 ? 1 / (1 / requestRate + 1 / pgbench) : -1;
    }

    private static String share(double rate, double pgbench) {
        return pgbench > 0 ? "%.0f%%".formatted(100 * rate / pgbench) : "n/a";
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The benchmark's own surgeons, each with a full week of clinics. */
    private static List<UUID> seedClinicians(ClinicInfrastructure infrastructure) throws SQLException {
        try (var db = DriverManager.getConnection(infrastructure.jdbcUrl("booking"), "booking", "booking")) {
            return ExtraSurgeons.add(db, "Benchmark surgeon ", CLINICIANS);
        }
    }

    /** One patient per booking client: a patient may not hold two overlapping appointments. */
    private static List<UUID> seedPatients(ClinicInfrastructure infrastructure) throws SQLException {
        var ids = new ArrayList<UUID>();
        try (var db = DriverManager.getConnection(infrastructure.jdbcUrl("booking"), "booking", "booking");
             var insert = db.prepareStatement("insert into patient (id, given_name, family_name, date_of_birth,"
                     + " email_consent, sms_consent, registered_at, registered_by)"
                     + " values (?, 'Bench', ?, '1950-01-01', false, false, now(), 'benchmark')")) {
            for (int i = 0; i < BOOKING_CLIENTS; i++) {
                var id = UUID.randomUUID();
                ids.add(id);
                insert.setObject(1, id);
                insert.setString(2, "Patient " + i);
                insert.executeUpdate();
            }
        }
        return ids;
    }

    /**
     * {@code clients} send the request back to back for {@code duration}; prints how many answers of each kind came
     * (status code, or the exception's class: a client carries on after one) and where the CPU went.
     *
     * @return answers per second with status 200
     */
    private static double closedLoop(String name, HttpClient http, HttpRequest request, int clients,
                                     Duration duration, Map<String, Long> processes) throws InterruptedException {
        var outcomes = new ConcurrentHashMap<String, Integer>();
        // A phase ends on time even if the service stops answering: a hung request counts as a timeout.
        var timed = HttpRequest.newBuilder(request, (header, value) -> true).timeout(Duration.ofSeconds(10)).build();
        var cpu = CpuShares.start(processes);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    while (System.nanoTime() < end) {
                        String outcome;
                        try {
                            outcome = String.valueOf(http.send(timed, HttpResponse.BodyHandlers.discarding())
                                    .statusCode());
                        } catch (IOException e) {
                            outcome = e.getClass().getSimpleName();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        outcomes.merge(outcome, 1, Integer::sum);
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %s in %.1f s; %s%n", name, new TreeMap<>(outcomes), seconds, cpu.describe());
        return outcomes.getOrDefault("200", 0) / seconds;
    }

    /**
     * 64 clients book as fast as they can, each on its own slots (a clinician, every other 15-minute slot of that
     * clinician's sessions, from next week on), so that every booking can succeed and only throughput is measured.
     */
    private static double bookAll(HttpClient http, String booking, String token, List<UUID> clinicians,
                                  List<UUID> patients, int fromDay, Duration duration, Map<String, Long> processes)
            throws InterruptedException {
        var booked = new AtomicInteger();
        var refused = new AtomicInteger();
        var cpu = CpuShares.start(processes);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < BOOKING_CLIENTS; c++) {
                var clinician = clinicians.get(c % CLINICIANS);
                var patient = patients.get(c);
                int parity = c / CLINICIANS;
                pool.execute(() -> {
                    for (var slot : slots(parity, fromDay)) {
                        if (System.nanoTime() > end) {
                            return;
                        }
                        var request = HttpRequest.newBuilder(URI.create(booking + "/api/booking/appointments"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION",
                                         "startsAt":"%s"}""".formatted(patient, clinician, slot)))
                                .build();
                        try {
                            var status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            (status == 201 ? booked : refused).incrementAndGet();
                        } catch (IOException | InterruptedException e) {
                            refused.incrementAndGet();
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("bookings: %d made, %d refused, in %.1f s; %s%n", booked.get(), refused.get(), seconds,
                cpu.describe());
        return booked.get() / seconds;
    }

    /**
     * Every other 15-minute slot (by parity) of a Monday-to-Saturday 08:00-18:00 diary, from {@code fromDay} days
     * after next Monday to the end of the sixth week.
     */
    private static List<Instant> slots(int parity, int fromDay) {
        var slots = new ArrayList<Instant>();
        var day = LocalDate.now(LONDON).with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY))
                .plusDays(fromDay);
        for (int d = fromDay; d < 42; d++, day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int i = parity; i < 40; i += 2) {
                slots.add(day.atTime(LocalTime.of(8, 0).plusMinutes(15L * i)).atZone(LONDON).toInstant());
            }
        }
        return slots;
    }

    /** pgbench's TPC-B-like run against its own database on the same server, or -1 when pgbench is not installed. */
    private static double pgbench(ClinicInfrastructure infrastructure) throws IOException, InterruptedException {
        infrastructure.createDatabase("pgbench");
        var url = URI.create(infrastructure.jdbcUrl("pgbench").substring("jdbc:".length()));
        var connection = List.of("-h", url.getHost(), "-p", String.valueOf(url.getPort()), "-U", "pgbench");
        try {
            run(concat(List.of("pgbench", "-i", "-q", "-s", "10"), connection, List.of("pgbench")));
        } catch (IOException notInstalled) {
            return -1;
        }
        var output = run(concat(List.of("pgbench", "-c", "64", "-j", "2", "-T", "20", "-M", "prepared"), connection,
                List.of("pgbench")));
        var matcher = TPS.matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("PGPASSWORD", "pgbench");
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes());
        if (started.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        var all = new ArrayList<String>();
        for (var part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
