package org.clinicflow.booking.appointment;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four booking rules hold reception as they hold patients; reception goes past one only with a reason, which is
 * kept and audited; a patient never goes past one. Full consultations with Dr Ellis, whom no other test books, on
 * days of their own; every rule changed here is put back after each test.
 */
class BookingRuleLimitsIT extends BookingServiceIT {

    private static final UUID DR_ELLIS = UUID.fromString("c0000000-0000-4000-a000-000000000004");
    private static final String FULL = "FULL_CONSULTATION";
    private static final String AS_BEFORE = "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24}";
    /** Each test books on a day of its own, a week apart, so that none fills another's day. */
    private static int week = 3;
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    @AfterEach
    void putTheRulesBack() {
        var restored = setRules(FULL, AS_BEFORE);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    }

    @Test
    void receptionIsHeldByTheMinimumNoticeAndGoesPastItOnlyWithAReasonThatIsKeptAndAudited() {
        setRules(FULL, "{\"minimumNoticeHours\":720,\"changeCutoffHours\":24}");
        // Ten days ahead: well inside a notice of thirty days, and before the weeks the other tests use.
        var inside = firstTime(Instant.now().plus(Duration.ofDays(10)), true);

        var refused = bookWithEllis(inside, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(body(refused).at("/errors/0/field").asString()).isEqualTo("startsAt");
        assertThat(body(refused).at("/errors/0/detail").asString()).contains("minimum notice of 720 hours");
        assertThat(body(refused).at("/rules/0").asString()).isEqualTo("MINIMUM_NOTICE");
        assertThat(body(refused).get("overridable").asBoolean()).isTrue();
        assertThat(body(refused).get("hint").asString()).contains("overrideReason");

        var tooShort = bookWithEllis(inside, "ok");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(body(tooShort).at("/errors/0/field").asString()).isEqualTo("overrideReason");

        var booked = bookWithEllis(inside, "Acute pain; the surgeon asked to see her this week");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var id = UUID.fromString(body(booked).get("id").asString());
        var kept = jdbc.sql("select id, rule, action, reason, overridden_by from booking_rule_override"
                        + " where appointment_id = :id").param("id", id).query().listOfRows();
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst()).containsEntry("rule", "MINIMUM_NOTICE").containsEntry("action", "BOOKED")
                .containsEntry("reason", "Acute pain; the surgeon asked to see her this week");
        assertThat(jdbc.sql("""
                        select count(*) from audit_record where record_type = 'booking-rule-override'
                          and record_id = :row and :patient = any(patient_ids) and 'receptionist' = any(user_roles)
                          and user_id = :by and operation like '%MINIMUM_NOTICE%' and operation like :appointment""")
                .param("row", String.valueOf(kept.getFirst().get("id"))).param("patient", DemoUsers.PATIENT_ID)
                .param("by", kept.getFirst().get("overridden_by")).param("appointment", "%" + id + "%")
                .query(Long.class).single()).isEqualTo(1);

        // What the desk is offered by default keeps the rules: nothing inside the notice.
        var offered = ApiCall.get(url("/api/booking/availability?appointmentType=" + FULL + "&clinicianId="
                + DR_ELLIS + "&limit=1"), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(offered.status()).isEqualTo(200);
        body(offered).valueStream().forEach(slot -> assertThat(OffsetDateTime.parse(slot.get("startsAt").asString())
                .toInstant()).isAfterOrEqualTo(Instant.now().plus(Duration.ofHours(719))));
    }

    @Test
    void aBufferKeepsReceptionAwayFromTheCliniciansOtherAppointmentsUnlessOverridden() {
        setRules(FULL, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24,\"bufferMinutes\":30}");
        var first = firstTime(morningOfWeek(week++), false);
        assertThat(bookWithEllis(first, null).status()).isEqualTo(201);
        var straightAfter = first.plusMinutes(30);

        var refused = bookWithEllis(straightAfter, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(body(refused).at("/rules/0").asString()).isEqualTo("BUFFER");
        assertThat(body(refused).at("/errors/0/field").asString()).isEqualTo("startsAt");
        assertThat(body(refused).at("/errors/0/detail").asString()).contains("30 minutes");

        // The search offers nothing inside the buffer: the next time it gives is a clear half hour on.
        var offered = firstTime(first.toInstant(), false);
        assertThat(offered).isAfterOrEqualTo(first.plusMinutes(60));

        var booked = bookWithEllis(straightAfter, "Only time the patient's carer can bring her");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(overridden(body(booked))).isEqualTo("BUFFER");
    }

    @Test
    void aMaximumPerDayCountsTheCliniciansLiveAppointmentsOfTheTypeThatDay() {
        setRules(FULL, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24,\"maximumPerDay\":1}");
        var first = firstTime(morningOfWeek(week++), false);
        var booked = bookWithEllis(first, null);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var sameDay = first.plusHours(2);

        var refused = bookWithEllis(sameDay, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(body(refused).at("/rules/0").asString()).isEqualTo("MAXIMUM_PER_DAY");
        assertThat(body(refused).get("overridable").asBoolean()).isTrue();
        // Nor is the day offered any more.
        assertThat(firstTime(first.toInstant(), false).toLocalDate()).isAfter(first.toLocalDate());

        // A cancelled appointment does not count.
        var cancelled = ApiCall.send("POST", url("/api/booking/appointments/" + body(booked).get("id").asString()
                        + "/cancel"), tokenFor(DemoUsers.RECEPTIONIST), "{\"reason\":\"Patient rang to cancel\"}",
                Map.of("If-Match", "\"" + body(booked).get("version").asLong() + "\""));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(bookWithEllis(sameDay, null).status()).isEqualTo(201);
    }

    @Test
    void receptionistsRacingForTheLastPlaceOfADayGiveExactlyOneBooking() throws Exception {
        setRules(FULL, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24,\"maximumPerDay\":1}");
        var first = firstTime(morningOfWeek(week++), false);
        int racers = 6;
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<ApiCall.Response>>();
        for (int i = 0; i < racers; i++) {
            var startsAt = first.plusMinutes(30L * i); // six different times of one morning
            tasks.add(() -> bookWithEllis(startsAt, null));
        }
        var statuses = new java.util.ArrayList<Integer>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(racers)) {
            for (var result : pool.invokeAll(tasks)) {
                statuses.add(result.get().status());
            }
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(racers - 1);
    }

    @Test
    void insideTheCutoffReceptionMovesOrCancelsOnlyWithAReasonAndAPatientNotAtAll() {
        var startsAt = firstTime(morningOfWeek(week++), false);
        var booked = body(bookWithEllis(startsAt, null));
        var id = booked.get("id").asString();
        var etag = Map.of("If-Match", "\"" + booked.get("version").asLong() + "\"");
        wallClock.moveTo(startsAt.minusHours(3).toInstant());

        // The patient: the plain 409 of the cutoff, whatever they send.
        var patientCancel = ApiCall.send("POST", url("/api/booking/my-appointments/" + id + "/cancel"),
                tokenFor(DemoUsers.PATIENT), "{\"overrideReason\":\"I really must cancel now\"}", etag);
        assertThat(patientCancel.status()).isEqualTo(409);
        assertThat(body(patientCancel).has("overridable")).isFalse();
        var patientMove = ApiCall.send("POST", url("/api/booking/my-appointments/" + id + "/reschedule"),
                tokenFor(DemoUsers.PATIENT), "{\"startsAt\":\"" + startsAt.plusDays(1)
                        + "\",\"overrideReason\":\"I really must move it\"}", etag);
        assertThat(patientMove.status()).isEqualTo(409);

        var move = ApiCall.send("POST", url("/api/booking/appointments/" + id + "/reschedule"),
                tokenFor(DemoUsers.RECEPTIONIST), "{\"startsAt\":\"" + startsAt.plusHours(1) + "\"}", etag);
        assertThat(move.status()).as(move.body()).isEqualTo(422);
        assertThat(body(move).at("/rules/0").asString()).isEqualTo("CHANGE_CUTOFF");
        var cancel = ApiCall.send("POST", url("/api/booking/appointments/" + id + "/cancel"),
                tokenFor(DemoUsers.RECEPTIONIST), "{\"reason\":\"Patient unwell\"}", etag);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(422);
        assertThat(body(cancel).at("/errors/0/field").asString()).isEqualTo("overrideReason");
        assertThat(body(cancel).at("/rules/0").asString()).isEqualTo("CHANGE_CUTOFF");

        var cancelled = ApiCall.send("POST", url("/api/booking/appointments/" + id + "/cancel"),
                tokenFor(DemoUsers.RECEPTIONIST),
                "{\"reason\":\"Patient unwell\",\"overrideReason\":\"Admitted to hospital overnight\"}", etag);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(body(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from booking_rule_override where appointment_id = :id"
                        + " and action = 'CANCELLED' and rule = 'CHANGE_CUTOFF'")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void clinicAdminSetsTheBufferAndMaximumWithinTheirRangesAndNobodyElseMay() {
        assertThat(setRules(FULL, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24,\"bufferMinutes\":10}",
                DemoUsers.RECEPTIONIST).status()).isEqualTo(403);
        var wrong = setRules(FULL, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24,\"bufferMinutes\":121,"
                + "\"maximumPerDay\":0}");
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
        assertThat(body(wrong).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("bufferMinutes", "maximumPerDay");
        var tooMany = setRules(FULL, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24,\"maximumPerDay\":101}");
        assertThat(tooMany.status()).isEqualTo(422);
        var notANumber = setRules(FULL, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24,\"bufferMinutes\":\"x\"}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(body(notANumber).at("/errors/0/field").asString()).isEqualTo("bufferMinutes");

        var changed = setRules(FULL, "{\"minimumNoticeHours\":2,\"changeCutoffHours\":24,\"bufferMinutes\":15,"
                + "\"maximumPerDay\":8}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(body(changed).get("bufferMinutes").asLong()).isEqualTo(15);
        assertThat(body(changed).get("maximumPerDay").asInt()).isEqualTo(8);
        var read = body(ApiCall.get(url("/api/booking/booking-rules"), tokenFor(DemoUsers.RECEPTIONIST)));
        var full = read.valueStream().filter(r -> r.get("appointmentType").asString().equals(FULL)).findFirst()
                .orElseThrow();
        assertThat(full.get("bufferMinutes").asLong()).isEqualTo(15);
        // The other types keep today's behaviour: no buffer, no maximum.
        var free = read.valueStream().filter(r -> r.get("appointmentType").asString().equals("FREE_CONSULTATION"))
                .findFirst().orElseThrow();
        assertThat(free.get("bufferMinutes").asLong()).isZero();
        assertThat(free.get("maximumPerDay").isNull()).isTrue();
    }

    /**
     * Six in the morning, clinic time, some weeks ahead: before Dr Ellis's 08:00-12:00 clinic, so that the tests'
     * later times of the same morning stay inside it whatever time of day the suite runs, and after the night
     * sessions that AvailabilityIT adds on the clock-change days.
     */
    private static Instant morningOfWeek(int weeks) {
        return LocalDate.now(CLINIC).plusWeeks(weeks).atTime(6, 0).atZone(CLINIC).toInstant();
    }

    private OffsetDateTime firstTime(Instant from, boolean insideRules) {
        var response = ApiCall.get(url("/api/booking/availability?appointmentType=" + FULL + "&clinicianId="
                + DR_ELLIS + "&limit=1&insideRules=" + insideRules + "&from=" + from), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return OffsetDateTime.parse(body(response).get(0).get("startsAt").asString());
    }

    private ApiCall.Response bookWithEllis(OffsetDateTime startsAt, String overrideReason) {
        var json = overrideReason == null ? bookingJson(DemoUsers.PATIENT_ID, DR_ELLIS, FULL, startsAt)
                : """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"%s","startsAt":"%s","overrideReason":"%s"}
                """.formatted(DemoUsers.PATIENT_ID, DR_ELLIS, FULL, startsAt, overrideReason);
        return ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST), json);
    }

    private String overridden(JsonNode appointment) {
        return jdbc.sql("select string_agg(rule, ',' order by id) from booking_rule_override where appointment_id = :id")
                .param("id", UUID.fromString(appointment.get("id").asString())).query(String.class).single();
    }

    private ApiCall.Response setRules(String type, String json) {
        return setRules(type, json, DemoUsers.CLINIC_ADMIN);
    }

    private ApiCall.Response setRules(String type, String json, String user) {
        return ApiCall.send("PUT", url("/api/booking/booking-rules/" + type), tokenFor(user), json, Map.of());
    }
}
