package org.clinicflow.followup.reminder;

import org.clinicflow.followup.booking.AppointmentTopic.Setting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentWordingTest {

    private static final Setting HARLEY_STREET = new Setting("Ms Susan Hart", "Harley Street",
            "2 Example Street, London W1");
    /** 09:30 UTC in June is 10:30 in London (BST): patients are told the clinic's time. */
    private static final Instant SUMMER_MORNING = Instant.parse("2027-06-15T09:30:00Z");

    @Test
    void everyMessageNamesTheSiteItsAddressTheClinicianAndTheClinicsTime() {
        var a = appointment(HARLEY_STREET);

        for (var words : new org.clinicflow.followup.notification.NewNotification.Wording[]{
                AppointmentWording.booked(a), AppointmentWording.moved(a), AppointmentWording.cancelled(a),
                AppointmentWording.reminder(a)}) {
            assertThat(words.body()).contains("at Harley Street")
                    .contains("When: Tuesday 15 June 2027 at 10:30 (UK time)")
                    .contains("Where: Harley Street, 2 Example Street, London W1")
                    .contains("With: Ms Susan Hart")
                    .doesNotContain("at the clinic");
        }
        assertThat(AppointmentWording.booked(a).body()).startsWith("Your consultation at Harley Street is booked.");
        assertThat(AppointmentWording.calendarSummary(a)).isEqualTo("Consultation with Ms Susan Hart");
        assertThat(AppointmentWording.calendarLocation(a.setting()))
                .isEqualTo("Harley Street, 2 Example Street, London W1");
    }

    @Test
    void anEventThatDoesNotNameTheSiteReadsAsTheClinicAndLeavesOutWhatItDidNotSay() {
        var a = appointment(new Setting(null, null, null));

        assertThat(AppointmentWording.booked(a).body())
                .startsWith("Your consultation at the clinic is booked.")
                .contains("When: Tuesday 15 June 2027 at 10:30 (UK time)")
                .doesNotContain("Where:", "With:", "null");
        assertThat(AppointmentWording.calendarSummary(a)).isEqualTo("Consultation");
        assertThat(AppointmentWording.calendarLocation(a.setting())).isNull();
    }

    @Test
    void winterTimesAreGreenwichTime() {
        var a = new AppointmentMessages.Appointment(UUID.randomUUID(), UUID.randomUUID(), "FREE_CONSULTATION",
                Instant.parse("2026-12-15T10:30:00Z"), null, HARLEY_STREET);

        assertThat(AppointmentWording.reminder(a).body())
                .startsWith("A reminder of your free 15-minute consultation at Harley Street.")
                .contains("When: Tuesday 15 December 2026 at 10:30 (UK time)");
    }

    private static AppointmentMessages.Appointment appointment(Setting setting) {
        return new AppointmentMessages.Appointment(UUID.randomUUID(), UUID.randomUUID(), "FULL_CONSULTATION",
                SUMMER_MORNING, SUMMER_MORNING.plusSeconds(1800), setting);
    }
}
