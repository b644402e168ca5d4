package org.clinicflow.content;

import org.clinicflow.localstack.ClinicInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Starts content-service alone on this machine against real PostgreSQL, Kafka, Keycloak and SMTP, started from Maven
 * Central as the tests start them (stopped when this ends), with the demo data: for working on the service from an
 * IDE without the whole system. Run its {@code main}, or {@code ./mvnw -pl content-service spring-boot:test-run}.
 */
public final class TestContentApplication {

    private TestContentApplication() {
    }

    public static void main(String[] args) {
        // Command-line arguments and system properties still win over these: they are only defaults.
        ClinicInfrastructure.shared().springProperties("content").forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        SpringApplication.from(ContentApplication::main).withAdditionalProfiles("demo").run(args);
    }
}
