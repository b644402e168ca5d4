package org.clinicflow.followup.reminder;

import org.clinicflow.followup.notification.Channel;

import java.time.Duration;

/**
 * When one reminder of an appointment type goes: {@code leadHours} before the appointment, first by {@code channel}.
 *
 * @param version the row's version for If-Match; 0 for the default of a type the table has no row for
 */
record ReminderTiming(String appointmentType, ReminderKind kind, int leadHours, Channel channel, int version) {

    static final int LEAD_HOURS_MIN = 1;
    /** Two weeks: further ahead, a reminder stops reminding. */
    static final int LEAD_HOURS_MAX = 336;

    static ReminderTiming byDefault(String appointmentType, ReminderKind kind) {
        return new ReminderTiming(appointmentType, kind, kind.defaultLeadHours(), kind.defaultChannel(), 0);
    }

    Duration lead() {
        return Duration.ofHours(leadHours);
    }
}
