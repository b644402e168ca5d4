package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.KeycloakAdmin;
import org.clinicflow.systemtests.RunningSystem;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every screen test on the shared system starts from: the system itself, its infrastructure, and Keycloak told
 * that this gateway may receive sign-ins. JUnit runs this before a test class's own {@code @BeforeAll}, so a class
 * that also needs tokens or a mailbox sets them up in a method of another name.
 */
abstract class ScreenTest {

    static ClinicSystem system;
    static ClinicInfrastructure infrastructure;

    @BeforeAll
    static void theWholeSystem() throws Exception {
        system = RunningSystem.shared();
        infrastructure = ClinicInfrastructure.shared();
        KeycloakAdmin.allowGatewayRedirect(infrastructure.keycloakUrl(), system.gatewayUrl());
    }
}
