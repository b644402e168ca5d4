package org.clinicflow.followup.reminder;

import java.time.Duration;

/** When, before an appointment, the patient is reminded of it. */
public enum ReminderKind {
    TWO_DAYS_BEFORE(Duration.ofDays(2)),
    TWO_HOURS_BEFORE(Duration.ofHours(2));

    private final Duration lead;

    ReminderKind(Duration lead) {
        this.lead = lead;
    }

    Duration lead() {
        return lead;
    }
}
