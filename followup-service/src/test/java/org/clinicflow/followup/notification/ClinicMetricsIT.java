package org.clinicflow.followup.notification;

import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.ObservabilityFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * followup-service's /actuator/prometheus, scraped on the management port as Prometheus would: it exports every name
 * the alert rules and the dashboard read, and the message counters and the oldest-due gauge move with the messages.
 */
class ClinicMetricsIT extends FollowupServiceIT {

    private static final String APPOINTMENTS = "clinic.booking.appointment";

    @LocalManagementPort
    int managementPort;

    @Autowired
    NotificationDispatcher dispatcher;

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExported() {
        // One request on the public port, so that Spring's request timer has a sample.
        ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(ObservabilityFiles.missingFrom(scrape(), ObservabilityFiles.expectedFrom(
                ObservabilityFiles.FOLLOWUP))).isEmpty();
    }

    @Test
    void aMessageAProviderAcceptedIsCountedAsSentOnItsChannel() {
        var before = value("clinicflow_notifications_sent_total", "channel=\"email\"");
        var patient = registerPatient(true, true, false, false);
        publishBooking(patient);
        await(Duration.ofSeconds(30), () -> "SENT".equals(statusFor(patient)));

        assertThat(value("clinicflow_notifications_sent_total", "channel=\"email\"")).isEqualTo(before + 1);
        assertThat(scrape()).doesNotContain(patient.id().toString()).doesNotContain(patient.email());
    }

    @Test
    void aMessageNoChannelCouldTakeIsCountedAsFailed() {
        var before = value("clinicflow_notifications_failed_total", "channel=\"none\"");
        // Registered, but with neither an address nor a number: nothing can be tried, it goes to the worklist.
        var patient = registerPatient(false, false, false, false);
        publishBooking(patient);
        await(Duration.ofSeconds(30), () -> "FAILED".equals(statusFor(patient)));

        assertThat(value("clinicflow_notifications_failed_total", "channel=\"none\"")).isEqualTo(before + 1);
    }

    @Test
    void aDueMessageNobodyClaimsShowsItsAge() {
        dispatcher.stop();
        try {
            var patient = registerPatient(true, true, false, false);
            publishBooking(patient);
            await(Duration.ofSeconds(30), () -> "SCHEDULED".equals(statusFor(patient)));
            // Read from the database at most once a second in these tests: the wait covers a stale reading.
            await(Duration.ofSeconds(20), () -> value("clinicflow_notifications_oldest_due_age_seconds") > 0);
        } finally {
            dispatcher.start();
        }
    }

    private void publishBooking(TestPatient patient) {
        var appointmentId = UUID.randomUUID();
        publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                patient.id(), Events.daysAhead(20)));
    }

    /** The status of the booking's confirmation to the patient, or null before it exists. */
    private String statusFor(TestPatient patient) {
        return jdbc.sql("select status from notification where patient_id = :patient and purpose = 'CONFIRMATION'")
                .param("patient", patient.id()).query(String.class).optional().orElse(null);
    }

    private String scrape() {
        var response = ApiCall.get("http://localhost:" + managementPort + "/actuator/prometheus", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private double value(String name, String... labels) {
        return ObservabilityFiles.value(scrape(), name, labels);
    }
}
