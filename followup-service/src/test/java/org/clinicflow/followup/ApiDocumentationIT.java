package org.clinicflow.followup;

import org.clinicflow.localstack.ApiCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentationIT extends FollowupServiceIT {

    @Test
    void everyEndpointIsInTheOpenApiDocumentWithItsRolesSecured() {
        var docs = ApiCall.get(url("/v3/api-docs"), null);
        assertThat(docs.status()).isEqualTo(200);
        var paths = json.readTree(docs.body()).required("paths");
        assertThat(paths.propertyNames()).contains("/api/followup/notifications/mine",
                "/api/followup/notifications/{id}/retry", "/api/followup/follow-ups/mine",
                "/api/followup/reminders/mine", "/api/followup/worklist", "/api/followup/tasks/{id}",
                "/api/followup/tasks/{id}/sent", "/api/followup/pathways", "/api/followup/pathways/{treatment}",
                "/api/followup/contact-preferences/mine", "/api/followup/message-templates",
                "/api/followup/message-templates/{purpose}", "/api/followup/reminder-timings",
                "/api/followup/reminder-timings/{appointmentType}/{purpose}");
        for (var path : paths.propertyNames()) {
            var answer = ApiCall.get(url(path.replace("{id}", "00000000-0000-4000-a000-000000000000")
                    .replace("{treatment}", "BALLOON_KYPHOPLASTY").replace("{purpose}", "CONFIRMATION")
                    .replace("{appointmentType}", "PROCEDURE")
                    .replace("{token}", "00000000-0000-4000-a000-000000000000.not-signed")), null);
            // The one-click opt-out needs no sign-in by design: its link's signature is the permission.
            assertThat(answer.status()).as(path).isEqualTo(path.startsWith("/api/followup/opt-out/") ? 404 : 401);
        }
    }
}
