package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clinic administration in a real browser: leave that would strand a booked patient is refused and the page names
 * the appointment; the 48-hour report; the audit trail; a pathway changed as a new version.
 */
class ClinicAdminIT extends ScreenTest {

    private static final UUID DR_NAIR = UUID.fromString("c0000000-0000-4000-a000-000000000003");
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    private static String reception;

    @BeforeAll
    static void signInDetails() throws Exception {
        reception = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
    }

    @Test
    void leaveThatWouldStrandAPatientIsRefusedAndThePageNamesTheAppointment() {
        var booked = Bookings.book(system.gatewayUrl(), reception, DemoUsers.PATIENT_ID, DR_NAIR, "FREE_CONSULTATION",
                Duration.ofDays(8));
        var day = booked.startsAt().atZoneSameInstant(CLINIC).toLocalDate();
        try (var ada = signedIn("/admin")) {
            ada.arrive("admin-1-index", "Administration");
            ada.follow("a[href='/admin/leave']");
            ada.arrive("admin-2-leave", "Leave, bank holidays and extra sessions");

            leave(ada, "Dr Priya Nair", day, "Annual leave");
            ada.arrive("admin-3-leave-refused", "Leave, bank holidays and extra sessions");
            assertThat(ada.text("#onDate-error")).contains("booked patient", "Move or cancel");
            var stranded = ada.all("#stranded tbody tr").stream().map(WebElement::getText).toList();
            assertThat(stranded).anySatisfy(row -> assertThat(row).contains("Pat Demo", "Dr Priya Nair",
                    booked.startsAt().atZoneSameInstant(CLINIC).toLocalTime().toString()));
            assertThat(ada.find("a[href='/diary/appointments/" + booked.id() + "']").getText()).isEqualTo("Pat Demo");
            assertThat(ada.find("#reason").getDomProperty("value")).as("what was typed stays").isEqualTo(
                    "Annual leave");
            assertThat(ada.all("#exceptions tbody tr").stream().map(WebElement::getText))
                    .as("nothing was stored").noneMatch(row -> row.contains("Annual leave"));

            // The day after has nobody booked with Dr Nair (she works Tuesdays and Thursdays): that leave goes in.
            var free = day.plusDays(1);
            leave(ada, "Dr Priya Nair", free, "Study day");
            ada.arrive("admin-4-leave-added", "Leave, bank holidays and extra sessions");
            assertThat(ada.text("#done")).contains("Saved");
            var row = ada.all("#exceptions tbody tr").stream().filter(r -> r.getText().contains("Study day"))
                    .findFirst().orElseThrow();
            assertThat(row.getText()).contains("Dr Priya Nair", "No sessions");

            ada.submitWith(row.findElement(org.openqa.selenium.By.tagName("button")));
            ada.arrive("admin-5-leave-removed", "Leave, bank holidays and extra sessions");
            assertThat(ada.text("main")).doesNotContain("Study day");
        }
    }

    @Test
    void theReportShowsEachWeekAndTheAuditTrailIsSearchedByPatient() {
        try (var ada = signedIn("/admin/report")) {
            ada.arrive("admin-6-report", "48-hour access report");
            assertThat(ada.all("#report tbody tr")).hasSize(12);
            assertThat(ada.all("svg.clinicflow-chart")).hasSize(1);

            ada.open("/admin/audit");
            ada.arrive("admin-7-audit", "Audit trail");
            ada.fill("nhsNumber", "123");
            ada.press("Search the trail");
            ada.arrive("admin-7-audit-refused", "Audit trail");
            assertThat(ada.text("#nhsNumber-error")).contains("10 digits");

            ada.fill("nhsNumber", "943 476 5919");
            ada.press("Search the trail");
            ada.arrive("admin-8-audit-by-patient", "Audit trail");
            var rows = ada.all("#trail tbody tr").stream().map(WebElement::getText).toList();
            assertThat(rows).isNotEmpty().anySatisfy(r -> assertThat(r).contains("Booking"));

            // Each user id leads to everything that user did.
            ada.follow("#trail tbody tr a");
            ada.arrive("admin-9-audit-by-user", "Audit trail");
            assertThat(ada.find("#userId").getDomProperty("value")).isNotBlank();
            assertThat(ada.all("#trail tbody tr")).isNotEmpty();
        }
    }

    @Test
    void aPathwayStepIsChangedAsANewVersion() {
        try (var ada = signedIn("/admin/pathways")) {
            ada.arrive("admin-10-pathways", "Follow-up pathways");
            ada.follow("a[href='/admin/pathways/VERTEBROPLASTY']");
            ada.arrive("admin-11-pathway", "Change the Vertebroplasty pathway");
            var version = ada.text(".govuk-caption-l");

            ada.fill("steps[0].offsetDays", "soon");
            ada.press("Save as a new version");
            ada.arrive("admin-11-pathway-refused", "Change the Vertebroplasty pathway");
            assertThat(ada.text("[id='steps[0].offsetDays-error']")).contains("whole number");

            ada.fill("steps[0].offsetDays", "0");
            var title = ada.find("[id='steps[0].title']");
            var changed = title.getDomProperty("value") + " (reviewed)";
            title.clear();
            title.sendKeys(changed);
            ada.press("Save as a new version");
            ada.arrive("admin-12-pathway-saved", "Follow-up pathways");
            assertThat(ada.text("main")).contains(changed).contains("new version");
            assertThat(ada.text("main")).doesNotContain("Vertebroplasty, " + version.toLowerCase());
        }
    }

    @Test
    void cliniciansSitesAndRoomsAreKeptHere() {
        Bookings.book(system.gatewayUrl(), reception, DemoUsers.OTHER_PATIENT_ID, DR_NAIR, "FREE_CONSULTATION",
                Duration.ofDays(9));
        var name = "Ms Screen Test " + UUID.randomUUID().toString().substring(0, 6);
        try (var ada = signedIn("/admin/clinicians")) {
            ada.arrive("admin-13-clinicians", "Clinicians");
            ada.press("Add the clinician");
            ada.arrive("admin-13-clinicians-refused", "Clinicians");
            assertThat(ada.text("#displayName-error")).contains("Enter the clinician's name");
            assertThat(ada.text("#profession-error")).contains("surgeon or specialist");

            ada.fill("displayName", name);
            ada.click("#profession-specialist");
            ada.fill("specialty", "Pain management");
            ada.press("Add the clinician");
            ada.arrive("admin-14-clinician-added", "Clinicians");
            assertThat(rowOf(ada, name)).contains("Specialist", "Pain management", "Yes");

            // Dr Nair has a patient booked: she cannot stop taking appointments until they are moved.
            ada.submitWith(ada.find("[id='clinician-" + DR_NAIR + "'] button"));
            ada.arrive("admin-15-clinician-refused", "Clinicians");
            assertThat(ada.text("[id='clinician-" + DR_NAIR + "-error']")).contains("still has patients booked");
            assertThat(rowOf(ada, "Dr Priya Nair")).contains("Yes");

            ada.submitWith(ada.all("#clinicians tbody tr").stream().filter(r -> r.getText().contains(name))
                    .findFirst().orElseThrow().findElement(org.openqa.selenium.By.tagName("button")));
            ada.arrive("admin-14-clinician-stopped", "Clinicians");
            assertThat(rowOf(ada, name)).contains("No", "Restart appointments");

            ada.open("/admin/sites");
            ada.arrive("admin-16-sites", "Sites and rooms");
            var siteName = "Screen Test Site " + UUID.randomUUID().toString().substring(0, 6);
            ada.fill("name", siteName);
            ada.fill("address", "[Test] 3 Example Road, London");
            ada.fill("rooms", "Room A\nRoom B");
            ada.press("Add the site");
            ada.arrive("admin-17-site-added", "Sites and rooms");
            assertThat(ada.text("main")).contains(siteName, "Room A", "Room B");
        }
    }

    private static String rowOf(Browser browser, String name) {
        return browser.all("#clinicians tbody tr").stream().map(WebElement::getText).filter(r -> r.contains(name))
                .findFirst().orElseThrow(() -> new AssertionError("No row for " + name));
    }

    /**
     * An event follow-up gave up on (parked here as its error handler would, after its retries) is listed with why,
     * and sent again from the page; the page then says when. A check-in event changes nothing in follow-up, so the
     * replay disturbs no other test.
     */
    @Test
    void aDeadLetterIsListedWithWhyAndSentAgain() throws Exception {
        var parked = UUID.randomUUID();
        var appointmentId = UUID.randomUUID();
        var event = """
                {"specversion":"1.0","id":"%s","source":"/clinicflow/booking-service",
                 "type":"clinic.booking.appointment-checked-in.v1","subject":"%s","time":"2026-12-03T10:00:00Z",
                 "datacontenttype":"application/json","data":{"appointmentId":"%s","patientId":"%s",
                 "clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"2031-01-07T10:00:00Z",
                 "occurredAt":"2026-12-03T10:00:00Z"}}""".formatted(UUID.randomUUID(), appointmentId, appointmentId,
                DemoUsers.PATIENT_ID, DR_NAIR);
        try (var db = java.sql.DriverManager.getConnection(infrastructure.jdbcUrl("followup"),
                "followup", "followup");
             var insert = db.prepareStatement("""
                     insert into dead_letter (id, consumer_group, topic, record_partition, record_offset, record_key,
                                              payload, event_type, reason, failed_at)
                     values (?, 'followup-service', 'clinic.booking.appointment', 0, ?, ?, ?,
                             'clinic.booking.appointment-checked-in.v1', 'CannotCreateTransactionException', now())""")) {
            insert.setObject(1, parked);
            insert.setLong(2, -System.nanoTime());
            insert.setString(3, appointmentId.toString());
            insert.setString(4, event);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        try (var ada = signedIn("/todo")) {
            // The admin's to-do list says there is something to look at, and leads to it.
            ada.arrive("admin-9-todo-dead-letters", "To do");
            assertThat(ada.text("#dead-letters + p")).contains("could not process");
            ada.follow("#dead-letters + p a[href='/admin/dead-letters']");
            ada.arrive("admin-10-dead-letters", "Dead letters");
            var row = ada.all("#dead-letters-followup tbody tr").stream()
                    .filter(r -> r.getText().contains("CannotCreateTransactionException")).findFirst().orElseThrow();
            assertThat(row.getText()).contains("clinic.booking.appointment-checked-in.v1", "followup-service");
            assertThat(ada.text("main")).as("the payload is never shown").doesNotContain(appointmentId.toString());
            ada.submitWith(row.findElement(org.openqa.selenium.By.tagName("button")));
            ada.arrive("admin-11-dead-letter-sent-again", "Dead letters");
            assertThat(ada.text(".govuk-notification-banner")).contains("sent again");
            assertThat(ada.atPhoneWidth("admin-11-dead-letter-sent-again-phone")).isTrue();
        }
    }

    private static void leave(Browser browser, String clinician, java.time.LocalDate day, String reason) {
        new Select(browser.find("#clinicianId")).selectByVisibleText(clinician);
        browser.fill("leaveDay", Integer.toString(day.getDayOfMonth()));
        browser.fill("leaveMonth", Integer.toString(day.getMonthValue()));
        browser.fill("leaveYear", Integer.toString(day.getYear()));
        browser.fill("reason", reason);
        browser.press("Add the leave");
    }

    private static Browser signedIn(String path) {
        return Browser.signedIn(system.gatewayUrl(), DemoUsers.CLINIC_ADMIN, path);
    }
}
