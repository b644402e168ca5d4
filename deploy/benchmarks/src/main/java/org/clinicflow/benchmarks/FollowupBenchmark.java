package org.clinicflow.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.ExtraSurgeons;
import org.clinicflow.localstack.FreePorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * followup-service behind booking-service: (1) the time from a booking committed in booking-service to its
 * confirmation and reminders being scheduled in followup-service (outbox, Kafka, inbox), over a number of bookings made
 * through booking's API by concurrent clients; (2) how many messages the dispatcher sends per second over real SMTP
 * (GreenMail in this JVM), while bookings arrive and from a backlog of due messages.
 */
public final class FollowupBenchmark {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int CLIENTS = 20;

    private FollowupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int bookings = Integer.getInteger("benchmark.bookings", 1000);
        int backlog = Integer.getInteger("benchmark.backlog", 2000);
        int rate = Integer.getInteger("benchmark.bookingRate", 20);
        int warmup = Integer.getInteger("benchmark.warmupBookings", 200);
        var smtp = new GreenMail(new ServerSetup(FreePorts.pick(), "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        var infrastructure = ClinicInfrastructure.shared();
        try (var system = ClinicSystem.start(infrastructure, ClinicSystem.Ports.anyFree(),
                Files.createDirectories(Path.of("target", "service-logs")), ClinicSystem.UNLIMITED_RATE,
                Map.of("SPRING_MAIL_HOST", "localhost",
                        "SPRING_MAIL_PORT", Integer.toString(smtp.getSmtp().getPort())));
             var bookingDb = DriverManager.getConnection(infrastructure.jdbcUrl("booking"), "booking", "booking");
             var followupDb = DriverManager.getConnection(infrastructure.jdbcUrl("followup"), "followup",
                     "followup")) {
            var clinicians = ExtraSurgeons.add(bookingDb, "Benchmark surgeon ", CLIENTS);
            var patients = seedPatients(bookingDb, followupDb);
            var token = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
            var booking = "http://localhost:" + system.ports().booking();

            // The first bookings after a start run in the interpreter while the JIT compiles the path (and the
            // consumers join their groups): measured apart, so the figures below are the steady state.
            var slots = slots((warmup + bookings + CLIENTS - 1) / CLIENTS + 1);
            var warmed = book(booking, token, clinicians, patients, slots, 0, warmup, rate);
            awaitAll(followupDb, "select count(*) from notification where purpose = 'CONFIRMATION' "
                    + "and appointment_id = any(?)", warmed, Duration.ofMinutes(3));
            var cold = warmed.isEmpty() ? null : schedulingLatencies(bookingDb, followupDb, warmed);

            var started = Instant.now();
            var appointments = book(booking, token, clinicians, patients, slots, warmup, bookings, rate);
            var bookingSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            awaitAll(followupDb, "select count(*) from notification where purpose = 'CONFIRMATION' "
                    + "and status = 'SENT' and appointment_id = any(?)", appointments, Duration.ofMinutes(3));

            var latencies = schedulingLatencies(bookingDb, followupDb, appointments);
            var relayed = relayLatencies(bookingDb, appointments);
            var duringRun = sendRate(followupDb, "appointment_id = any(?)", appointments);
            var backlogRate = drainBacklog(followupDb, patients, backlog);

            System.out.printf("""

                    followup-service behind booking-service, %s
                    %d bookings through booking's API, open loop at %d/s, done in %.1f s (%.0f bookings/s),
                    after %d warm-up bookings at the same rate (their p50 / p99 / max: %s)

                    | measure | figure |
                    |---|---:|
                    | booking committed → reminders scheduled, p50 | %.0f ms |
                    | booking committed → reminders scheduled, p99 | %.0f ms |
                    | booking committed → reminders scheduled, max | %.0f ms |
                    | of which booking committed → outbox relay pass began, p50 / p99 | %.0f / %.0f ms |
                    | confirmations sent by email while bookings arrived | %.0f messages/s |
                    | backlog of %d due messages drained by email | %.0f messages/s |
                    %n""", Instant.now(), appointments.size(), rate, bookingSeconds,
                    appointments.size() / bookingSeconds, warmed.size(), cold == null ? "none"
                            : "%.0f / %.0f / %.0f ms".formatted(percentile(cold, 50), percentile(cold, 99),
                            cold[cold.length - 1]),
                    percentile(latencies, 50), percentile(latencies, 99),
                    latencies[latencies.length - 1], percentile(relayed, 50), percentile(relayed, 99), duringRun,
                    backlog, backlogRate);
        } finally {
            infrastructure.close();
            smtp.stop();
        }
        System.exit(0);
    }

    /**
     * One patient per client, in booking-service and, as its patient-registered event would have put it, in
     * followup-service's contact copy (email consent only, reserved example.test addresses).
     */
    private static List<UUID> seedPatients(Connection booking, Connection followup) throws SQLException {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < CLIENTS; i++) {
            var id = UUID.randomUUID();
            ids.add(id);
            try (var insert = booking.prepareStatement("insert into patient (id, given_name, family_name,"
                    + " date_of_birth, email, email_consent, sms_consent, registered_at, registered_by)"
                    + " values (?, 'Bench', ?, '1950-01-01', ?, true, false, now(), 'benchmark')")) {
                insert.setObject(1, id);
                insert.setString(2, "Patient " + i);
                insert.setString(3, "bench-" + i + "@example.test");
                insert.executeUpdate();
            }
            try (var insert = followup.prepareStatement("insert into patient_contact (patient_id, given_name, email,"
                    + " email_consent, sms_consent, changed_at, updated_at) values (?, 'Bench', ?, true, false,"
                    + " now(), now())")) {
                insert.setObject(1, id);
                insert.setString(2, "bench-" + i + "@example.test");
                insert.executeUpdate();
            }
        }
        return ids;
    }

    /**
     * Open loop at {@code rate} bookings per second, bookings {@code first} to {@code first + total - 1}: booking i is
     * sent at its due moment whatever happened to the
     * others, for client i mod 20 (its own clinician and patient) at that client's next slot, so every booking can
     * succeed and none waits for another.
     */
    private static List<UUID> book(String booking, String token, List<UUID> clinicians, List<UUID> patients,
                                   List<Instant> slots, int first, int total, int rate)
            throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var booked = ConcurrentHashMap.<UUID>newKeySet();
        var refused = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < total; n++) {
                int i = first + n;
                var clinician = clinicians.get(i % CLIENTS);
                var patient = patients.get(i % CLIENTS);
                var slot = slots.get(i / CLIENTS);
                long due = start + (long) (n * 1e9 / rate);
                pool.execute(() -> {
                    var wait = due - System.nanoTime();
                    try {
                        if (wait > 0) {
                            Thread.sleep(Duration.ofNanos(wait));
                        }
                        var request = HttpRequest.newBuilder(URI.create(booking + "/api/booking/appointments"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION",
                                         "startsAt":"%s"}""".formatted(patient, clinician, slot)))
                                .build();
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            var body = response.body();
                            var at = body.indexOf("\"id\":\"") + 6;
                            booked.add(UUID.fromString(body.substring(at, at + 36)));
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        refused.incrementAndGet();
                    }
                });
            }
        }
        System.out.printf("bookings: %d made, %d refused%n", booked.size(), refused.get());
        return new ArrayList<>(booked);
    }

    /** Consecutive 15-minute slots of a Monday-to-Saturday 08:00-18:00 diary, from a week on Monday. */
    private static List<Instant> slots(int count) {
        var slots = new ArrayList<Instant>();
        var day = LocalDate.now(LONDON).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        while (slots.size() < count) {
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                for (int i = 0; i < 40 && slots.size() < count; i++) {
                    slots.add(day.atTime(LocalTime.of(8, 0).plusMinutes(15L * i)).atZone(LONDON).toInstant());
                }
            }
            day = day.plusDays(1);
        }
        return slots;
    }

    /**
     * booked_at is stamped inside booking's transaction, just before its commit, so each figure slightly overstates
     * the time from commit; followup's created_at is stamped in the transaction that consumed the event.
     */
    private static double[] schedulingLatencies(Connection booking, Connection followup, List<UUID> appointments)
            throws SQLException {
        var bookedAt = new HashMap<UUID, Instant>();
        try (var query = booking.prepareStatement("select id, booked_at from appointment where id = any(?)")) {
            query.setArray(1, booking.createArrayOf("uuid", appointments.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    bookedAt.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
                }
            }
        }
        var latencies = new ArrayList<Double>();
        var slowest = new java.util.TreeMap<Double, Instant>();
        try (var query = followup.prepareStatement("select appointment_id, min(created_at) from notification"
                + " where appointment_id = any(?) group by appointment_id")) {
            query.setArray(1, followup.createArrayOf("uuid", appointments.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var booked = bookedAt.get(rows.getObject(1, UUID.class));
                    var latency = Duration.between(booked, rows.getTimestamp(2).toInstant()).toNanos() / 1e6;
                    latencies.add(latency);
                    slowest.put(latency, booked);
                    if (slowest.size() > 5) {
                        slowest.pollFirstEntry();
                    }
                }
            }
        }
        if (latencies.size() != appointments.size()) {
            throw new IllegalStateException(latencies.size() + " of " + appointments.size() + " bookings scheduled");
        }
        // When the slowest were booked tells a start-up or a pause (clustered) from steady queueing (spread out).
        var first = bookedAt.values().stream().min(Instant::compareTo).orElseThrow();
        System.out.printf("slowest: %s%n", slowest.descendingMap().entrySet().stream()
                .map(e -> "%.0f ms (booked at +%.1f s)".formatted(e.getKey(),
                        Duration.between(first, e.getValue()).toMillis() / 1000.0))
                .toList());
        var sorted = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** booked_at to the start of the relay transaction that sent the booked event (PostgreSQL's now()). */
    private static double[] relayLatencies(Connection booking, List<UUID> appointments) throws SQLException {
        var latencies = new ArrayList<Double>();
        try (var query = booking.prepareStatement("select extract(epoch from o.sent_at - a.booked_at) * 1000"
                + " from appointment a join outbox_event o on o.record_key = a.id::text"
                + " and o.event_type = 'clinic.booking.appointment-booked.v1' where a.id = any(?)")) {
            query.setArray(1, booking.createArrayOf("uuid", appointments.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    latencies.add(rows.getDouble(1));
                }
            }
        }
        var sorted = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double sendRate(Connection followup, String where, List<UUID> ids) throws SQLException {
        try (var query = followup.prepareStatement("select count(*), extract(epoch from max(sent_at) - min(sent_at))"
                + " from notification where status = 'SENT' and " + where)) {
            query.setArray(1, followup.createArrayOf("uuid", ids.toArray()));
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) / Math.max(rows.getDouble(2), 0.001);
            }
        }
    }

    /** Inserts due messages in one go, as a restart after an outage would find them, and times until all are sent. */
    private static double drainBacklog(Connection followup, List<UUID> patients, int count) throws Exception {
        var ids = new ArrayList<UUID>();
        var now = Timestamp.from(Instant.now());
        try (var insert = followup.prepareStatement("""
                insert into notification (id, patient_id, purpose, title, body, preferred_channel, due_at, status,
                    next_attempt_at, source_event_id, created_at)
                values (?, ?, 'PATHWAY_MESSAGE', 'Getting moving again', 'Walk a little today.', 'EMAIL', ?,
                    'SCHEDULED', ?, ?, ?)""")) {
            for (int i = 0; i < count; i++) {
                var id = UUID.randomUUID();
                ids.add(id);
                insert.setObject(1, id);
                insert.setObject(2, patients.get(i % patients.size()));
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.setObject(5, id);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        long started = System.nanoTime();
        awaitAll(followup, "select count(*) from notification where status = 'SENT' and id = any(?)", ids,
                Duration.ofMinutes(5));
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static void awaitAll(Connection db, String countSql, List<UUID> ids, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (var query = db.prepareStatement(countSql)) {
                query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
                try (var rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) >= ids.size()) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Only " + rows.getLong(1) + " of " + ids.size() + " within "
                                + limit);
                    }
                }
            }
            Thread.sleep(100);
        }
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
