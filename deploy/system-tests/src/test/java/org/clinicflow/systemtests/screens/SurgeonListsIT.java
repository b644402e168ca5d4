package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A surgeon's day in a real browser: their lists, recording a kyphoplasty from the theatre list, the pathway it
 * starts showing on the clinic's worklist; and a colleague's list staying closed whatever the address says.
 */
class SurgeonListsIT extends ScreenTest {

    private static String reception;

    @BeforeAll
    static void signInDetails() throws Exception {
        reception = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.RECEPTIONIST);
    }

    @Test
    void aSurgeonReadsTheirListRecordsAKyphoplastyAndThePathwayAppearsOnTheWorklist() {
        var gateway = system.gatewayUrl();
        var operation = Bookings.checkedInForKyphoplasty(gateway, reception, DemoUsers.OTHER_PATIENT_ID,
                DemoUsers.SURGEON_CLINICIAN_ID, "[\"T12\",\"L1\"]");

        try (var sam = signedIn(DemoUsers.SURGEON, "/lists")) {
            sam.arrive("lists-1-my-lists", "My lists");
            var row = theatreRow(sam, operation.id());
            assertThat(row.getText()).contains("Paula Demo", "Balloon kyphoplasty, T12, L1", "Checked in");

            sam.follow("a[href*='print=a4']");
            sam.arrive("lists-2-print-view", "Lists of Mr Samuel Reid");
            assertThat(sam.text("main")).contains("Theatre list", "Paula Demo", "Confidential");
            sam.open("/lists");
            sam.arrive("lists-1-my-lists", "My lists");

            sam.follow("a[href$='/lists/procedures/" + operation.id() + "']");
            sam.arrive("lists-3-record-procedure", "Record the procedure");
            assertThat(sam.find("#treatment-kyphoplasty").isSelected()).as("the plan fills the form").isTrue();
            assertThat(sam.find("#vertebralLevels").getDomProperty("value")).isEqualTo("T12, L1");

            sam.fill("vertebralLevels", "T12, X9");
            sam.press("Record the procedure");
            sam.arrive("lists-3-record-procedure-refused", "Record the procedure");
            assertThat(sam.text("#vertebralLevels-error")).contains("vertebral level");
            assertThat(sam.find("#vertebralLevels").getDomProperty("value")).isEqualTo("T12, X9");

            sam.fill("vertebralLevels", "T12, L1");
            sam.press("Record the procedure");
            sam.arrive("lists-4-recorded", "Procedure recorded");
            assertThat(Eventually.holds(() -> {
                sam.open(sam.path());
                sam.arrive("lists-4-recorded", "Procedure recorded");
                return !sam.all("#pathway-steps").isEmpty();
            })).as("followup-service started the pathway and the page shows it").isTrue();
            assertThat(sam.text("#pathway")).contains("Balloon kyphoplasty pathway started", "worklist");
        }

        try (var rita = signedIn(DemoUsers.RECEPTIONIST, "/todo")) {
            rita.arrive("todo-1-worklist", "To do");
            assertThat(rita.text("#started-pathways")).contains("Paula Demo: Balloon kyphoplasty");
        }
    }

    @Test
    void aSurgeonCannotOpenAColleaguesListEvenByEditingTheAddress() {
        try (var sam = signedIn(DemoUsers.SURGEON, "/lists?clinician=" + DemoUsers.OTHER_SURGEON_CLINICIAN_ID)) {
            sam.arrive("lists-5-colleagues-list-refused", "You cannot open this page");
            assertThat(sam.text("main")).doesNotContain("Theatre list");
            assertThat(sam.all("#clinician")).as("no clinician picker for a surgeon").isEmpty();

            sam.open("/lists?clinician=" + DemoUsers.OTHER_SURGEON_CLINICIAN_ID + "&print=a4");
            sam.arrive("lists-5-colleagues-list-refused", "You cannot open this page");
        }
    }

    /** Paula's row: the only theatre appointment of Mr Reid's today in this test's system. */
    private static WebElement theatreRow(Browser browser, String appointmentId) {
        return browser.all(".theatre-list tbody tr").stream()
                .filter(row -> row.getText().contains("Paula Demo"))
                .findFirst().orElseThrow(() -> new AssertionError("No theatre row for " + appointmentId + " in "
                        + browser.text("main")));
    }

    private static Browser signedIn(String user, String path) {
        return Browser.signedIn(system.gatewayUrl(), user, path);
    }
}
