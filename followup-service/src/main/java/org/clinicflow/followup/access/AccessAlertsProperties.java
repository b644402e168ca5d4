package org.clinicflow.followup.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param leadAddress   who is emailed when an enquiry breaches the 48-hour promise (the clinic's lead, not a patient)
 * @param pollInterval  how often the mailer looks for breach emails to send
 * @param maxAttempts   attempts before a breach email is given up and shown as not sent (the alert stays on the list)
 * @param firstBackoff  pause after the first failure, doubled after each further one
 */
@ConfigurationProperties("clinicflow.followup.access-alerts")
record AccessAlertsProperties(@DefaultValue("clinic-lead@clinicflow.example") String leadAddress,
                              @DefaultValue("5s") Duration pollInterval,
                              @DefaultValue("8") int maxAttempts,
                              @DefaultValue("10s") Duration firstBackoff) {
}
