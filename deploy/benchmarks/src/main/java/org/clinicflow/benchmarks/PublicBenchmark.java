package org.clinicflow.benchmarks;

import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The public's screens, through the gateway, as anonymous visitors use them: the treatment page
 * ({@code GET /treatments/balloon-kyphoplasty}), the slot picker of a self-referral ({@code GET /refer/{id}/slots}),
 * and the self-referral form's submission ({@code POST /refer}). Each is measured open loop at a fixed rate after a
 * warm-up, and, as its baseline in the same run, the same request straight to the web module (no gateway) and the
 * service call(s) behind the page straight to the service. Every answer is read and checked (status, and that the page
 * is the page and not an error page that happens to be fast); anything else counts as an error.
 * <p>
 * Settings as system properties: {@code benchmark.rate} (the two reads, default 200 per second),
 * {@code benchmark.submitRate} (submissions, default 10 per second), {@code benchmark.seconds} (25),
 * {@code benchmark.warmupSeconds} (20).
 */
public final class PublicBenchmark {

    private static final String TREATMENT = "/treatments/balloon-kyphoplasty";
    private static final String TREATMENT_API = "/api/content/treatments/balloon-kyphoplasty";
    /** The heading as the template writes it, with the title content-service publishes. */
    private static final String TREATMENT_HEADING = ">Balloon kyphoplasty</h1>";
    private static final String SLOTS_HEADING = "Choose a time for your free consultation";
    /** The slot picker's radio buttons: a page with none offers nothing to book, which is not what is measured. */
    private static final String SLOT_CHOICE = "name=\"slot\"";
    private static final Pattern TO_SLOTS = Pattern.compile("^/refer/([0-9a-f-]{36})/slots\\?key=([A-Za-z0-9_-]+)$");
    private static final List<String> SCREENING = List.of("bladderOrBowel", "saddleNumbness", "legWeakness",
            "cancerHistory", "feverOrUnwell", "majorInjury");
    /** Slot pickers open at once, each a person's own referral, viewed in turn. */
    private static final int REFERRALS_VIEWED = 100;

    /** What an exchange answers when everything in it was as it should be. */
    private static final String OK = "ok";
    /** Numbers every person made in this run, so that no two submissions name the same person. */
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private PublicBenchmark() {
    }

    private record Scenario(String name, OpenLoopLoad.Exchange exchange, int rate) {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("benchmark.rate", 200);
        int submitRate = Integer.getInteger("benchmark.submitRate", 10);
        var measured = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 25));
        var warmup = Duration.ofSeconds(Integer.getInteger("benchmark.warmupSeconds", 20));
        var results = new ArrayList<LoadResult>();
        var cpu = new ArrayList<String>();

        var infrastructure = ClinicInfrastructure.shared();
        // Everything comes from one address: the gateway's limits (ten self-referrals an hour per address among them)
        // would measure themselves instead.
        try (var system = ClinicSystem.start(infrastructure, ClinicSystem.Ports.anyFree(),
                Files.createDirectories(Path.of("target", "service-logs")), ClinicSystem.UNLIMITED_RATE)) {
            var gateway = system.gatewayUrl();
            var web = "http://localhost:" + system.ports().web();
            var booking = "http://localhost:" + system.ports().booking();
            var content = "http://localhost:" + system.ports().content();
            var processes = new LinkedHashMap<String, Long>();
            for (var name : List.of("gateway", "web", "booking-service", "content-service", "followup-service")) {
                processes.put(name, system.process(name).pid());
            }
            processes.put("load generator with Kafka", ProcessHandle.current().pid());

            List<String[]> referrals;
            try (var http = client()) {
                referrals = referrals(http, gateway, REFERRALS_VIEWED);
            }
            System.out.printf("%d self-referrals made through the gateway for the slot picker%n", referrals.size());

            // Baselines before the gateway's run of each page: under load the gateway's pool to a service fills to
            // its cap and keeps its connections for a while, which a direct client would then have to share.
            var scenarios = List.of(
                    new Scenario("treatment page's content call, direct to content-service",
                            read(content + TREATMENT_API, "application/json", "\"slug\":\"balloon-kyphoplasty\""), rate),
                    new Scenario("treatment page, direct to web", read(web + TREATMENT, "text/html", TREATMENT_HEADING),
                            rate),
                    new Scenario("treatment page through the gateway",
                            read(gateway + TREATMENT, "text/html", TREATMENT_HEADING), rate),
                    new Scenario("slot picker's booking calls (referral, earliest slots), direct to booking-service",
                            slotCalls(booking, referrals), rate),
                    new Scenario("slot picker, direct to web", slotPicker(web, referrals), rate),
                    new Scenario("slot picker through the gateway", slotPicker(gateway, referrals), rate),
                    new Scenario("self-referral's booking call (JSON), direct to booking-service",
                            (http, n) -> submitJson(http, booking), submitRate),
                    new Scenario("self-referral form POST, direct to web", (http, n) -> submitForm(http, web),
                            submitRate),
                    new Scenario("self-referral form POST through the gateway", (http, n) -> submitForm(http, gateway),
                            submitRate));
            for (var scenario : scenarios) {
                System.out.printf("%s: warming up for %ds, then %ds at %d req/s%n", scenario.name(),
                        warmup.toSeconds(), measured.toSeconds(), scenario.rate());
                // A client of its own for each scenario, closed after it: a client keeps idle connections open
                // for a long time, and those would hold slots of a service that the next scenario needs.
                try (var http = client()) {
                    var load = new OpenLoopLoad(http);
                    var warm = load.run("warm-up", scenario.exchange(), OK, scenario.rate(), warmup);
                    if (warm.errors() > 0) {
                        System.out.println("warm-up " + warm.tableRow());
                    }
                    var shares = CpuShares.start(processes);
                    var result = load.run(scenario.name(), scenario.exchange(), OK, scenario.rate(), measured);
                    cpu.add(scenario.name() + ": " + shares.describe());
                    System.out.println(result.tableRow());
                    System.out.println(cpu.getLast());
                    results.add(result);
                }
            }
        } finally {
            infrastructure.close();
        }
        report(rate, submitRate, measured, warmup, results, cpu);
        System.exit(results.stream().anyMatch(result -> result.errors() > 0) ? 1 : 0);
    }

    private static HttpClient client() {
        // HTTP/1.1 as a browser's first request to a server is; the JDK client would otherwise try an upgrade.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A GET whose answer must be 200 and hold {@code expected}. */
    private static OpenLoopLoad.Exchange read(String url, String accept, String expected) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(OpenLoopLoad.REQUEST_TIMEOUT)
                .header("Accept", accept).GET().build();
        return (http, n) -> judge(http.send(request, HttpResponse.BodyHandlers.ofString()), 200, expected);
    }

    /** The slot picker of each prepared referral in turn, as each person would open their own. */
    private static OpenLoopLoad.Exchange slotPicker(String base, List<String[]> referrals) {
        var requests = referrals.stream().map(referral -> HttpRequest.newBuilder(
                        URI.create(base + "/refer/" + referral[0] + "/slots?key=" + referral[1]))
                .timeout(OpenLoopLoad.REQUEST_TIMEOUT).header("Accept", "text/html").GET().build()).toList();
        return (http, n) -> {
            var response = http.send(requests.get(n % requests.size()), HttpResponse.BodyHandlers.ofString());
            var outcome = judge(response, 200, SLOTS_HEADING);
            return outcome.equals(OK) && !response.body().contains(SLOT_CHOICE) ? "200 with no slot offered"
                    : outcome;
        };
    }

    /** What the slot picker asks booking-service, as it asks: the referral, then its earliest slots. */
    private static OpenLoopLoad.Exchange slotCalls(String booking, List<String[]> referrals) {
        var calls = referrals.stream().map(referral -> List.of(
                keyed(booking + "/api/booking/self-referrals/" + referral[0], referral[1]),
                keyed(booking + "/api/booking/self-referrals/" + referral[0] + "/earliest-slots", referral[1])))
                .toList();
        return (http, n) -> {
            var pair = calls.get(n % calls.size());
            var outcome = judge(http.send(pair.get(0), HttpResponse.BodyHandlers.ofString()), 200, "\"deadline\"");
            if (!outcome.equals(OK)) {
                return "referral " + outcome;
            }
            outcome = judge(http.send(pair.get(1), HttpResponse.BodyHandlers.ofString()), 200, "\"startsAt\"");
            return outcome.equals(OK) ? OK : "earliest slots " + outcome;
        };
    }

    private static HttpRequest keyed(String url, String key) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(OpenLoopLoad.REQUEST_TIMEOUT)
                .header("X-Referral-Key", key).header("Accept", "application/json").GET().build();
    }

    /**
     * A new person's referral as the form sends it: no red flags, a date of birth, a phone with consent to texts.
     * No email address, on purpose: with one, booking-service would also open a sign-in for the person and create
     * their Keycloak user in the background, a cost of its own that would fall on whichever scenario came next.
     */
    private static String submitForm(HttpClient http, String base) throws IOException, InterruptedException {
        var response = postForm(http, base);
        return toSlots(response) != null ? OK : response.statusCode() + " " + response.headers()
                .firstValue("Location").map(to -> "to " + to.replaceAll("[0-9a-f-]{36}.*", "…"))
                .orElse("without a redirect to the slot picker");
    }

    private static HttpResponse<String> postForm(HttpClient http, String base)
            throws IOException, InterruptedException {
        var person = Person.next();
        var form = new LinkedHashMap<String, String>();
        form.put("submissionKey", UUID.randomUUID().toString());
        form.put("givenName", person.givenName());
        form.put("familyName", person.familyName());
        form.put("dobDay", Integer.toString(person.born().getDayOfMonth()));
        form.put("dobMonth", Integer.toString(person.born().getMonthValue()));
        form.put("dobYear", Integer.toString(person.born().getYear()));
        form.put("mobilePhone", person.phone());
        form.put("email", "");
        form.put("smsConsent", "yes");
        form.put("reason", "Low back pain for six weeks, worse when sitting");
        SCREENING.forEach(question -> form.put(question, "no"));
        // The honeypot a person never sees: filled in, the form is thanked and thrown away.
        form.put("website", "");
        var body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/refer"))
                .timeout(OpenLoopLoad.REQUEST_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The same person's referral as the web module posts it to booking-service. */
    private static String submitJson(HttpClient http, String booking) throws IOException, InterruptedException {
        var person = Person.next();
        var screening = SCREENING.stream().map(question -> "\"" + question + "\":false")
                .collect(Collectors.joining(","));
        var body = """
                {"submissionKey":"%s","givenName":"%s","familyName":"%s","dateOfBirth":"%s","email":null,\
                "mobilePhone":"%s","emailConsent":false,"smsConsent":true,\
                "reason":"Low back pain for six weeks, worse when sitting","screening":{%s}}"""
                .formatted(UUID.randomUUID(), person.givenName(), person.familyName(), person.born(), person.phone(),
                        screening);
        var response = http.send(HttpRequest.newBuilder(URI.create(booking + "/api/booking/self-referrals"))
                .timeout(OpenLoopLoad.REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        var outcome = judge(response, 201, "\"accessKey\"");
        return outcome.equals(OK) && !response.body().contains("\"urgent\":false") ? "201 marked urgent" : outcome;
    }

    /** The referral's id and key from a submission's redirect to its slot picker, or null if it was not that. */
    private static String[] toSlots(HttpResponse<String> response) {
        if (response.statusCode() != 302 && response.statusCode() != 303) {
            return null;
        }
        var matcher = TO_SLOTS.matcher(response.headers().firstValue("Location").orElse(""));
        return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }

    private static String judge(HttpResponse<String> response, int status, String expected) {
        if (response.statusCode() != status) {
            return Integer.toString(response.statusCode());
        }
        return response.body().contains(expected) ? OK : status + " without " + expected;
    }

    /** Referrals submitted through the gateway's form, each as the id and key its redirect carries. */
    private static List<String[]> referrals(HttpClient http, String gateway, int count)
            throws IOException, InterruptedException {
        var made = new ArrayList<String[]>();
        for (int i = 0; i < count; i++) {
            var response = postForm(http, gateway);
            var referral = toSlots(response);
            if (referral == null) {
                throw new IllegalStateException("A self-referral for the slot picker was answered "
                        + response.statusCode() + " " + response.headers().map());
            }
            made.add(referral);
        }
        return made;
    }

    /**
     * A distinct person: a family name spelt from the person's number, a date of birth from it, and a number in the
     * range Ofcom keeps for drama (07700 900000 to 900999), so that nothing here is anyone's.
     */
    private record Person(String givenName, String familyName, LocalDate born, String phone) {

        static Person next() {
            int n = PEOPLE.getAndIncrement();
            var letters = new StringBuilder();
            for (int rest = n; ; rest = rest / 26 - 1) {
                letters.insert(0, (char) ('a' + rest % 26));
                if (rest < 26) {
                    break;
                }
            }
            return new Person(List.of("Alex", "Sam", "Jo", "Chris", "Pat").get(n % 5), "Bench" + letters,
                    LocalDate.of(1940, 1, 1).plusDays(n % 25_000), "07700 900%03d".formatted(n % 1000));
        }
    }

    private static void report(int rate, int submitRate, Duration measured, Duration warmup, List<LoadResult> results,
                               List<String> cpu) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%n### %s%n%n", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
        System.out.printf("%d cores, %s %s, Java %s. Open loop, %ds per scenario after %ds of warm-up; reads at %d "
                        + "req/s, submissions at %d/s.%n%n", os.getAvailableProcessors(), os.getName(),
                os.getVersion(), System.getProperty("java.version"), measured.toSeconds(), warmup.toSeconds(), rate,
                submitRate);
        System.out.println(LoadResult.tableHeader());
        results.forEach(result -> System.out.println(result.tableRow()));
        System.out.println();
        cpu.forEach(line -> System.out.println("- " + line));
    }
}
