package org.clinicflow.content.treatment;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PublicTreatmentsIT {

    private static final ClinicInfrastructure infrastructure = ClinicInfrastructure.shared();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure.springProperties("content").forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void anyoneMayReadPublishedTreatmentsWithoutLoggingIn() {
        var list = ApiCall.get(url("/api/content/treatments"), null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("balloon-kyphoplasty", "vertebroplasty", "[Demo text]");

        var one = ApiCall.get(url("/api/content/treatments/balloon-kyphoplasty"), null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("\"title\":\"Balloon kyphoplasty\"");
    }

    @Test
    void anUnknownTreatmentIsAProblemNotAnError() {
        var missing = ApiCall.get(url("/api/content/treatments/spinal-magic"), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everythingElseNeedsATokenForThisService() {
        assertThat(ApiCall.get(url("/api/content/drafts"), null).status()).isEqualTo(401);
        var editor = DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), DemoUsers.CONTENT_EDITOR);
        // A valid token passes the audience check; the endpoint itself does not exist yet.
        assertThat(ApiCall.get(url("/api/content/drafts"), editor).status()).isEqualTo(404);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
