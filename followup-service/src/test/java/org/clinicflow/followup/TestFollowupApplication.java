package org.clinicflow.followup;

import org.clinicflow.localstack.ClinicInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Starts followup-service alone on this machine against real PostgreSQL, Kafka, Keycloak and SMTP, started from Maven
 * Central as the tests start them (stopped when this ends), with the demo data: for working on the service from an
 * IDE without the whole system. Run its {@code main}, or {@code ./mvnw -pl followup-service spring-boot:test-run}.
 */
public final class TestFollowupApplication {

    private TestFollowupApplication() {
    }

    public static void main(String[] args) {
        // Command-line arguments and system properties still win over these: they are only defaults.
        ClinicInfrastructure.shared().springProperties("followup").forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        SpringApplication.from(FollowupApplication::main).withAdditionalProfiles("demo").run(args);
    }
}
