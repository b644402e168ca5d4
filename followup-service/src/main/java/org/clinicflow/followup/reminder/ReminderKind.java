package org.clinicflow.followup.reminder;

import org.clinicflow.followup.notification.Channel;
import org.clinicflow.followup.notification.Purpose;

/**
 * The two reminders of an appointment, named by their usual timing. When each goes, and by which channel first, is data
 * per appointment type ({@link ReminderTimings}); each falls back to the other consented channel. The timing here is
 * for a type the table has no row for (the event contract allows new types): two days ahead by email (with the calendar
 * entry), two hours ahead by SMS, which a patient on the way sees sooner. V7 seeded the known types with the same.
 */
enum ReminderKind {
    TWO_DAYS_BEFORE(Purpose.TWO_DAYS_BEFORE, 48, Channel.EMAIL),
    TWO_HOURS_BEFORE(Purpose.TWO_HOURS_BEFORE, 2, Channel.SMS);

    private final Purpose purpose;
    private final int defaultLeadHours;
    private final Channel defaultChannel;

    ReminderKind(Purpose purpose, int defaultLeadHours, Channel defaultChannel) {
        this.purpose = purpose;
        this.defaultLeadHours = defaultLeadHours;
        this.defaultChannel = defaultChannel;
    }

    Purpose purpose() {
        return purpose;
    }

    int defaultLeadHours() {
        return defaultLeadHours;
    }

    Channel defaultChannel() {
        return defaultChannel;
    }
}
