package org.clinicflow.booking.platform;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.localstack.ObservabilityFiles;
import org.clinicflow.platform.deadletter.DeadLetters;
import org.clinicflow.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * booking-service's /actuator/prometheus, scraped on the management port as Prometheus would: it exports every name
 * the alert rules and the dashboard read, and each clinic metric moves when what it counts happens. Gauges are read
 * from the database at most once a second here (15 s in production: {@code clinicflow.metrics.reading-max-age}), so
 * a check waits for one stale reading at most.
 */
class ClinicMetricsIT extends BookingServiceIT {

    private static final Duration GAUGE_WAIT = Duration.ofSeconds(20);

    @LocalManagementPort
    int managementPort;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DeadLetters deadLetters;

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExported() {
        // One request on the public port, so that Spring's request timer has a sample.
        assertThat(book(DemoUsers.PATIENT_ID, nextSlot()).status()).isEqualTo(201);
        assertThat(ObservabilityFiles.missingFrom(scrape(), ObservabilityFiles.expectedFrom(
                ObservabilityFiles.BOOKING))).isEmpty();
    }

    @Test
    void metricsAreServedOnTheManagementPortOnlyAndWithoutAToken() {
        assertThat(ApiCall.get("http://localhost:" + managementPort + "/actuator/prometheus", null).status())
                .isEqualTo(200);
        assertThat(ApiCall.get(url("/actuator/prometheus"), null).status()).isNotEqualTo(200);
        assertThat(ApiCall.get(url("/actuator/prometheus"), tokenFor(DemoUsers.CLINIC_ADMIN)).status())
                .isNotEqualTo(200);
    }

    @Test
    void anEnquiryNearItsDeadlineIsCountedAtRiskAndAMissedOneBreached() {
        var atRiskBefore = value("clinicflow_enquiries_at_risk");
        var breachedBefore = value("clinicflow_enquiries_breached");
        recordEnquiry(OffsetDateTime.now().minusHours(40));
        recordEnquiry(OffsetDateTime.now().minusHours(49));

        awaitValue("clinicflow_enquiries_at_risk", v -> v >= atRiskBefore + 1);
        awaitValue("clinicflow_enquiries_breached", v -> v >= breachedBefore + 1);
        // Counts only: nothing in the scrape names a patient or an enquiry.
        assertThat(scrape()).doesNotContain(DemoUsers.PATIENT_ID.toString());
    }

    @Test
    void aBookingIsCountedByWhoMadeIt() {
        var before = value("clinicflow_appointments_booked_total", "channel=\"desk\"");
        assertThat(book(DemoUsers.PATIENT_ID, nextSlot()).status()).isEqualTo(201);
        assertThat(value("clinicflow_appointments_booked_total", "channel=\"desk\"")).isEqualTo(before + 1);
        assertThat(value("clinicflow_appointments_booked_total", "channel=\"self-referral\"")).isNotNaN();
    }

    @Test
    void anEventTheRelayHasNotSentShowsAsOutboxLag() {
        relay.stop();
        try {
            assertThat(book(DemoUsers.PATIENT_ID, nextSlot()).status()).isEqualTo(201);
            awaitValue("clinicflow_outbox_lag_seconds", v -> v > 0);
        } finally {
            relay.start();
        }
        awaitValue("clinicflow_outbox_lag_seconds", v -> v < 5);
    }

    @Test
    void aDeadLetterWaitingForAnAdminIsCounted() {
        var before = value("clinicflow_dead_letters_waiting");
        deadLetters.accept(new ConsumerRecord<>("clinic.metrics-test", 0, System.nanoTime(), "key", "not an event"),
                new IllegalStateException("refused for the metrics test"));
        try {
            awaitValue("clinicflow_dead_letters_waiting", v -> v >= before + 1);
        } finally {
            jdbc.sql("delete from dead_letter where topic = 'clinic.metrics-test'").update();
        }
    }

    private void recordEnquiry(OffsetDateTime firstContact) {
        var response = ApiCall.post(url("/api/booking/enquiries"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"channel":"PHONE","firstContactAt":"%s","patientId":"%s"}""".formatted(firstContact.toInstant(),
                DemoUsers.PATIENT_ID));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private String scrape() {
        var response = ApiCall.get("http://localhost:" + managementPort + "/actuator/prometheus", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private double value(String name, String... labels) {
        return ObservabilityFiles.value(scrape(), name, labels);
    }

    private void awaitValue(String name, DoublePredicate condition) {
        long deadline = System.nanoTime() + GAUGE_WAIT.toNanos();
        double last = value(name);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " stayed at " + last + " for " + GAUGE_WAIT);
            }
            sleep();
            last = value(name);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
