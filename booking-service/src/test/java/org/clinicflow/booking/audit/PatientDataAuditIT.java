package org.clinicflow.booking.audit;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.clinicflow.platform.audit.Audited;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every read and change of patient data leaves an audit record, refused attempts included; clinic admins (and only
 * they) query the trail; nothing, not even the service's own database role, can alter it.
 */
class PatientDataAuditIT extends BookingServiceIT {

    /** Endpoints that show no patient's data: the clinic's own set-up and an anonymous weekly count. */
    private static final Set<String> NOT_PATIENT_DATA = Set.of(
            "GET /api/booking/availability", "GET /api/booking/clinicians", "GET /api/booking/sites",
            "GET /api/booking/reports/access",
            // The rules for patients' own changes, per type of appointment (the change of one is audited).
            "GET /api/booking/booking-rules",
            // The diary's administration: clinicians, sites and working patterns, no patient in them.
            "POST /api/booking/clinicians", "GET /api/booking/clinicians/{id}", "PUT /api/booking/clinicians/{id}",
            "POST /api/booking/sites", "GET /api/booking/sites/{id}", "POST /api/booking/sites/{id}/rooms",
            "GET /api/booking/clinicians/{clinicianId}/session-templates",
            "POST /api/booking/clinicians/{clinicianId}/session-templates",
            "POST /api/booking/session-templates/{id}/end", "GET /api/booking/session-exceptions",
            "POST /api/booking/session-exceptions", "DELETE /api/booking/session-exceptions/{id}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aBookingAndItsReadsAreRecordedWithWhoWhatWhenAndWhere() {
        var before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        var booked = ApiCall.send("POST", url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST),
                bookingJson(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, "FREE_CONSULTATION", nextSlot()),
                Map.of());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        // The correlation id answered is the request's trace id (ADR 22).
        var correlationId = booked.header("X-Correlation-Id");
        assertThat(correlationId).matches("[0-9a-f]{32}");
        var appointmentId = body(booked).get("id").asString();

        var created = single("create", appointmentId);
        assertThat(created.get("userId").asString()).isEqualTo(subjectOf(DemoUsers.RECEPTIONIST));
        assertThat(created.get("userRoles").valueStream().map(JsonNode::asString)).contains("receptionist");
        assertThat(created.get("recordType").asString()).isEqualTo("appointment");
        assertThat(created.get("patientIds").valueStream().map(JsonNode::asString))
                .containsExactly(DemoUsers.PATIENT_ID.toString());
        assertThat(created.get("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(created.get("httpStatus").asInt()).isEqualTo(201);
        assertThat(created.get("operation").asString()).isEqualTo("POST /api/booking/appointments");
        assertThat(created.get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(created.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(OffsetDateTime.parse(created.get("recordedAt").asString())).isAfter(before);
        // The event the booking published names the same trace, and keeps the traceparent its relay sends it in.
        assertThat(jdbc.sql("select payload ->> 'correlationid' from outbox_event where record_key = :id")
                .param("id", appointmentId).query(String.class).single()).isEqualTo(correlationId);
        assertThat(jdbc.sql("select trace_parent from outbox_event where record_key = :id")
                .param("id", appointmentId).query(String.class).single())
                .matches("00-" + correlationId + "-[0-9a-f]{16}-0[01]");

        assertThat(ApiCall.get(url("/api/booking/appointments/" + appointmentId), tokenFor(DemoUsers.PATIENT))
                .status()).isEqualTo(200);
        var read = single("read", appointmentId);
        assertThat(read.get("userId").asString()).isEqualTo(subjectOf(DemoUsers.PATIENT));
        assertThat(read.get("action").asString()).isEqualTo("READ");
        assertThat(read.get("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(read.get("patientIds").get(0).asString()).isEqualTo(DemoUsers.PATIENT_ID.toString());
    }

    @Test
    void aPatientReachingForAnotherPatientsAppointmentIsAnsweredNotFoundAndRecordedAsRefused() {
        var appointmentId = body(book(DemoUsers.PATIENT_ID, nextSlot())).get("id").asString();

        var attempt = ApiCall.get(url("/api/booking/appointments/" + appointmentId),
                tokenFor(DemoUsers.OTHER_PATIENT));
        assertThat(attempt.status()).isEqualTo(404);
        assertThat(attempt.body()).doesNotContain(DemoUsers.PATIENT_ID.toString());

        var refused = single("read", appointmentId);
        assertThat(refused.get("userId").asString()).isEqualTo(subjectOf(DemoUsers.OTHER_PATIENT));
        assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("httpStatus").asInt()).isEqualTo(404);
        // Recorded against the patient whose appointment it was: their trail shows who tried.
        assertThat(refused.get("patientIds").get(0).asString()).isEqualTo(DemoUsers.PATIENT_ID.toString());

        var otherRecord = ApiCall.get(url("/api/booking/patients/" + DemoUsers.PATIENT_ID),
                tokenFor(DemoUsers.OTHER_PATIENT));
        assertThat(otherRecord.status()).isEqualTo(404);
        var patientRefusal = query("patientId=" + DemoUsers.PATIENT_ID + "&userId="
                + subjectOf(DemoUsers.OTHER_PATIENT)).valueStream()
                .filter(r -> r.get("recordType").asString().equals("patient")).toList();
        assertThat(patientRefusal).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("outcome").asString()).isEqualTo("REFUSED"));
    }

    @Test
    void aSurgeonsAttemptToBookIsRefusedRolledBackAndRecorded() {
        var startsAt = nextSlot();
        var attempt = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.SURGEON),
                bookingJson(DemoUsers.OTHER_PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, "FREE_CONSULTATION",
                        startsAt));
        assertThat(attempt.status()).isEqualTo(403);
        assertThat(attempt.contentType()).startsWith("application/problem+json");

        var refusals = query("userId=" + subjectOf(DemoUsers.SURGEON) + "&patientId=" + DemoUsers.OTHER_PATIENT_ID)
                .valueStream().filter(r -> r.get("operation").asString().equals("POST /api/booking/appointments"))
                .toList();
        assertThat(refusals).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(r.get("httpStatus").asInt()).isEqualTo(403);
            assertThat(r.get("userRoles").valueStream().map(JsonNode::asString)).contains("surgeon");
        });
        // The slot is still free: the refused attempt changed nothing but the trail.
        assertThat(book(DemoUsers.OTHER_PATIENT_ID, startsAt).status()).isEqualTo(201);
    }

    @Test
    void aChangeThatFailsIsRecordedAsFailedAndLeavesTheAppointmentAsItWas() {
        var booked = book(DemoUsers.PATIENT_ID, nextSlot());
        var appointmentId = body(booked).get("id").asString();
        var stale = ApiCall.send("POST", url("/api/booking/appointments/" + appointmentId + "/cancel"),
                tokenFor(DemoUsers.RECEPTIONIST), "{\"reason\":\"patient rang\"}", Map.of("If-Match", "\"99\""));
        assertThat(stale.status()).isEqualTo(412);

        var failed = query("patientId=" + DemoUsers.PATIENT_ID).valueStream()
                .filter(r -> appointmentId.equals(r.get("recordId").asString()))
                .filter(r -> r.get("action").asString().equals("CHANGE")).toList();
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(r.get("httpStatus").asInt()).isEqualTo(412);
        });
        assertThat(jdbc.sql("select status from appointment where id = cast(:id as uuid)").param("id", appointmentId)
                .query(String.class).single()).isEqualTo("BOOKED");
    }

    @Test
    void onlyClinicAdminsQueryTheTrailAndTheirQueriesAreRecordedToo() {
        var receptionist = ApiCall.get(url("/api/booking/audit?patientId=" + DemoUsers.PATIENT_ID),
                tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(receptionist.status()).isEqualTo(403);
        for (var user : List.of(DemoUsers.SURGEON, DemoUsers.PATIENT, DemoUsers.CONTENT_EDITOR)) {
            assertThat(ApiCall.get(url("/api/booking/audit"), tokenFor(user)).status()).as(user).isEqualTo(403);
        }
        assertThat(ApiCall.get(url("/api/booking/audit"), null).status()).isEqualTo(401);

        var refusedQuery = query("userId=" + subjectOf(DemoUsers.RECEPTIONIST)).valueStream()
                .filter(r -> r.get("recordType").asString().equals("audit-record")).findFirst().orElseThrow();
        assertThat(refusedQuery.get("outcome").asString()).isEqualTo("REFUSED");

        var admin = subjectOf(DemoUsers.CLINIC_ADMIN);
        var ownQueries = query("userId=" + admin);
        assertThat(ownQueries.valueStream().map(r -> r.get("userId").asString())).containsOnly(admin);
        assertThat(ownQueries.valueStream().map(r -> r.get("recordType").asString())).contains("audit-record");
    }

    @Test
    void theTrailIsPagedAndFilteredByTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(ApiCall.get(url("/api/booking/patients/" + DemoUsers.OTHER_PATIENT_ID),
                    tokenFor(DemoUsers.RECEPTIONIST)).status()).isEqualTo(200);
        }
        // Reading the trail adds to it; a fixed end keeps the pages still while they are read.
        var until = OffsetDateTime.now(ZoneOffset.UTC);
        var criteria = "patientId=" + DemoUsers.OTHER_PATIENT_ID + "&to=" + until + "&size=2";
        var firstPage = ApiCall.get(url("/api/booking/audit?" + criteria + "&page=0"),
                tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(firstPage.status()).as(firstPage.body()).isEqualTo(200);
        assertThat(body(firstPage).get("items")).hasSize(2);
        assertThat(body(firstPage).get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        var secondPage = body(ApiCall.get(url("/api/booking/audit?" + criteria + "&page=1"),
                tokenFor(DemoUsers.CLINIC_ADMIN)));
        assertThat(secondPage.get("totalItems").asLong()).isEqualTo(body(firstPage).get("totalItems").asLong());
        assertThat(secondPage.get("items").get(0).get("id").asLong())
                .isLessThan(body(firstPage).get("items").get(1).get("id").asLong());

        var future = OffsetDateTime.now(ZoneOffset.UTC).plus(Duration.ofHours(1));
        assertThat(query("from=" + future).isEmpty()).isTrue();
        var backwards = ApiCall.get(url("/api/booking/audit?from=" + future + "&to=" + future.minusHours(2)),
                tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(ApiCall.get(url("/api/booking/audit?patientId=not-a-uuid"), tokenFor(DemoUsers.CLINIC_ADMIN))
                .status()).isEqualTo(400);
    }

    @Test
    void noRequestAndNoStatementCanChangeOrDeleteAnAuditRecord() {
        ApiCall.get(url("/api/booking/patients/" + DemoUsers.PATIENT_ID), tokenFor(DemoUsers.RECEPTIONIST));
        long count = jdbc.sql("select count(*) from audit_record").query(Long.class).single();
        long id = jdbc.sql("select max(id) from audit_record").query(Long.class).single();

        for (var method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            var response = ApiCall.send(method, url("/api/booking/audit"), tokenFor(DemoUsers.CLINIC_ADMIN),
                    "{\"outcome\":\"ALLOWED\"}", Map.of());
            assertThat(response.status()).as(method).isEqualTo(405);
            var byId = ApiCall.send(method, url("/api/booking/audit/" + id), tokenFor(DemoUsers.CLINIC_ADMIN),
                    "{\"outcome\":\"ALLOWED\"}", Map.of());
            assertThat(byId.status()).as(method + " by id").isIn(403, 404, 405);
        }
        assertThatThrownBy(() -> jdbc.sql("update audit_record set outcome = 'ALLOWED' where id = :id")
                .param("id", id).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record where id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("truncate audit_record").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("select count(*) from audit_record where id <= :id").param("id", id)
                .query(Long.class).single()).isEqualTo(count);
    }

    /** Forgetting is the risk: an endpoint added without {@code @Audited} fails here unless it shows no patient. */
    @Test
    void everyEndpointThatReachesPatientDataIsAudited() {
        var unaudited = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (var path : info.getPatternValues()) {
                if (!path.startsWith("/api/booking")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    var endpoint = method + " " + path;
                    if (!handler.hasMethodAnnotation(Audited.class) && !NOT_PATIENT_DATA.contains(endpoint)) {
                        unaudited.add(endpoint);
                    }
                }
            }
        });
        assertThat(unaudited).isEmpty();
        assertThat(mappings.getHandlerMethods().values()).filteredOn(h -> h.hasMethodAnnotation(Audited.class))
                .hasSizeGreaterThanOrEqualTo(18);
    }

    /** The one audit record of this action on this record; fails if there is none or more than one. */
    private JsonNode single(String action, String recordId) {
        var matching = query("").valueStream()
                .filter(r -> recordId.equals(r.get("recordId").asString()))
                .filter(r -> r.get("action").asString().equalsIgnoreCase(action))
                .toList();
        assertThat(matching).as("audit records of %s on %s", action, recordId).hasSize(1);
        return matching.getFirst();
    }

    private JsonNode query(String criteria) {
        var response = ApiCall.get(url("/api/booking/audit?size=200&" + criteria), tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return body(response).get("items");
    }

    /** The user id audit records hold: the token's subject, as Keycloak issued it. */
    private static String subjectOf(String user) {
        var payload = tokenFor(user).split("\\.")[1];
        var claims = json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        return claims.get("sub").asString();
    }
}
