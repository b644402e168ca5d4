package org.clinicflow.booking.availability;

import java.time.Duration;

/**
 * The booking rules as the availability search needs them, so that it offers only times that keep them. The
 * appointment feature owns the rules and provides this; the search depends on the idea, not on that feature.
 */
public interface TimeRules {

    /** How soon from now a new appointment of the type may start. */
    Duration minimumNotice(AppointmentType type);

    /** The buffer and daily maximum of the type. */
    AvailabilitySearch.Limits limits(AppointmentType type);
}
