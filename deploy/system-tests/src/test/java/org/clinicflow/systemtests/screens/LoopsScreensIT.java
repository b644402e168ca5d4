package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up's loops closed from the screens (issue 15): a 48-hour at-risk alert raised by booking-service's own access
 * clock and acknowledged at the desk; the GP bone-density task from its letter to the scan's result; a surgeon's "see
 * again" reaching reception's list with its reason; the access report downloaded as CSV.
 */
class LoopsScreensIT extends ScreenTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final String BONE_DENSITY_TITLE = "Write to the GP recommending a bone density scan";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String reception;

    @BeforeAll
    static void signInDetails() throws Exception {
        reception = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
    }

    @Test
    void anEnquiryNearItsDeadlineRaisesAnAlertThatReceptionAcknowledgesWithTheKeyboard() {
        // First contact 40 hours ago: 8 hours left, inside the clock's 12-hour warning. No time is moved: the clock
        // runs in booking-service (each minute; every 10 s in this build) and its event reaches follow-up through
        // Kafka.
        var recorded = ApiCall.post(system.gatewayUrl() + "/api/booking/enquiries", reception,
                "{\"channel\":\"PHONE\",\"firstContactAt\":\"" + Instant.now().minus(Duration.ofHours(40)) + "\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        var enquiry = JSON.readTree(recorded.body()).get("id").asString();
        assertThat(Eventually.holds(Duration.ofSeconds(150), () -> ApiCall.get(system.gatewayUrl()
                + "/api/followup/worklist", reception).body().contains(enquiry)))
                .as("booking's access clock raised the at-risk alert and follow-up listed it").isTrue();

        try (var rita = signedIn(DemoUsers.RECEPTIONIST, "/todo")) {
            var todo = new LoopScreens.ToDo(rita, "loops-01-alert-on-todo");
            assertThat(todo.alert(enquiry)).hasSize(1);
            assertThat(todo.alert(enquiry).getFirst().getText()).contains("At risk", "Not yet registered");
            assertThat(rita.atPhoneWidth("loops-01-alert-on-todo-phone")).as("the to-do page fits a phone").isTrue();

            todo = todo.acknowledgeWithTheKeyboard(enquiry, "loops-02-alert-acknowledged");
            assertThat(todo.banner()).contains("The alert is acknowledged");
            assertThat(todo.alert(enquiry)).as("an acknowledged alert leaves the list").isEmpty();
            // Still to book: acknowledging says someone has seen it, not that the patient has a time.
            assertThat(rita.driver.findElement(org.openqa.selenium.By.xpath("//a[contains(@href, '/desk/enquiries/"
                    + enquiry + "')]/ancestor::tr")).getText()).contains("At risk");
        }
        assertThat(ApiCall.get(system.gatewayUrl() + "/api/followup/worklist", reception).body())
                .doesNotContain(enquiry);
    }

    @Test
    void theBoneDensityTaskGoesFromItsLetterToTheScanResultOnScreen() {
        var patient = register("Bea", "Density");
        var task = boneDensityTaskDueYesterday(patient);

        try (var rita = signedIn(DemoUsers.RECEPTIONIST, "/todo")) {
            var todo = new LoopScreens.ToDo(rita, "loops-03-task-on-todo");
            assertThat(todo.task(task)).hasSize(1);
            assertThat(todo.task(task).getFirst().getText()).contains(BONE_DENSITY_TITLE + " for Bea Density",
                    "Letter not sent yet");

            todo = todo.letterSent(task, "loops-04-letter-sent");
            assertThat(todo.banner()).contains("The letter is marked sent");
            assertThat(todo.task(task).getFirst().getText()).as("it stays until the scan's result")
                    .contains("Letter sent, waiting for the scan result", "Record scan result");

            var page = todo.recordScanResult(task, BONE_DENSITY_TITLE, "loops-05-task-record-result");
            assertThat(page.status()).contains("Waiting for the scan result", "Letter sent");
            assertThat(page.offersClosure()).as("reception records results; closing is a clinician's").isFalse();
            assertThat(rita.atPhoneWidth("loops-05-task-record-result-phone")).isTrue();

            // A date still to come: follow-up refuses it (422), and the message stands by the date, typed text kept.
            var tomorrow = LocalDate.now(CLINIC).plusDays(1);
            page = page.scanDone(tomorrow.getDayOfMonth(), tomorrow.getMonthValue(), tomorrow.getYear(),
                    "T-score -1.8: osteopenia", "loops-06-task-result-refused");
            assertThat(page.error("scanDate")).contains("Scan date must not be in the future");
            assertThat(page.summary()).contains("Scan date must not be in the future");
            assertThat(rita.find("#result").getDomProperty("value")).isEqualTo("T-score -1.8: osteopenia");
            assertThat(rita.find("#outcome-done").isSelected()).isTrue();
            assertThat(rita.driver.getTitle()).startsWith("Error: ");

            var lastWeek = LocalDate.now(CLINIC).minusDays(7);
            page = page.scanDone(lastWeek.getDayOfMonth(), lastWeek.getMonthValue(), lastWeek.getYear(),
                    "T-score -1.8: osteopenia", "loops-07-task-result-recorded");
            assertThat(rita.text("#done")).contains("The scan result is recorded");
            assertThat(page.status()).contains("Done");
            assertThat(rita.text("#task")).contains("Done on " + lastWeek.format(
                    java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)), "T-score -1.8: osteopenia");

            todo = LoopScreens.toDo(rita, "loops-08-task-off-todo");
            assertThat(todo.task(task)).as("a done task leaves the list").isEmpty();
        }
        var read = ApiCall.get(system.gatewayUrl() + "/api/followup/tasks/" + task, reception);
        assertThat(JSON.readTree(read.body()).get("status").asString()).isEqualTo("DONE");
        assertThat(JSON.readTree(read.body()).get("scanOutcome").asString()).isEqualTo("DONE");
    }

    @Test
    void onlyAClinicianIsOfferedToCloseATask() {
        var task = boneDensityTaskDueYesterday(register("Cal", "Closure"));
        try (var ada = signedIn(DemoUsers.CLINIC_ADMIN, "/todo/tasks/" + task)) {
            var page = new LoopScreens.TaskPage(ada, BONE_DENSITY_TITLE, "loops-09-task-close-offered");
            assertThat(page.offersClosure()).isTrue();
            ada.fill("reason", "   ");
            ada.press("Close the task");
            page = new LoopScreens.TaskPage(ada, BONE_DENSITY_TITLE, "loops-10-task-close-refused");
            assertThat(page.error("reason")).contains("Enter why the task is no longer needed");

            ada.fill("reason", "Scan done at another hospital in May");
            ada.press("Close the task");
            page = new LoopScreens.TaskPage(ada, BONE_DENSITY_TITLE, "loops-11-task-closed");
            assertThat(page.status()).contains("Closed");
            assertThat(ada.text("#task")).contains("Scan done at another hospital in May");
        }
    }

    @Test
    void aSurgeonAsksToSeeAPatientAgainAndReceptionSeesTheRecallWithItsReason() {
        var patient = register("Rhea", "Recall");
        var booked = Bookings.book(system.gatewayUrl(), reception, patient, DemoUsers.OTHER_SURGEON_CLINICIAN_ID,
                "FULL_CONSULTATION", Duration.ofDays(3));
        var day = booked.startsAt().atZoneSameInstant(CLINIC).toLocalDate();
        var reason = "Check the pain after six weeks of physiotherapy";

        try (var sue = signedIn(DemoUsers.OTHER_SURGEON, "/lists?date=" + day)) {
            sue.arrive("loops-12-surgeon-clinic-list", "My lists");
            var seeAgain = sue.all("a[href*='/lists/recalls/new?patient=" + patient + "']");
            assertThat(seeAgain).as("See again beside Rhea on the clinic list").hasSize(1);
            sue.submitWith(seeAgain.getFirst());
            sue.arrive("loops-13-see-again", "See the patient again");

            sue.fill("weeks", "200");
            sue.fill("reason", reason);
            sue.press("Ask reception to book it");
            sue.arrive("loops-14-see-again-refused", "See the patient again");
            assertThat(sue.text("#weeks-error")).contains("See again in", "104");
            assertThat(sue.find("#reason").getDomProperty("value")).isEqualTo(reason);
            assertThat(sue.atPhoneWidth("loops-14-see-again-refused-phone")).isTrue();

            sue.fill("weeks", "6");
            sue.press("Ask reception to book it");
            sue.arrive("loops-15-recall-asked", "Recall asked for");
            assertThat(sue.text("#recall")).contains("Rhea Recall", reason);
        }

        try (var rita = signedIn(DemoUsers.RECEPTIONIST, "/todo")) {
            assertThat(Eventually.holds(() -> {
                var todo = LoopScreens.toDo(rita, "loops-16-recall-on-todo");
                return todo.toBook().stream().anyMatch(card -> card.contains("Recall for Rhea Recall"));
            })).as("booking heard of the recall and lists it to book").isTrue();
            var card = new LoopScreens.ToDo(rita, "loops-16-recall-on-todo").toBook().stream()
                    .filter(text -> text.contains("Recall for Rhea Recall")).findFirst().orElseThrow();
            assertThat(card).contains("Full consultation: " + reason, "Ms Susan Hart");
        }
    }

    @Test
    void theAccessReportDownloadsAsCsv() {
        // An enquiry this week, so that the download has this week's row whichever tests ran before.
        var recorded = ApiCall.post(system.gatewayUrl() + "/api/booking/enquiries", reception,
                "{\"channel\":\"PHONE\",\"firstContactAt\":\"" + Instant.now().minus(Duration.ofMinutes(5)) + "\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        var thisWeek = LocalDate.now(CLINIC).with(java.time.DayOfWeek.MONDAY);
        try (var ada = signedIn(DemoUsers.CLINIC_ADMIN, "/admin/report")) {
            ada.arrive("loops-17-report-with-csv", "48-hour access report");
            var link = ada.find("#report-csv");
            assertThat(link.getText()).contains("CSV");
            // What the link downloads, fetched by this browser with its own session, as clicking it would.
            @SuppressWarnings("unchecked")
            var download = (List<Object>) ada.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'})
                        .then(r => r.text().then(t => done([r.status, r.headers.get('content-type'),
                                                            r.headers.get('content-disposition'), t])),
                              e => done([0, String(e), null, null]));""", link.getDomAttribute("href"));
            assertThat(((Number) download.get(0)).intValue()).isEqualTo(200);
            assertThat((String) download.get(1)).startsWith("text/csv");
            assertThat((String) download.get(2)).startsWith("attachment").contains(".csv");
            var lines = ((String) download.get(3)).split("\r\n");
            assertThat(lines[0]).isEqualTo("week_starting,enquiries,seen,seen_within_48_hours,"
                    + "share_seen_within_48_hours,median_hours_to_appointment");
            assertThat(lines).as("this week's row, with at least this test's enquiry")
                    .anyMatch(line -> line.startsWith(thisWeek + ",") && !line.startsWith(thisWeek + ",0,"));
        }
    }

    /**
     * A kyphoplasty recorded for the patient with Ms Hart today, as the surgeon would record it, and the GP
     * bone-density task follow-up's pathway makes of it. That task falls due two days later; the services run on the
     * real clock, so its due date is set to yesterday in follow-up's own database, as {@link Bookings#bringToToday}
     * moves an appointment.
     */
    private static String boneDensityTaskDueYesterday(UUID patient) {
        var gateway = system.gatewayUrl();
        var operation = Bookings.checkedInForKyphoplasty(gateway, reception, patient,
                DemoUsers.OTHER_SURGEON_CLINICIAN_ID, "[\"L1\"]");
        var surgeon = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(),
                DemoUsers.OTHER_SURGEON);
        var recorded = ApiCall.post(gateway + "/api/booking/appointments/" + operation.id() + "/procedure", surgeon,
                "{\"treatment\":\"BALLOON_KYPHOPLASTY\",\"vertebralLevels\":[\"L1\"],\"performedOn\":\""
                        + LocalDate.now(CLINIC) + "\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        var task = new String[1];
        assertThat(Eventually.holds(() -> (task[0] = dueYesterday(patient)) != null))
                .as("follow-up started the pathway with its bone-density task").isTrue();
        return task[0];
    }

    /** The patient's bone-density task, made due yesterday; null while follow-up has not made it yet. */
    private static String dueYesterday(UUID patient) {
        try (var db = DriverManager.getConnection(infrastructure.jdbcUrl("followup"), "followup",
                "followup");
             var due = db.prepareStatement("""
                     update follow_up_task set due_on = (now() at time zone 'Europe/London')::date - 1
                     where patient_id = ? and step_code = 'GP_BONE_DENSITY_LETTER' returning id""")) {
            due.setObject(1, patient);
            try (var rows = due.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A patient of this test's own, so that no other test's appointments stand in the way of theirs. */
    private static UUID register(String givenName, String familyName) {
        var response = ApiCall.post(system.gatewayUrl() + "/api/booking/patients", reception, """
                {"givenName":"%s","familyName":"%s","dateOfBirth":"1950-03-04","emailConsent":false,
                 "smsConsent":false}""".formatted(givenName, familyName));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(response.body()).get("id").asString());
    }

    private static Browser signedIn(String user, String path) {
        return Browser.signedIn(system.gatewayUrl(), user, path);
    }
}
