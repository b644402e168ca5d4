package org.clinicflow.booking.waitlist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the waiting list offers freed times ({@code clinicflow.booking.waitlist.*}).
 *
 * @param offersAtOnce how many waiting patients one freed time is offered to together; the first to accept gets it
 * @param offerLifespan how long an offer stays open, at most: never past the appointment type's minimum notice
 * @param sweepInterval how often lapsed offers are closed and their times offered to the next patients waiting
 */
@ConfigurationProperties("clinicflow.booking.waitlist")
record WaitlistProperties(@DefaultValue("3") int offersAtOnce, @DefaultValue("PT2H") Duration offerLifespan,
                          @DefaultValue("PT1M") Duration sweepInterval) {
}
