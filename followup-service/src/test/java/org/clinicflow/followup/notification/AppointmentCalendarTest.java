package org.clinicflow.followup.notification;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.Related;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentCalendarTest {

    private static final UUID APPOINTMENT = UUID.fromString("0b7f6a2e-9a8e-4a51-8f65-5a3f1d2c4b6e");
    private static final Instant STARTS = Instant.parse("2027-03-29T08:00:00Z");
    private static final String CLINIC = "clinic@clinicflow.example";
    private static final String PATIENT = "pat@example.test";

    @Test
    void aBookedAppointmentIsARequestThatSaysWhereWithWhomAndRemindsTheReader() {
        var ics = AppointmentCalendar.write(invite(0, false, "London Bridge, 1 Example Street, London SE1"), CLINIC,
                PATIENT);

        var calendar = parse(ics);
        assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getProductId().getValue()).isEqualTo(AppointmentCalendar.PRODUCT);
        var event = only(calendar);
        assertThat(event.getUid().getValue()).isEqualTo(APPOINTMENT + "@clinicflow");
        assertThat(event.getSequence().getValue()).isZero();
        assertThat(event.getDateStart().getValue()).isEqualTo(Date.from(STARTS));
        assertThat(event.getDateEnd().getValue()).isEqualTo(Date.from(STARTS.plusSeconds(1800)));
        assertThat(event.getDateTimeStamp().getValue()).isEqualTo(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
        assertThat(event.getSummary().getValue()).isEqualTo("Consultation with Ms Susan Hart");
        assertThat(event.getLocation().getValue()).isEqualTo("London Bridge, 1 Example Street, London SE1");
        assertThat(event.getOrganizer().getEmail()).isEqualTo(CLINIC);
        assertThat(event.getAttendees()).singleElement()
                .satisfies(attendee -> assertThat(attendee.getEmail()).isEqualTo(PATIENT));
        assertThat(event.getStatus().isConfirmed()).isTrue();
        assertThat(event.getAlarms()).singleElement().satisfies(alarm -> {
            assertThat(alarm.getAction().isDisplay()).isTrue();
            assertThat(alarm.getTrigger().getDuration()).isEqualTo(AppointmentCalendar.ALARM_BEFORE);
            assertThat(alarm.getTrigger().getRelated()).isEqualTo(Related.START);
        });
        // Times in UTC, CRLF line ends, lines folded at 75 octets (RFC 5545 3.1): as the library writes them.
        assertThat(ics).contains("DTSTART:20270329T080000Z\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void aCancellationIsACancelOfTheSameEntryWithAHigherSequenceAndNoAlarm() {
        var booked = only(parse(AppointmentCalendar.write(invite(0, false, null), CLINIC, PATIENT)));
        var calendar = parse(AppointmentCalendar.write(invite(2, true, null), CLINIC, PATIENT));

        assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
        var cancelled = only(calendar);
        assertThat(cancelled.getUid().getValue()).isEqualTo(booked.getUid().getValue());
        assertThat(cancelled.getSequence().getValue()).isGreaterThan(booked.getSequence().getValue());
        assertThat(cancelled.getStatus().isCancelled()).isTrue();
        assertThat(cancelled.getAlarms()).isEmpty();
        assertThat(cancelled.getAttendees()).singleElement()
                .satisfies(attendee -> assertThat(attendee.getEmail()).isEqualTo(PATIENT));
    }

    @Test
    void aPlaceTheEventDidNotNameIsLeftOutRatherThanGuessed() {
        var event = only(parse(AppointmentCalendar.write(invite(1, false, null), CLINIC, PATIENT)));

        assertThat(event.getLocation()).isNull();
    }

    @Test
    void wordsThatRfc5545EscapesComeBackAsTheyWere() {
        var summary = "Review; after your procedure, with Dr O\\Neil " + "x".repeat(80);
        var invite = new AppointmentCalendar.Invite(APPOINTMENT, 3, STARTS, null, summary, "Site, Street; Town",
                false, Instant.parse("2027-03-01T10:00:00Z"));

        var event = only(parse(AppointmentCalendar.write(invite, CLINIC, PATIENT)));

        assertThat(event.getSummary().getValue()).isEqualTo(summary);
        assertThat(event.getLocation().getValue()).isEqualTo("Site, Street; Town");
        assertThat(event.getDateEnd().getValue()).isEqualTo(Date.from(STARTS.plusSeconds(900)));
    }

    private static AppointmentCalendar.Invite invite(int sequence, boolean cancelled, String location) {
        return new AppointmentCalendar.Invite(APPOINTMENT, sequence, STARTS, STARTS.plusSeconds(1800),
                "Consultation with Ms Susan Hart", location, cancelled, Instant.parse("2027-03-01T10:00:00Z"));
    }

    private static ICalendar parse(String ics) {
        var calendars = Biweekly.parse(ics).all();
        assertThat(calendars).hasSize(1);
        return calendars.getFirst();
    }

    private static VEvent only(ICalendar calendar) {
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().getFirst();
    }
}
