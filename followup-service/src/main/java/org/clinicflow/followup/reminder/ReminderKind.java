package org.clinicflow.followup.reminder;

import org.clinicflow.followup.notification.Channel;
import org.clinicflow.followup.notification.Purpose;

import java.time.Duration;

/**
 * When, before an appointment, the patient is reminded of it. Two days ahead goes by email (with the calendar entry);
 * two hours ahead by SMS, which a patient on the way sees sooner. Each falls back to the other consented channel.
 */
enum ReminderKind {
    TWO_DAYS_BEFORE(Duration.ofDays(2), Purpose.TWO_DAYS_BEFORE, Channel.EMAIL),
    TWO_HOURS_BEFORE(Duration.ofHours(2), Purpose.TWO_HOURS_BEFORE, Channel.SMS);

    private final Duration lead;
    private final Purpose purpose;
    private final Channel channel;

    ReminderKind(Duration lead, Purpose purpose, Channel channel) {
        this.lead = lead;
        this.purpose = purpose;
        this.channel = channel;
    }

    Duration lead() {
        return lead;
    }

    Purpose purpose() {
        return purpose;
    }

    Channel channel() {
        return channel;
    }
}
