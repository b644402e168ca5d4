package org.clinicflow.followup.reminder;

import org.clinicflow.followup.booking.AppointmentTopic.Setting;
import org.clinicflow.followup.notification.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplateTest {

    private static final Setting HARLEY_STREET = new Setting("Ms Susan Hart", "Harley Street",
            "2 Example Street, London W1");
    /** 09:30 UTC in June is 10:30 in London (BST): patients are told the clinic's time. */
    private static final Instant SUMMER_MORNING = Instant.parse("2027-06-15T09:30:00Z");
    /** As V7 seeds the confirmation. */
    private static final MessageTemplate CONFIRMATION = new MessageTemplate(Purpose.CONFIRMATION, 1,
            "Your appointment is booked", "Your {appointment} is booked.\n\nWhen: {when}\nWhere: {site}\n"
            + "With: {clinician}\n\nWe look forward to seeing you.", "system", SUMMER_MORNING,
            "The wording the clinic started with");

    @Test
    void aTemplateNamesTheSiteItsAddressTheClinicianAndTheClinicsTime() {
        var words = CONFIRMATION.wording(AppointmentPlaceholders.of(appointment(HARLEY_STREET)));

        assertThat(words.title()).isEqualTo("Your appointment is booked");
        assertThat(words.body()).isEqualTo("""
                Your consultation is booked.

                When: Tuesday 15 June 2027 at 10:30 (UK time)
                Where: Harley Street, 2 Example Street, London W1
                With: Ms Susan Hart

                We look forward to seeing you.""");
    }

    @Test
    void anEventThatDoesNotNameTheSiteReadsAsTheClinicAndNeverShowsAGap() {
        var a = appointment(new Setting(null, null, null));

        assertThat(CONFIRMATION.wording(AppointmentPlaceholders.of(a)).body())
                .contains("Where: the clinic\nWith: the clinic team")
                .doesNotContain("null", "{");
        assertThat(AppointmentPlaceholders.calendarSummary(a)).isEqualTo("Consultation");
        assertThat(AppointmentPlaceholders.calendarLocation(a.setting())).isNull();
    }

    @Test
    void winterTimesAreGreenwichTimeAndAnUnknownTypeIsAnAppointment() {
        var a = new AppointmentMessages.Appointment(UUID.randomUUID(), UUID.randomUUID(), "SOMETHING_NEW",
                Instant.parse("2026-12-15T10:30:00Z"), null, HARLEY_STREET);

        assertThat(AppointmentPlaceholders.of(a)).containsEntry("when", "Tuesday 15 December 2026 at 10:30 (UK time)")
                .containsEntry("appointment", "appointment");
        assertThat(AppointmentPlaceholders.calendarSummary(a)).isEqualTo("Appointment with Ms Susan Hart");
    }

    @Test
    void eachPlaceholderMayComeAnyNumberOfTimesInTitleOrBodyAndOtherBracesStayAsWritten() {
        var words = TemplateText.fill("{appointment} with {clinician}", "{when}, {when}: {site} with {clinician} {} {",
                AppointmentPlaceholders.of(appointment(HARLEY_STREET)));

        assertThat(words.title()).isEqualTo("consultation with Ms Susan Hart");
        assertThat(words.body()).isEqualTo("Tuesday 15 June 2027 at 10:30 (UK time), Tuesday 15 June 2027 at 10:30 "
                + "(UK time): Harley Street, 2 Example Street, London W1 with Ms Susan Hart {} {");
    }

    @Test
    void aValueThatLooksLikeAReplacementIsInsertedAsItStands() {
        var a = appointment(new Setting("Dr $1 \\ Price", null, null));

        assertThat(TemplateText.fill("With {clinician}", AppointmentPlaceholders.of(a))).isEqualTo("With Dr $1 \\ Price");
    }

    @Test
    void aBodyMustSayWhenWhereAndWithWhom() {
        assertThat(TemplateText.bodyProblems("See you {when} at {site} with {clinician}.")).isEmpty();
        assertThat(TemplateText.bodyProblems("See you {when} at {site}."))
                .containsExactly("must contain {clinician}, so that every message says when, where and with whom");
        assertThat(TemplateText.bodyProblems("See you soon.")).hasSize(3)
                .allSatisfy(problem -> assertThat(problem).startsWith("must contain {"));
        assertThat(TemplateText.titleProblems("Booked")).isEmpty();
    }

    @Test
    void aPlaceholderThatIsNotOneOfTheFourIsRefusedInTitleOrBody() {
        assertThat(TemplateText.bodyProblems("Dear {patient}, {when} at {site} with {clinician}."))
                .containsExactly("uses {patient}, which is not one of {appointment}, {clinician}, {site}, {when}");
        assertThat(TemplateText.titleProblems("Your {Appointment} is booked"))
                .containsExactly("uses {Appointment}, which is not one of {appointment}, {clinician}, {site}, {when}");
        assertThat(TemplateText.bodyProblems("{ when } at {site} with {clinician}"))
                .contains("uses { when }, which is not one of {appointment}, {clinician}, {site}, {when}");
    }

    @Test
    void blankAndTooLongTextsAreRefused() {
        assertThat(TemplateText.titleProblems(" ")).containsExactly("must not be blank");
        assertThat(TemplateText.titleProblems(null)).containsExactly("must not be blank");
        assertThat(TemplateText.titleProblems("x".repeat(121))).containsExactly("must be at most 120 characters");
        assertThat(TemplateText.titleProblems("x".repeat(120))).isEmpty();
        assertThat(TemplateText.bodyProblems("{when}{site}{clinician}" + "x".repeat(1000)))
                .containsExactly("must be at most 1000 characters");
    }

    private static AppointmentMessages.Appointment appointment(Setting setting) {
        return new AppointmentMessages.Appointment(UUID.randomUUID(), UUID.randomUUID(), "FULL_CONSULTATION",
                SUMMER_MORNING, SUMMER_MORNING.plusSeconds(1800), setting);
    }
}
