package org.clinicflow.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class UnexpectedFailureTest {

    @Test
    void aFailureNoHandlerForesawIsTheServicesOwnFaultAndItsMessageStaysInTheLog() {
        var answer = new ProblemDetailsAdvice(null)
                .unexpected(new IllegalStateException("column provider_id of patient a0000000 not found"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        var problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).isEqualTo(ProblemType.INTERNAL.uri());
        assertThat(problem.getDetail()).contains("nothing was changed").doesNotContain("provider_id", "a0000000");
    }
}
