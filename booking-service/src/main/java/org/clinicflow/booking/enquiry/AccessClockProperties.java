package org.clinicflow.booking.enquiry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When the 48-hour access clock warns ({@code clinicflow.booking.access-clock.*}). How often it runs
 * ({@code interval}, {@code initial-delay}) is read by its {@code @Scheduled} from the same keys.
 *
 * @param atRiskLead how long before the deadline an enquiry not yet booked within target is called at risk, so that
 *                   reception still has time to book it
 */
@ConfigurationProperties("clinicflow.booking.access-clock")
record AccessClockProperties(@DefaultValue("PT12H") Duration atRiskLead) {
}
