package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service down, as reception meets it: the page says which part is unavailable and the rest keeps working. It stops
 * services of the shared system (follow-up first, then booking) and starts them again afterwards, for the tests
 * that come later.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceDownScreensIT extends ScreenTest {

    @AfterAll
    static void startTheStoppedServicesAgain() {
        if (system != null) {
            system.startAgain("followup-service", "booking-service");
        }
    }

    @Test
    @Order(1)
    void withFollowUpDownTheToDoPageSaysSoAndBookingStillWorks() {
        system.process("followup-service").close();
        try (var rita = new Browser(system.gatewayUrl())) {
            rita.open("/todo");
            rita.signInIfAsked(DemoUsers.RECEPTIONIST, DemoUsers.PASSWORD);
            rita.arrive("errors-1-follow-up-down", "To do");
            assertThat(rita.text("main")).contains("Follow-up and messages are unavailable just now")
                    .contains("Enquiries to book").doesNotContain("Exception");
            assertThat(rita.all("#follow-up + .govuk-body, #follow-up ~ h3")).as("no follow-up lists").isEmpty();

            // The desk does not need follow-up: a new enquiry still goes through to the slots.
            var slots = DeskScreens.newEnquiry(rita).startByPhone().searchByNameAndBirth("Demo", 12, 5, 1948)
                    .choose("Pat Demo");
            assertThat(slots.rows()).isNotEmpty();
        }
    }

    @Test
    @Order(2)
    void withBookingDownAPageNamesThePartThatIsUnavailable() {
        try (var rita = new Browser(system.gatewayUrl())) {
            rita.open("/desk");
            rita.signInIfAsked(DemoUsers.RECEPTIONIST, DemoUsers.PASSWORD);
            rita.arrive("errors-2-desk-before", "New enquiry");
            system.process("booking-service").close();
            rita.open("/diary");
            rita.arrive("errors-2-booking-down", "Bookings and diaries are unavailable");
            assertThat(rita.text("main")).doesNotContain("Exception").contains("try again");
        }
    }
}
