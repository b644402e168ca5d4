package org.clinicflow.followup.notification;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Related;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.property.Trigger;
import biweekly.util.Duration;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * An appointment as an iTIP message (RFC 5546) by email (iMIP, RFC 6047): a VCALENDAR with one VEVENT, so that the
 * patient's calendar shows it and keeps it up to date. The UID is fixed per appointment and the SEQUENCE grows with
 * each change, so a moved appointment (METHOD:REQUEST) or a cancelled one (METHOD:CANCEL) updates the entry the
 * patient already has instead of adding another. Times are UTC: every calendar shows them in the reader's zone.
 * <p>
 * The ORGANIZER is the address the email comes from and the ATTENDEE the address it goes to, as iMIP asks; so the
 * invite is finished by the email channel, which knows both.
 */
final class AppointmentCalendar {

    static final String PRODUCT = "-//clinicflow//followup-service//EN";
    /** Long enough to leave for the clinic, short enough to be noticed as today's. */
    static final Duration ALARM_BEFORE = Duration.builder().prior(true).hours(2).build();
    /** The shortest appointment; used when a cancellation's event does not say when it would have ended. */
    private static final java.time.Duration SHORTEST = java.time.Duration.ofMinutes(15);

    private AppointmentCalendar() {
    }

    /**
     * One appointment's entry as one message carries it.
     *
     * @param endsAt    null when unknown (a cancellation)
     * @param sequence  the entry's version, from {@link NewNotification.CalendarEntry#sequence()}
     * @param location  the site's name and address, or null
     * @param cancelled METHOD:CANCEL when true, METHOD:REQUEST otherwise
     * @param stamp     when this message was made (DTSTAMP)
     */
    record Invite(UUID appointmentId, int sequence, Instant startsAt, Instant endsAt, String summary, String location,
                  boolean cancelled, Instant stamp) {

        Invite {
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(stamp, "stamp");
        }

        /** The iTIP method, also the {@code method} parameter of the attachment's content type. */
        String method() {
            return cancelled ? Method.CANCEL : Method.REQUEST;
        }

        /** The message's entry for the appointment a stored message is about, or null when it is about none. */
        static Invite of(Notification n, Instant now) {
            if (n.appointmentId() == null || n.appointmentStartsAt() == null || n.calendarSequence() == null) {
                return null;
            }
            return new Invite(n.appointmentId(), n.calendarSequence(), n.appointmentStartsAt(),
                    n.appointmentEndsAt(), n.calendarSummary() != null ? n.calendarSummary() : n.title(),
                    n.calendarLocation(), n.purpose() == Purpose.CANCELLED, now);
        }
    }

    /**
     * @param organizer the clinic's sending address
     * @param attendee  the patient's address: personal data, in the attachment only
     * @return the VCALENDAR as RFC 5545 text (CRLF line ends, folded lines)
     */
    static String write(Invite invite, String organizer, String attendee) {
        var calendar = new ICalendar();
        calendar.setProductId(PRODUCT);
        calendar.setMethod(invite.method());

        var event = new VEvent();
        event.setUid(uid(invite.appointmentId()));
        event.setSequence(invite.sequence());
        event.setDateTimeStamp(Date.from(invite.stamp()));
        event.setDateStart(Date.from(invite.startsAt()), true);
        event.setDateEnd(Date.from(invite.endsAt() != null ? invite.endsAt() : invite.startsAt().plus(SHORTEST)),
                true);
        event.setSummary(invite.summary());
        if (invite.location() != null) {
            event.setLocation(invite.location());
        }
        event.setOrganizer(new Organizer(null, organizer));
        var patient = new Attendee(null, attendee);
        patient.setRole(Role.ATTENDEE);
        // The patient agreed to the time when it was booked, and the clinic reads no replies: a change is made by
        // calling or online, not from the invite. A cancellation needs no answer either.
        if (!invite.cancelled()) {
            patient.setParticipationStatus(ParticipationStatus.ACCEPTED);
        }
        patient.setRsvp(false);
        event.addAttendee(patient);
        event.setStatus(invite.cancelled() ? Status.cancelled() : Status.confirmed());
        if (!invite.cancelled()) {
            event.addAlarm(VAlarm.display(new Trigger(ALARM_BEFORE, Related.START), invite.summary()));
        }
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    static String uid(UUID appointmentId) {
        return appointmentId + "@clinicflow";
    }
}
