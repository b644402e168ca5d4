package org.clinicflow.content;

import org.clinicflow.localstack.ApiCall;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths Kubernetes' probes ask (deploy/kubernetes): Spring Boot's liveness and readiness groups, answered on the
 * management port and nowhere on the API's port.
 */
class HealthProbesIT extends ContentServiceIT {

    @LocalManagementPort
    int managementPort;

    @Test
    void livenessAndReadinessAnswerUpOnTheManagementPortOnly() {
        for (var probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            var answer = ApiCall.get("http://localhost:" + managementPort + probe, null);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
            assertThat(ApiCall.get(url(probe), null).status()).as(probe + " on the API's port").isNotEqualTo(200);
        }
    }
}
