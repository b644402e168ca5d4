package org.clinicflow.followup.audit;

import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.platform.audit.Audited;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** followup-service's reads and changes of patient data leave audit records, refused attempts included. */
class FollowupAuditIT extends FollowupServiceIT {

    /**
     * Pathway definitions are the clinic's plan per treatment, message templates and reminder timings its wording and
     * timing of appointment messages: no patient in them. (Their changes are audited all the same.)
     */
    private static final Set<String> NOT_PATIENT_DATA = Set.of("GET /api/followup/pathways",
            "GET /api/followup/pathways/{treatment}", "PUT /api/followup/pathways/{treatment}",
            "GET /api/followup/message-templates", "GET /api/followup/message-templates/{purpose}",
            "GET /api/followup/reminder-timings");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aPatientReadingTheirMessagesIsRecordedAgainstThemAndAPatientAtTheWorklistIsRecordedAsRefused() {
        var patient = DemoUsers.PATIENT_ID.toString();
        assertThat(ApiCall.get(url("/api/followup/notifications/mine"), tokenFor(DemoUsers.PATIENT)).status())
                .isEqualTo(200);
        assertThat(ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);

        var records = audit("patientId=" + patient);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get("recordType").asString()).isEqualTo("notification");
            assertThat(r.get("action").asString()).isEqualTo("READ");
            assertThat(r.get("outcome").asString()).isEqualTo("ALLOWED");
            assertThat(r.get("operation").asString()).isEqualTo("GET /api/followup/notifications/mine");
        });
        var byPatientUser = audit("userId=" + records.getFirst().get("userId").asString());
        assertThat(byPatientUser).anySatisfy(r -> {
            assertThat(r.get("recordType").asString()).isEqualTo("worklist");
            assertThat(r.get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(r.get("httpStatus").asInt()).isEqualTo(403);
        });
        // The trail is clinic-admin's to read.
        assertThat(ApiCall.get(url("/api/followup/audit"), tokenFor(DemoUsers.RECEPTIONIST)).status()).isEqualTo(403);
    }

    @Test
    void receptionRetryingAMessageIsRecordedAgainstItsPatient() {
        var unknown = UUID.randomUUID();
        assertThat(ApiCall.post(url("/api/followup/notifications/" + unknown + "/retry"),
                tokenFor(DemoUsers.RECEPTIONIST), "").status()).isEqualTo(404);
        assertThat(audit("userId=" + subjectOf(DemoUsers.RECEPTIONIST))).anySatisfy(r -> {
            assertThat(r.get("recordId").asString()).isEqualTo(unknown.toString());
            assertThat(r.get("action").asString()).isEqualTo("CHANGE");
        });
    }

    /** Forgetting is the risk: an endpoint added without {@code @Audited} fails here unless it shows no patient. */
    @Test
    void everyEndpointThatReachesPatientDataIsAudited() {
        var unaudited = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (var path : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    var endpoint = method + " " + path;
                    if (path.startsWith("/api/followup") && !handler.hasMethodAnnotation(Audited.class)
                            && !NOT_PATIENT_DATA.contains(endpoint)) {
                        unaudited.add(endpoint);
                    }
                }
            }
        });
        assertThat(unaudited).isEmpty();
    }

    private List<JsonNode> audit(String criteria) {
        var response = ApiCall.get(url("/api/followup/audit?size=200&" + criteria), tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("items").valueStream().toList();
    }

    private static String subjectOf(String user) {
        var payload = tokenFor(user).split("\\.")[1];
        return json.readTree(new String(java.util.Base64.getUrlDecoder().decode(payload),
                java.nio.charset.StandardCharsets.UTF_8)).get("sub").asString();
    }
}
