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
            if (path.startsWith("/api/followup/opt-out/")) {
                // An email's one-click opt-out needs no sign-in: its signed link is the permission (RFC 8058).
                continue;
            }
            assertThat(ApiCall.get(url(path.replace("{id}", "00000000-0000-4000-a000-000000000000")
                    .replace("{treatment}", "BALLOON_KYPHOPLASTY").replace("{purpose}", "CONFIRMATION")
                    .replace("{appointmentType}", "PROCEDURE")), null).status()).as(path).isEqualTo(401);
        }
    }
}
