package org.clinicflow.systemtests;

import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix of docs/security.md, from the refusing side: every role that must not reach an endpoint is answered
 * 403 by the service itself (called straight, not through the gateway), with a well-formed request, so that nothing
 * but the role decides. Then the patient- and clinician-scoped endpoints with someone else's ids: 404 or 403, never
 * their data. The matrix checked is printed at the end.
 */
class RoleMatrixIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final List<String> ROLES = List.of(DemoUsers.RECEPTIONIST, DemoUsers.SURGEON, DemoUsers.PATIENT,
            DemoUsers.CONTENT_EDITOR, DemoUsers.CLINIC_ADMIN);
    private static final String R = DemoUsers.RECEPTIONIST;
    private static final String S = DemoUsers.SURGEON;
    private static final String P = DemoUsers.PATIENT;
    private static final String E = DemoUsers.CONTENT_EDITOR;
    private static final String A = DemoUsers.CLINIC_ADMIN;
    private static final String SLOT = "2031-01-07T10:00:00Z";
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();

    private static ClinicInfrastructure infrastructure;
    private static ClinicSystem system;
    /** Pat Demo's appointment with Mr Reid, booked for these tests. */
    private static String appointmentId;

    record Check(String method, String path, String body, Set<String> refused) {
        String service() {
            return path.split("/")[2];
        }
    }

    @BeforeAll
    static void bookAnAppointmentForPat() {
        infrastructure = ClinicInfrastructure.shared();
        system = RunningSystem.shared();
        var slots = ApiCall.get(url("booking") + "/api/booking/availability?appointmentType=FREE_CONSULTATION"
                + "&clinicianId=" + DemoUsers.SURGEON_CLINICIAN_ID + "&limit=1&from="
                + Instant.now().plus(Duration.ofDays(9)), token(R));
        var startsAt = OffsetDateTime.parse(json.readTree(slots.body()).get(0).get("startsAt").asString());
        var booked = ApiCall.post(url("booking") + "/api/booking/appointments", token(R), """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"}
                """.formatted(DemoUsers.PATIENT_ID, DemoUsers.SURGEON_CLINICIAN_ID, startsAt));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        appointmentId = json.readTree(booked.body()).get("id").asString();
    }

    @Test
    void everyRoleThatMustNotReachAnEndpointIsRefusedByTheServiceItself() {
        var wrong = new ArrayList<String>();
        for (var check : checks()) {
            for (var role : check.refused()) {
                var status = ApiCall.send(check.method(), url(check.service()) + check.path(), token(role),
                        check.body(), Map.of()).status();
                matrix.computeIfAbsent(check.method() + " " + check.path(), k -> new LinkedHashMap<>())
                        .put(role, status);
                if (status != 403) {
                    wrong.add(role + " " + check.method() + " " + check.path() + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherPatientsIdsAndAnotherSurgeonsListsGiveNothingAway() {
        var booking = url("booking");
        var paula = token(DemoUsers.OTHER_PATIENT);
        var sue = token(DemoUsers.OTHER_SURGEON);
        var attempts = new LinkedHashMap<String, ApiCall.Response>();
        attempts.put("paula GET pat's appointment", ApiCall.get(booking + "/api/booking/appointments/"
                + appointmentId, paula));
        attempts.put("paula GET pat's record", ApiCall.get(booking + "/api/booking/patients/"
                + DemoUsers.PATIENT_ID, paula));
        attempts.put("sue GET Mr Reid's appointment", ApiCall.get(booking + "/api/booking/appointments/"
                + appointmentId, sue));
        attempts.put("sue GET its history", ApiCall.get(booking + "/api/booking/appointments/" + appointmentId
                + "/history", sue));
        attempts.put("sue GET Mr Reid's clinic list", ApiCall.get(booking + "/api/booking/clinicians/"
                + DemoUsers.SURGEON_CLINICIAN_ID + "/lists/CLINIC?date=" + java.time.LocalDate.now(), sue));
        attempts.forEach((what, response) -> {
            matrix.computeIfAbsent(what, k -> new LinkedHashMap<>()).put("other", response.status());
            assertThat(response.status()).as(what).isIn(403, 404);
            // Nothing of the record: no fields, no times, no names (the id the caller sent may be echoed back).
            assertThat(response.body()).as(what).doesNotContain("givenName", "dateOfBirth", "startsAt",
                    "patientName", "Pat Demo");
            if (!what.contains("record")) {
                assertThat(response.body()).as(what).doesNotContain(DemoUsers.PATIENT_ID.toString());
            }
        });
        // What a patient lists as "mine" holds only their own.
        var paulasAppointments = ApiCall.get(booking + "/api/booking/appointments/mine", paula);
        assertThat(paulasAppointments.status()).isEqualTo(200);
        assertThat(paulasAppointments.body()).doesNotContain(appointmentId, DemoUsers.PATIENT_ID.toString());
        var paulasReminders = ApiCall.get(url("followup") + "/api/followup/reminders/mine", paula);
        assertThat(paulasReminders.status()).isEqualTo(200);
        assertThat(paulasReminders.body()).doesNotContain(appointmentId);
        // And the owner does reach it: the refusals above are about whose it is.
        assertThat(ApiCall.get(booking + "/api/booking/appointments/" + appointmentId, token(P)).status())
                .isEqualTo(200);
    }

    @AfterAll
    static void printTheMatrix() {
        var out = new StringBuilder("\nRole matrix, refusing side (403 expected; 'other' = someone else's ids, "
                + "403 or 404 expected):\n").append(String.format("%-100s", "endpoint"));
        var columns = new ArrayList<>(ROLES);
        columns.add("other");
        columns.forEach(c -> out.append(String.format("%-16s", c)));
        out.append('\n');
        matrix.forEach((endpoint, results) -> {
            out.append(String.format("%-100s", endpoint));
            columns.forEach(c -> out.append(String.format("%-16s",
                    results.containsKey(c) ? results.get(c).toString() : "·")));
            out.append('\n');
        });
        System.out.println(out);
    }

    private static List<Check> checks() {
        var patient = DemoUsers.PATIENT_ID;
        var clinician = DemoUsers.SURGEON_CLINICIAN_ID;
        var appointment = "/api/booking/appointments/" + appointmentId;
        var anyId = UUID.randomUUID();
        var booking = """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"%s}""";
        var treatment = "/api/content/treatments/balloon-kyphoplasty";
        return List.of(
                new Check("POST", "/api/booking/patients", """
                        {"givenName":"Role","familyName":"Check","dateOfBirth":"1950-01-01","emailConsent":false,
                         "smsConsent":false}""", Set.of(S, P, E)),
                new Check("PUT", "/api/booking/patients/" + patient + "/contact",
                        "{\"emailConsent\":false,\"smsConsent\":false}", Set.of(S, P, E)),
                new Check("GET", "/api/booking/patients/" + patient, null, Set.of(E)),
                new Check("POST", "/api/booking/holds", """
                        {"clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s"}"""
                        .formatted(clinician, SLOT), Set.of(S, P, E)),
                new Check("POST", "/api/booking/appointments", booking.formatted(patient, clinician, SLOT, ""),
                        Set.of(S, P, E)),
                new Check("POST", "/api/booking/appointments/overbook",
                        booking.formatted(patient, clinician, SLOT, ",\"reason\":\"role check\""),
                        Set.of(R, S, P, E)),
                new Check("POST", appointment + "/reschedule", "{\"startsAt\":\"" + SLOT + "\"}", Set.of(S, P, E)),
                new Check("POST", appointment + "/cancel", "{\"reason\":\"role check\"}", Set.of(S, P, E)),
                new Check("POST", appointment + "/check-in", null, Set.of(S, P, E)),
                new Check("POST", appointment + "/no-show", "{}", Set.of(S, P, E)),
                new Check("POST", appointment + "/complete", null, Set.of(P, E)),
                new Check("GET", appointment + "/history", null, Set.of(P, E)),
                new Check("GET", "/api/booking/appointments/mine", null, Set.of(R, S, E, A)),
                new Check("GET", "/api/booking/my-appointments", null, Set.of(R, S, E, A)),
                new Check("POST", "/api/booking/my-appointments/" + appointmentId + "/waitlist", null,
                        Set.of(R, S, E, A)),
                new Check("GET", "/api/booking/waitlist", null, Set.of(S, P, E)),
                new Check("POST", "/api/booking/appointments/" + appointmentId + "/waitlist", null, Set.of(S, P, E)),
                new Check("DELETE", "/api/booking/appointments/" + appointmentId + "/waitlist", null,
                        Set.of(S, P, E)),
                new Check("GET", "/api/booking/booking-rules", null, Set.of(S, P, E)),
                new Check("PUT", "/api/booking/booking-rules/FULL_CONSULTATION",
                        "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24}", Set.of(R, S, P, E)),
                // The buffer and maximum are set by clinic admin alone, like the other rules.
                new Check("PUT", "/api/booking/booking-rules/FREE_CONSULTATION", """
                        {"minimumNoticeHours":1,"changeCutoffHours":4,"bufferMinutes":0,"maximumPerDay":null}""",
                        Set.of(R, S, P, E)),
                // Going past a booking rule with a reason is for the staff who book; nobody else gets that far.
                new Check("POST", "/api/booking/appointments", booking.formatted(patient, clinician, SLOT,
                        ",\"overrideReason\":\"role check override\""), Set.of(S, P, E)),
                new Check("POST", appointment + "/reschedule", "{\"startsAt\":\"" + SLOT
                        + "\",\"overrideReason\":\"role check override\"}", Set.of(S, P, E)),
                new Check("POST", appointment + "/cancel",
                        "{\"reason\":\"role check\",\"overrideReason\":\"role check override\"}",
                        Set.of(S, P, E)),
                new Check("GET", "/api/booking/availability?appointmentType=FREE_CONSULTATION&insideRules=true", null,
                        Set.of(S, P, E)),
                new Check("POST", "/api/booking/enquiries/" + java.util.UUID.randomUUID() + "/call-back",
                        "{\"note\":\"role check\",\"appointmentNeeded\":true}", Set.of(S, P, E)),
                new Check("POST", appointment + "/procedure", """
                        {"treatment":"BALLOON_KYPHOPLASTY","vertebralLevels":["L1"],"performedOn":"2026-01-05"}""",
                        Set.of(R, P, E, A)),
                new Check("GET", "/api/booking/clinicians/" + clinician + "/lists/CLINIC?date=2031-01-07", null,
                        Set.of(P, E)),
                new Check("GET", "/api/booking/diary?date=2031-01-07&clinicianId=" + clinician, null,
                        Set.of(S, P, E)),
                new Check("GET", appointment + "/procedure-plan", null, Set.of(P, E)),
                new Check("PUT", appointment + "/procedure-plan",
                        "{\"treatment\":\"VERTEBROPLASTY\",\"vertebralLevels\":[\"L1\"]}", Set.of(P, E)),
                new Check("GET", "/api/booking/availability?appointmentType=FREE_CONSULTATION", null,
                        Set.of(S, P, E)),
                new Check("GET", "/api/booking/clinicians", null, Set.of(P, E)),
                new Check("GET", "/api/booking/sites", null, Set.of(P, E)),
                new Check("POST", "/api/booking/enquiries", "{\"channel\":\"PHONE\"}", Set.of(S, P, E)),
                new Check("GET", "/api/booking/enquiries/" + anyId, null, Set.of(S, P, E)),
                new Check("GET", "/api/booking/enquiries/" + anyId + "/earliest-slots", null, Set.of(S, P, E)),
                new Check("GET", "/api/booking/reports/access?from=2026-01-01&to=2026-02-01", null, Set.of(S, P, E)),
                new Check("GET", "/api/booking/review-requests", null, Set.of(S, P, E)),
                new Check("GET", "/api/booking/audit", null, Set.of(R, S, P, E)),
                new Check("GET", "/api/booking/patients?nhsNumber=9434765919", null, Set.of(S, P, E)),
                new Check("GET", "/api/booking/patients/" + patient + "/appointments", null, Set.of(S, P, E)),
                new Check("GET", "/api/booking/patients/" + patient + "/account", null, Set.of(S, P, E)),
                new Check("POST", "/api/booking/patients/" + patient + "/account/invitation", null, Set.of(S, P, E)),
                new Check("POST", "/api/booking/patients/" + patient + "/account/disable", null, Set.of(S, P, E)),
                new Check("POST", "/api/booking/patients/" + patient + "/account/enable", null, Set.of(S, P, E)),
                new Check("GET", "/api/booking/enquiries/awaiting-booking", null, Set.of(S, P, E)),
                new Check("POST", "/api/booking/clinicians",
                        "{\"displayName\":\"Role check\",\"profession\":\"SURGEON\",\"specialty\":\"Spine\"}",
                        Set.of(R, S, P, E)),
                new Check("GET", "/api/booking/clinicians/" + clinician, null, Set.of(P, E)),
                new Check("PUT", "/api/booking/clinicians/" + clinician,
                        "{\"displayName\":\"Role check\",\"specialty\":\"Spine\",\"active\":true}",
                        Set.of(R, S, P, E)),
                new Check("POST", "/api/booking/sites",
                        "{\"name\":\"Role check\",\"address\":\"Nowhere\",\"rooms\":[]}", Set.of(R, S, P, E)),
                new Check("GET", "/api/booking/sites/" + anyId, null, Set.of(P, E)),
                new Check("POST", "/api/booking/sites/" + anyId + "/rooms", "{\"name\":\"Role check\"}",
                        Set.of(R, S, P, E)),
                new Check("GET", "/api/booking/clinicians/" + clinician + "/session-templates", null, Set.of(P, E)),
                new Check("POST", "/api/booking/clinicians/" + clinician + "/session-templates", """
                        {"siteId":"%s","dayOfWeek":"SUNDAY","startsAt":"09:00","endsAt":"10:00","kind":"CLINIC",
                         "validFrom":"2031-01-05"}""".formatted(anyId), Set.of(R, S, P, E)),
                new Check("POST", "/api/booking/session-templates/" + anyId + "/end", "{\"lastDate\":\"2031-01-05\"}",
                        Set.of(R, S, P, E)),
                new Check("GET", "/api/booking/session-exceptions?from=2031-01-01&to=2031-01-31", null, Set.of(P, E)),
                new Check("POST", "/api/booking/session-exceptions",
                        "{\"change\":\"CANCELLED\",\"onDate\":\"2031-01-06\",\"reason\":\"Role check\"}",
                        Set.of(R, S, P, E)),
                new Check("DELETE", "/api/booking/session-exceptions/" + anyId, null, Set.of(R, S, P, E)),
                new Check("POST", "/api/content/treatments",
                        "{\"slug\":\"role-check\",\"title\":\"Role check\",\"summary\":\"Role check\"}", Set.of(R, P)),
                new Check("POST", treatment + "/versions", "{\"title\":\"Role check\",\"summary\":\"Role check\"}",
                        Set.of(R, P)),
                new Check("GET", treatment + "/versions", null, Set.of(R, P)),
                new Check("GET", treatment + "/versions/1", null, Set.of(R, P)),
                new Check("PUT", treatment + "/versions/1", "{\"title\":\"Role check\",\"summary\":\"Role check\"}",
                        Set.of(R, P)),
                new Check("POST", treatment + "/versions/1/submission", null, Set.of(R, P)),
                new Check("POST", treatment + "/versions/1/approval", null, Set.of(R, P, E, A)),
                new Check("POST", treatment + "/versions/1/return", "{\"comment\":\"Role check\"}",
                        Set.of(R, P, E, A)),
                new Check("POST", treatment + "/versions/1/publication", "{}", Set.of(R, S, P)),
                new Check("POST", treatment + "/versions/1/discard", "{\"reason\":\"Role check\"}", Set.of(R, P)),
                new Check("GET", "/api/content/drafts", null, Set.of(R, P)),
                new Check("GET", "/api/content/review-due", null, Set.of(R, P)),
                new Check("GET", "/api/followup/reminders/mine", null, Set.of(R, S, E, A)),
                new Check("GET", "/api/followup/notifications/mine", null, Set.of(R, S, E, A)),
                new Check("GET", "/api/followup/follow-ups/mine", null, Set.of(R, S, E, A)),
                new Check("GET", "/api/followup/contact-preferences/mine", null, Set.of(R, S, E, A)),
                new Check("PUT", "/api/followup/contact-preferences/mine",
                        "{\"emailOptOut\":false,\"smsOptOut\":false}", Set.of(R, S, E, A)),
                new Check("GET", "/api/followup/worklist", null, Set.of(P, E)),
                new Check("GET", "/api/followup/tasks/" + anyId, null, Set.of(P, E)),
                new Check("POST", "/api/followup/tasks/" + anyId + "/sent", null, Set.of(S, P, E)),
                new Check("POST", "/api/followup/notifications/" + anyId + "/retry", null, Set.of(S, P, E)),
                new Check("GET", "/api/followup/pathways", null, Set.of(P, E)),
                new Check("GET", "/api/followup/pathways/BALLOON_KYPHOPLASTY", null, Set.of(P, E)),
                new Check("GET", "/api/followup/audit", null, Set.of(R, S, P, E)));
    }

    private static String url(String service) {
        var ports = system.ports();
        return "http://localhost:" + switch (service) {
            case "booking" -> ports.booking();
            case "content" -> ports.content();
            case "followup" -> ports.followup();
            default -> throw new IllegalArgumentException(service);
        };
    }

    private static String token(String user) {
        return tokens.computeIfAbsent(user, u -> DemoUsers.accessToken(infrastructure.keycloakIssuerUri(), u));
    }
}
