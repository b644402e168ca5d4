package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of the public refers themselves on the web: screened for red flags, sent to urgent help and flagged at
 * reception when any is found, and otherwise booking one of the earliest consultations themselves.
 */
class SelfReferralScreensIT extends ScreenTest {

    private static final String[] QUESTIONS = {"bladderOrBowel", "saddleNumbness", "legWeakness", "cancerHistory",
            "feverOrUnwell", "majorInjury"};

    private static String issuer;

    @BeforeAll
    static void signInDetails() throws Exception {
        issuer = infrastructure.keycloakIssuerUri();
    }

    @Test
    void aRedFlagGetsUrgentAdviceIsNotBookedAndHeadsReceptionsListUntilCalledBack() {
        var family = familyName();
        try (var person = new Browser(system.gatewayUrl())) {
            person.open("/");
            person.follow("main a[href='/refer']");
            person.arrive("refer-1-form", "Request a free 15-minute consultation");
            assertThat(person.all("#kc-form-login")).as("no sign-in asked").isEmpty();
            fillIn(person, "Ines", family, "Back pain and my legs feel weak", "legWeakness");
            assertThat(person.atPhoneWidth("refer-1-form-phone")).as("the form fits a phone").isTrue();
            person.press("Send my request");
            person.arrive("refer-2-urgent", "Get urgent help now");
            assertThat(person.text("main")).contains("999", "A&E", "will call you today")
                    .doesNotContain("Choose a time");
            assertThat(person.atPhoneWidth("refer-2-urgent-phone")).isTrue();

            // Whatever the person then tries, there is no slot for them to take.
            var referral = person.path().split("/")[2];
            person.open("/refer/" + referral + "/slots?key=" + "x".repeat(32));
            person.arrive("refer-2-urgent-no-key", "Page not found");
        }
        try (var rita = Browser.signedIn(system.gatewayUrl(), DemoUsers.RECEPTIONIST, "/todo")) {
            rita.arrive("refer-3-reception-alert", "To do");
            assertThat(rita.text("#red-flags")).contains("red flags", "Ines " + family,
                    "New weakness or numbness in the legs");
            var row = rita.find("tr.clinicflow-row--red-flags");
            assertThat(row.getText()).contains("Ines " + family, "Red flags: call back now");
            assertThat(rita.all("tbody tr").getFirst().getText()).as("at the top of the list")
                    .contains("Red flags");
            rita.follow("#red-flags a[href*='/call-back']");
            rita.arrive("refer-4-call-back", "Call back Ines " + family);
            assertThat(rita.text("main")).as("the number as booking-service keeps it, in E.164")
                    .contains("+447700900", "Back pain and my legs feel weak");

            rita.press("Record the call back");
            rita.arrive("refer-4-call-back-error", "Call back Ines " + family);
            assertThat(rita.text("#note-error")).contains("Enter what was said");
            assertThat(rita.text("#appointmentNeeded")).contains("Say whether");

            rita.fill("note", "Spoke to Ines: advised A&E now, no clinic appointment");
            rita.choose("appointmentNeeded-no");
            rita.press("Record the call back");
            rita.arrive("refer-5-called-back", "To do");
            assertThat(rita.text("main")).contains("The call back is recorded").doesNotContain("Ines " + family);
        }
    }

    @Test
    void withoutARedFlagThePersonBooksAnEarlyConsultationThemselves() {
        var family = familyName();
        try (var person = new Browser(system.gatewayUrl())) {
            person.open("/refer");
            person.press("Send my request");
            person.arrive("refer-6-form-errors", "Request a free 15-minute consultation");
            assertThat(person.text(".govuk-error-summary")).contains("Enter your first name",
                    "Enter a phone number", "Tell us in a few words", "Answer yes or no");
            assertThat(person.all(".govuk-error-summary a")).hasSizeGreaterThanOrEqualTo(6 + 4);

            fillIn(person, "Iris", family, "Pain in my lower back since Sunday", null);
            person.fill("reason", "x".repeat(10) + "Pain in my lower back since Sunday");
            person.press("Send my request");
            person.arrive("refer-7-slots", "Choose a time for your free consultation");
            assertThat(person.atPhoneWidth("refer-7-slots-phone")).isTrue();
            // The latest time offered that is not Mr Reid's: other tests bring his theatre list (and others' clinics)
            // to the present moment, and a consultation booked here in that hour would stand in their way.
            var hints = person.all("[id^='slot-'][id$='-hint']");
            int pick = hints.size() - 1;
            while (pick > 0 && hints.get(pick).getText().contains("Mr Samuel Reid")) {
                pick--;
            }
            var slotId = "slot-" + pick;
            var first = person.find("label[for='" + slotId + "']").getText();
            var where = person.text("#" + slotId + "-hint");
            assertThat(person.text("main")).as("no patient's name is shown").doesNotContain("Pat Demo", "Paula Demo",
                    "Margaret Demo");

            person.press("Book this time");
            person.arrive("refer-7-slots-none-chosen", "Choose a time for your free consultation");
            assertThat(person.text("#slot-error")).contains("Choose a time");

            person.choose(slotId);
            person.press("Book this time");
            person.arrive("refer-8-booked", "Your consultation is booked");
            assertThat(person.text(".govuk-panel")).contains(first);
            assertThat(person.text("main")).contains(where.lines().findFirst().orElseThrow().split(", ")[0]);
            assertThat(person.atPhoneWidth("refer-8-booked-phone")).isTrue();

            // The page reached again, or the form sent again with the back button, books nothing more.
            var booked = person.path();
            person.open(booked.replace("/booked", "/slots"));
            person.arrive("refer-8-booked-again", "Your consultation is booked");
        }
        var rita = DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST);
        var found = ApiCall.get(system.gatewayUrl() + "/api/booking/patients?familyName=" + family
                + "&dateOfBirth=1950-04-01", rita);
        assertThat(found.body()).contains("\"totalItems\":1");
        // The confirmation arrives by email, over real SMTP, as they consented; so does the invitation to sign in,
        // which Keycloak sends and which is not the booking's.
        var mailbox = infrastructure.mailbox();
        var address = "iris." + family.toLowerCase() + "@example.test";
        assertThat(Eventually.holds(() -> mailbox.to(address).stream()
                .anyMatch(mail -> mail.subject().equals("Your appointment is booked")))).isTrue();
        var confirmation = mailbox.to(address).stream()
                .filter(mail -> mail.subject().equals("Your appointment is booked")).findFirst().orElseThrow();
        assertThat(confirmation.body()).contains("Dear Iris", "free 15-minute consultation");
    }

    @Test
    void aFormFilledByAScriptStoresNothingAndTheSameFormSentTwiceGivesOneReferral() throws Exception {
        var family = familyName();
        try (var script = new Browser(system.gatewayUrl())) {
            script.open("/refer");
            fillIn(script, "Bot", family, "Cheap pills", null);
            ((org.openqa.selenium.JavascriptExecutor) script.driver())
                    .executeScript("document.getElementById('website').value = 'http://spam.example'");
            script.press("Send my request");
            script.arrive("refer-9-honeypot", "Request received");
        }
        var rita = DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST);
        assertThat(ApiCall.get(system.gatewayUrl() + "/api/booking/patients?familyName=" + family
                + "&dateOfBirth=1950-04-01", rita).body()).contains("\"totalItems\":0");

        var form = clearForm(UUID.randomUUID(), "Ivo", familyName());
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var first = postForm(client, form);
        var again = postForm(client, form);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).contains("/slots?key=");
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    }

    @Test
    void oneAddressMaySubmitOnlyAFewReferralsAnHour() throws Exception {
        // From an address of its own on loopback, so that the other tests' submissions do not count.
        var client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.77"))
                .connectTimeout(Duration.ofSeconds(5)).build();
        int accepted = 0;
        HttpResponse<String> answer;
        do {
            // An empty form: refused (400) by booking-service, so nothing is stored while the bucket empties.
            answer = client.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/booking/self-referrals"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 400) {
                accepted++;
            }
        } while (answer.statusCode() == 400 && accepted < 50);
        assertThat(accepted).as("the hourly allowance per address").isEqualTo(10);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        var page = client.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/refer"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(encode(clearForm(UUID.randomUUID(), "Ugo", familyName()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the form too, from the same address").isEqualTo(429);
        assertThat(page.body()).contains("Too many requests").doesNotContain("Exception");
    }

    /** Fills in the whole form; {@code yesTo} names the one screening question answered yes, or null for none. */
    private static void fillIn(Browser person, String given, String family, String reason, String yesTo) {
        person.fill("givenName", given);
        person.fill("familyName", family);
        person.fill("dobDay", "1");
        person.fill("dobMonth", "4");
        person.fill("dobYear", "1950");
        person.fill("mobilePhone", "07700 900" + ThreadLocalRandom.current().nextInt(100, 999));
        person.fill("email", given.toLowerCase() + "." + family.toLowerCase() + "@example.test");
        person.choose("emailConsent");
        person.fill("reason", reason);
        for (var question : QUESTIONS) {
            person.choose(question + (question.equals(yesTo) ? "-yes" : "-no"));
        }
    }

    private static Map<String, String> clearForm(UUID submissionKey, String given, String family) {
        var form = new LinkedHashMap<String, String>();
        form.put("submissionKey", submissionKey.toString());
        form.put("givenName", given);
        form.put("familyName", family);
        form.put("dobDay", "1");
        form.put("dobMonth", "4");
        form.put("dobYear", "1950");
        form.put("mobilePhone", "07700 900456");
        form.put("reason", "Back pain");
        for (var question : QUESTIONS) {
            form.put(question, "no");
        }
        return form;
    }

    private static HttpResponse<String> postForm(HttpClient client, Map<String, String> form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/refer"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A family name no other test uses, so that each test finds only its own person. */
    private static String familyName() {
        var letters = new StringBuilder("Referral");
        ThreadLocalRandom.current().ints(6, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }
}
