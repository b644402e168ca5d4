package org.clinicflow.localstack;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityFilesTest {

    /** A scrape as Micrometer's Prometheus registry writes it: the unit and _total are part of the sample's name. */
    private static final String SCRAPE = """
            # HELP clinicflow_outbox_lag_seconds Age of the oldest outbox event not yet acknowledged by Kafka
            # TYPE clinicflow_outbox_lag_seconds gauge
            clinicflow_outbox_lag_seconds 0.0
            # TYPE clinicflow_appointments_booked counter
            clinicflow_appointments_booked_total{channel="desk"} 3.0
            clinicflow_appointments_booked_total{channel="self-referral"} 0.0
            """;

    @Test
    void namesAreReadFromSelectorsRangesAndBracketsButNotFromLabelsFunctionsOrDurations() {
        assertThat(ObservabilityFiles.metricNames("""
                max by (job) (clinicflow_outbox_lag_seconds{job="booking-service", channel=~"sms|email"}) > 60
                and sum(rate(clinicflow_notifications_failed_total[15m])) / sum without (channel) (x_total) >= 0.05
                or up == 0"""))
                .containsExactlyInAnyOrder("clinicflow_outbox_lag_seconds", "clinicflow_notifications_failed_total",
                        "x_total", "up");
    }

    @Test
    void aNameTheServicesDoNotExportIsReportedMissing() {
        // The deliberate mistake: the gauge without its unit, as one might write it from the Micrometer name.
        var wrong = ObservabilityFiles.metricNames("max(clinicflow_outbox_lag) > 60");
        assertThat(ObservabilityFiles.missingFrom(SCRAPE, wrong)).containsExactly("clinicflow_outbox_lag");

        var right = ObservabilityFiles.metricNames(
                "max(clinicflow_outbox_lag_seconds) > 60 and sum(rate(clinicflow_appointments_booked_total[1h])) > 0");
        assertThat(ObservabilityFiles.missingFrom(SCRAPE, right)).isEmpty();
    }

    @Test
    void aSamplesValueIsReadByNameAndLabels() {
        assertThat(ObservabilityFiles.value(SCRAPE, "clinicflow_appointments_booked_total", "channel=\"desk\""))
                .isEqualTo(3.0);
        assertThat(ObservabilityFiles.value(SCRAPE, "clinicflow_outbox_lag_seconds")).isZero();
        assertThat(ObservabilityFiles.value(SCRAPE, "clinicflow_appointments_booked_total", "channel=\"fax\""))
                .isNaN();
    }

    @Test
    void everyNameTheAlertsAndTheDashboardReadHasAServiceThatExportsIt() {
        var inUse = ObservabilityFiles.namesInUse();
        assertThat(inUse).contains("clinicflow_enquiries_breached", "clinicflow_enquiries_at_risk",
                "clinicflow_outbox_lag_seconds", "clinicflow_dead_letters_waiting",
                "clinicflow_notifications_sent_total", "clinicflow_notifications_failed_total",
                "clinicflow_notifications_oldest_due_age_seconds", "clinicflow_appointments_booked_total", "up");
        assertThat(ObservabilityFiles.unowned()).isEmpty();
        // Every service's metrics test then checks the names it owns against its own scrape.
        assertThat(ObservabilityFiles.expectedFrom(ObservabilityFiles.BOOKING))
                .contains("clinicflow_enquiries_breached", "clinicflow_outbox_lag_seconds");
        assertThat(ObservabilityFiles.expectedFrom(ObservabilityFiles.FOLLOWUP))
                .contains("clinicflow_notifications_sent_total", "clinicflow_dead_letters_waiting")
                .doesNotContain("clinicflow_enquiries_breached");
    }

    @Test
    void theRuleFileIsReadAsPrometheusWritesIt() {
        var expressions = ObservabilityFiles.ruleExpressions("""
                groups:
                  - name: example
                    rules:
                      - alert: Breached
                        expr: max(clinicflow_enquiries_breached) > 0
                        for: 5m
                      - alert: Down
                        expr: |
                          up == 0
                """);
        assertThat(expressions).containsExactly("max(clinicflow_enquiries_breached) > 0", "up == 0\n");
        assertThat(Set.copyOf(ObservabilityFiles.dashboardExpressions("""
                {"panels":[{"type":"row","panels":[{"targets":[{"expr":"up"}]}]},
                           {"targets":[{"expr":"clinicflow_dead_letters_waiting"},{"refId":"B"}]}]}""")))
                .containsExactlyInAnyOrder("up", "clinicflow_dead_letters_waiting");
    }
}
