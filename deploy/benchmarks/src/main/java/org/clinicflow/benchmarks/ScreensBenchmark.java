package org.clinicflow.benchmarks;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.BrowserSession;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.KeycloakAdmin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The staff screens under a clinic's load: 20 receptionists, each signed in through Keycloak with a session of their
 * own, each loading a page, reading it for a moment (0 to 1 s) and loading the next. Measured, through the gateway:
 * the earliest-slots page of the desk and a site's day diary; and, as the baseline in the same run, the booking-service
 * API calls behind each page, one after the other, straight to the service at the same pace. Also each page's weight: its HTML and every
 * file it loads, as sent (compressed) and unpacked.
 */
public final class ScreensBenchmark {

    private static final int SESSIONS = 20;
    private static final Pattern ASSETS = Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"");
    private static final Pattern MODULE_IMPORTS = Pattern.compile("from '(/[^']+)'");

    private ScreensBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var seconds = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 30));
        var warmUp = Duration.ofSeconds(Integer.getInteger("benchmark.warmupSeconds", 15));
        var infrastructure = ClinicInfrastructure.shared();
        try (var system = ClinicSystem.start(infrastructure, ClinicSystem.Ports.anyFree(),
                Files.createDirectories(Path.of("target", "service-logs")), ClinicSystem.UNLIMITED_RATE)) {
            var gateway = system.gatewayUrl();
            KeycloakAdmin.allowGatewayRedirect(infrastructure.keycloakUrl(), gateway);
            var token = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
            var day = aBusyDay(gateway, token);
            var enquiry = ApiCall.post(gateway + "/api/booking/enquiries", token, "{\"channel\":\"PHONE\"}");
            var enquiryId = field(enquiry.body(), "id");
            var site = "50000000-0000-4000-a000-000000000001";
            var slotsPage = "/desk/enquiries/" + enquiryId + "/slots?patient=" + DemoUsers.PATIENT_ID;
            var diaryPage = "/diary?site=" + site + "&date=" + day;
            var booking = "http://localhost:" + system.ports().booking();

            var sessions = new ArrayList<String>();
            for (int i = 0; i < SESSIONS; i++) {
                var browser = new BrowserSession("10.1.0." + (i + 1));
                browser.logIn(browser.open(gateway + "/desk"), DemoUsers.RECEPTIONIST, DemoUsers.PASSWORD);
                sessions.add(browser.cookie("SESSION"));
            }
            var weights = List.of(weigh(gateway, sessions.getFirst(), "earliest-slots page", slotsPage),
                    weigh(gateway, sessions.getFirst(), "day diary (London Bridge)", diaryPage));

            var results = new ArrayList<LoadResult>();
            try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                // Baselines first, each warmed up just before it is measured: what booking-service takes for the
                // API calls the page makes, at the same pace from the same number of callers.
                // (The lists of clinicians and sites that both pages name are kept by the web module for 30 s, so a
                // page view asks for them rarely; they are left out here.)
                var slotsApi = List.of(booking + "/api/booking/enquiries/" + enquiryId,
                        booking + "/api/booking/availability?appointmentType=FREE_CONSULTATION&limit=12",
                        booking + "/api/booking/patients/" + DemoUsers.PATIENT_ID);
                var diaryApi = List.of(booking + "/api/booking/diary?date=" + day + "&days=1&siteId=" + site);
                run(http, "warm-up", warmUp, n -> api(slotsApi, token));
                results.add(run(http, "earliest-slots page's API calls, direct to booking-service", seconds,
                        n -> api(slotsApi, token)));
                run(http, "warm-up", warmUp, n -> api(diaryApi, token));
                results.add(run(http, "day diary's API calls, direct to booking-service", seconds,
                        n -> api(diaryApi, token)));
                run(http, "warm-up", warmUp, n -> page(gateway + slotsPage, sessions.get(n)));
                results.add(run(http, "earliest-slots page through the gateway", seconds,
                        n -> page(gateway + slotsPage, sessions.get(n))));
                run(http, "warm-up", warmUp, n -> page(gateway + diaryPage, sessions.get(n)));
                results.add(run(http, "day diary through the gateway", seconds,
                        n -> page(gateway + diaryPage, sessions.get(n))));
            }

            var out = new StringBuilder();
            out.append("\nstaff screens, ").append(SESSIONS).append(" signed-in sessions, 0-1 s between pages, ")
                    .append(Instant.now()).append("\n\n").append(LoadResult.tableHeader()).append('\n');
            results.forEach(r -> out.append(r.tableRow()).append('\n'));
            out.append("\n| page | HTML sent kB | HTML unpacked kB | files it loads | first visit sent kB | first visit "
                    + "unpacked kB |\n|---|---:|---:|---:|---:|---:|\n");
            weights.forEach(w -> out.append(w.row()).append('\n'));
            System.out.println(out);
        } finally {
            infrastructure.close();
        }
        // The in-process broker's threads would keep the JVM alive.
        System.exit(0);
    }

    /** One page view, or the API calls behind one: a list of requests made one after the other. */
    @FunctionalInterface
    private interface View {
        List<HttpRequest> requests(int session);
    }

    /**
     * Each of the sessions views, pauses 0-1 s and views again for {@code duration}. A view's latency is from its
     * first request to its last answer.
     */
    private static LoadResult run(HttpClient http, String name, Duration duration, View view)
            throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var outcomes = new ConcurrentHashMap<String, Integer>();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < SESSIONS; s++) {
                int session = s;
                pool.execute(() -> {
                    while (System.nanoTime() < end) {
                        long begun = System.nanoTime();
                        var outcome = "200";
                        try {
                            for (var request : view.requests(session)) {
                                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                                if (status != 200) {
                                    outcome = Integer.toString(status);
                                }
                            }
                        } catch (IOException e) {
                            outcome = e.getClass().getSimpleName();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies.add(System.nanoTime() - begun);
                        outcomes.merge(outcome, 1, Integer::sum);
                        try {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(1000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }
        var values = latencies.stream().mapToLong(Long::longValue).toArray();
        var result = LoadResult.of(name, values, new long[values.length], outcomes, "200", System.nanoTime() - started);
        System.out.println(result.tableRow());
        return result;
    }

    private static List<HttpRequest> page(String url, String session) {
        return List.of(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Cookie", "SESSION=" + session).header("Accept", "text/html").GET().build());
    }

    private static List<HttpRequest> api(List<String> urls, String token) {
        return urls.stream().map(url -> HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build()).toList();
    }

    private record Weight(String page, long htmlSent, long htmlUnpacked, int files, long sent, long unpacked) {
        String row() {
            return "| %s | %.1f | %.1f | %d | %.1f | %.1f |".formatted(page, htmlSent / 1024.0, htmlUnpacked / 1024.0,
                    files, sent / 1024.0, unpacked / 1024.0);
        }
    }

    /** The page and every file it loads (style sheets, scripts and the modules they import), as a browser asks. */
    private static Weight weigh(String gateway, String session, String name, String path) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            var html = fetch(http, gateway + path, session);
            var files = new LinkedHashSet<String>();
            ASSETS.matcher(html.unpacked()).results().forEach(m -> files.add(m.group(1)));
            long sent = html.sent();
            long unpacked = html.unpacked().length();
            var queue = new ArrayList<>(files);
            Set<String> seen = new LinkedHashSet<>(files);
            for (int i = 0; i < queue.size(); i++) {
                var file = fetch(http, gateway + queue.get(i), session);
                sent += file.sent();
                unpacked += file.unpacked().length();
                if (queue.get(i).endsWith(".js")) {
                    MODULE_IMPORTS.matcher(file.unpacked()).results().map(m -> m.group(1))
                            .filter(seen::add).forEach(queue::add);
                }
            }
            return new Weight(name, html.sent(), html.unpacked().length(), queue.size(), sent, unpacked);
        }
    }

    private record Fetched(long sent, String unpacked) {
    }

    private static Fetched fetch(HttpClient http, String url, String session) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "SESSION=" + session)
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        var body = response.body();
        var gzip = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
        var unpacked = gzip ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes()
                : body;
        return new Fetched(body.length, new String(unpacked, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A day of the coming week at London Bridge filled as a real clinic day is: every free consultation of Mr Reid's
     * and Dr Ellis's morning sessions booked, for the demo patients in turn.
     */
    private static LocalDate aBusyDay(String gateway, String token) {
        var zone = ZoneId.of("Europe/London");
        var day = LocalDate.now(zone).plusDays(7);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        var patients = List.of(DemoUsers.PATIENT_ID, DemoUsers.OTHER_PATIENT_ID);
        int booked = 0;
        for (var clinician : List.of(DemoUsers.SURGEON_CLINICIAN_ID,
                java.util.UUID.fromString("c0000000-0000-4000-a000-000000000004"))) {
            var from = day.atStartOfDay(zone).toInstant();
            var slots = ApiCall.get(gateway + "/api/booking/availability?appointmentType=FREE_CONSULTATION&clinicianId="
                    + clinician + "&limit=40&from=" + from, token).body();
            for (var startsAt : Pattern.compile("\"startsAt\":\"([^\"]+)\"").matcher(slots).results()
                    .map(m -> m.group(1)).toList()) {
                if (!java.time.OffsetDateTime.parse(startsAt).atZoneSameInstant(zone).toLocalDate().equals(day)) {
                    continue;
                }
                var response = ApiCall.post(gateway + "/api/booking/appointments", token, """
                        {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"}
                        """.formatted(patients.get(booked % 2), clinician, startsAt));
                if (response.status() == 201) {
                    booked++;
                }
            }
        }
        System.out.printf("%d appointments booked on %s at London Bridge for the day diary%n", booked, day);
        return day;
    }

    private static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
