package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting list from the screens: reception puts a patient on it, a cancellation frees an earlier time, two waiting
 * patients get the offer by email and both take it; one is moved, the other is told it has gone, and reception sees
 * what was offered to whom. And a patient puts themselves on it from their own appointment.
 */
class WaitingListScreensIT extends ScreenTest {

    /** Dr Priya Nair's diary, a fortnight ahead: out of the way of the other screen tests' bookings. */
    private static final UUID NAIR = UUID.fromString("c0000000-0000-4000-a000-000000000003");
    private static final String OFFER_SUBJECT = "An earlier appointment is free";
    private static final Pattern OFFER_LINK =
            Pattern.compile("https?://\\S+/offers/[0-9a-f-]{36}\\?key=[A-Za-z0-9_-]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String issuer;
    private static Mailbox mailbox;

    @BeforeAll
    static void signInDetails() throws Exception {
        issuer = infrastructure.keycloakIssuerUri();
        mailbox = infrastructure.mailbox();
    }

    @Test
    void twoWaitingPatientsTakeTheSameEarlierTimeAndOnlyTheFirstGetsIt() {
        var gateway = system.gatewayUrl();
        var reception = DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST);
        var ann = register(reception, "Ann");
        var bea = register(reception, "Bea");
        var freeing = Bookings.book(gateway, reception, DemoUsers.OTHER_PATIENT_ID, NAIR, "FREE_CONSULTATION",
                Duration.ofDays(14));
        var annBooked = Bookings.book(gateway, reception, ann.id(), NAIR, "FREE_CONSULTATION", after(freeing));
        var beaBooked = Bookings.book(gateway, reception, bea.id(), NAIR, "FREE_CONSULTATION", after(annBooked));

        try (var rita = Browser.signedIn(gateway, DemoUsers.RECEPTIONIST, "/diary/appointments/" + annBooked.id())) {
            rita.arrive("waiting-list-1-appointment", "Ann Waiting");
            rita.press("Put on the waiting list");
            rita.arrive("waiting-list-2-on-the-list", "Ann Waiting");
            assertThat(rita.text("#done")).contains("on the waiting list");
            assertThat(rita.text("#waiting")).contains("On the waiting list");
            var joined = ApiCall.send("POST", gateway + "/api/booking/appointments/" + beaBooked.id() + "/waitlist",
                    reception, null, Map.of());
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);

            var cancelled = ApiCall.send("POST", gateway + "/api/booking/appointments/" + freeing.id() + "/cancel",
                    reception, "{\"reason\":\"Patient is away\"}", Map.of("If-Match", "\"" + freeing.version() + "\""));
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

            try (var annBrowser = new Browser(gateway); var beaBrowser = new Browser(gateway)) {
                annBrowser.open(offerLink(ann.email()));
                annBrowser.arrive("offer-1-earlier-time", "An earlier appointment is free");
                assertThat(annBrowser.atPhoneWidth("offer-1-earlier-time-phone")).isTrue();
                assertThat(annBrowser.text("main")).contains("Dr Priya Nair", "Harley Street");
                beaBrowser.open(offerLink(bea.email()));
                beaBrowser.arrive("offer-1-earlier-time-second-patient", "An earlier appointment is free");
                var offered = beaBrowser.text("#offered-time");

                // Both have the page open and both take it: Ann a moment before Bea.
                annBrowser.press("Take the earlier time");
                beaBrowser.press("Take the earlier time");
                annBrowser.arrive("offer-2-taken", "Your appointment has moved");
                beaBrowser.arrive("offer-3-gone", "Sorry, this earlier appointment has gone");
                assertThat(beaBrowser.text("main")).contains("Another patient took it first",
                        "still on the waiting list");
                assertThat(beaBrowser.atPhoneWidth("offer-3-gone-phone")).isTrue();
                assertThat(annBrowser.text(".govuk-panel")).contains(offered.substring(0, offered.indexOf(" to ")));
            }
            assertThat(startOf(reception, annBooked.id())).isEqualTo(freeing.startsAt().toInstant());
            assertThat(startOf(reception, beaBooked.id())).isEqualTo(beaBooked.startsAt().toInstant());
            // Ann is confirmed at her new time, by email, as any moved appointment is.
            assertThat(Eventually.holds(() -> mailbox.to(ann.email()).stream()
                    .anyMatch(mail -> mail.subject().equals("Your appointment has moved")))).isTrue();

            rita.open("/waiting-list");
            rita.arrive("waiting-list-3-reception", "Waiting list");
            assertThat(rita.atPhoneWidth("waiting-list-3-reception-phone")).isTrue();
            var list = rita.text("#waiting-list");
            assertThat(list).contains("Bea Waiting", "taken by someone else first").doesNotContain("Ann Waiting");
        } finally {
            ApiCall.send("DELETE", gateway + "/api/booking/appointments/" + beaBooked.id() + "/waitlist", reception,
                    null, Map.of());
        }
    }

    @Test
    void aPatientAsksForAnEarlierTimeFromTheirOwnAppointment() {
        var booked = Bookings.book(system.gatewayUrl(), DemoUsers.accessToken(issuer, DemoUsers.RECEPTIONIST),
                DemoUsers.OTHER_PATIENT_ID, DemoUsers.OTHER_SURGEON_CLINICIAN_ID, "FREE_CONSULTATION",
                Duration.ofDays(10));
        try (var paula = Browser.signedIn(system.gatewayUrl(), DemoUsers.OTHER_PATIENT,
                "/my/appointments/" + booked.id())) {
            paula.arrive("portal-11-earlier-time", "Free 15-minute consultation");
            assertThat(paula.text("main")).contains("If an earlier time with Ms Susan Hart comes free");
            paula.press("Tell me about earlier times");
            paula.arrive("portal-12-waiting", "Free 15-minute consultation");
            assertThat(paula.text(".govuk-notification-banner")).contains("You are on the waiting list");
            assertThat(paula.text("#waiting")).contains("Ms Susan Hart");
            paula.press("Leave the waiting list");
            paula.arrive("portal-13-left", "Free 15-minute consultation");
            assertThat(paula.text(".govuk-notification-banner")).contains("no longer on the waiting list");
        }
    }

    record Patient(UUID id, String email) {
    }

    /** A patient who allows email only, so that the offer comes to the mailbox this test reads. */
    private static Patient register(String token, String givenName) {
        var email = givenName.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var response = ApiCall.post(system.gatewayUrl() + "/api/booking/patients", token, """
                {"givenName":"%s","familyName":"Waiting","dateOfBirth":"1951-06-07","email":"%s",
                 "emailConsent":true,"smsConsent":false}""".formatted(givenName, email));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Patient(UUID.fromString(JSON.readTree(response.body()).get("id").asString()), email);
    }

    /** The link in the offer emailed to this address (the patient's account invitation comes too, and is passed). */
    private static String offerLink(String email) {
        assertThat(Eventually.holds(() -> mailbox.to(email).stream().anyMatch(m -> m.subject().equals(OFFER_SUBJECT))))
                .as("an offer emailed to %s", email).isTrue();
        var offer = mailbox.to(email).stream().filter(m -> m.subject().equals(OFFER_SUBJECT)).findFirst().orElseThrow();
        var link = OFFER_LINK.matcher(offer.body());
        assertThat(link.find()).as(offer.body()).isTrue();
        return link.group();
    }

    /** How far ahead of now the next booking must start to come after this one. */
    private static Duration after(Bookings.Booked booked) {
        return Duration.between(Instant.now(), booked.startsAt().toInstant()).plusMinutes(1);
    }

    private static Instant startOf(String token, String appointmentId) {
        var read = ApiCall.get(system.gatewayUrl() + "/api/booking/appointments/" + appointmentId, token);
        return OffsetDateTime.parse(JSON.readTree(read.body()).get("startsAt").asString()).toInstant();
    }
}
