package org.clinicflow.booking.enquiry;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class SelfReferralIT extends BookingServiceIT {

    private static final String CLEAR = """
            {"bladderOrBowel":false,"saddleNumbness":false,"legWeakness":false,"cancerHistory":false,
             "feverOrUnwell":false,"majorInjury":false}""";

    @Test
    void aClearScreeningStartsTheClockAndThePersonBooksOneOfTheEarliestConsultationsThemselves() {
        var before = OffsetDateTime.now().minusSeconds(1);
        var submitted = submit(UUID.randomUUID(), "Iris", CLEAR);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        var referral = body(submitted);
        assertThat(referral.get("urgent").asBoolean()).isFalse();
        var key = referral.get("accessKey").asString();
        assertThat(key).hasSizeGreaterThan(20);
        var deadline = OffsetDateTime.parse(referral.get("deadline").asString());
        assertThat(deadline).isBetween(before.plusHours(48), OffsetDateTime.now().plusHours(48));

        var enquiry = enquiryOf(referral);
        assertThat(enquiry.get("channel").asString()).isEqualTo("WEB");
        assertThat(jdbc.sql("""
                        select p.mobile_phone from patient p join enquiry e on e.patient_id = p.id
                        join self_referral r on r.enquiry_id = e.id where r.id = :id""")
                .param("id", UUID.fromString(id(referral))).query(String.class).single())
                .as("typed as 07700 900123").isEqualTo("+447700900123");
        assertThat(awaitingBooking()).contains(enquiry.get("id").asString());
        assertThat(enquiry.get("selfReferralReason").asString()).isEqualTo("Sudden back pain after lifting");

        var slots = body(ApiCall.send("GET", url("/api/booking/self-referrals/" + id(referral) + "/earliest-slots"),
                null, null, Map.of("X-Referral-Key", key)));
        assertThat(slots.size()).isGreaterThan(0);
        var slot = slots.get(0);
        assertThat(slot.get("clinicianName").asString()).isNotBlank();
        assertThat(slot.get("siteAddress").asString()).isNotBlank();
        assertThat(slot.properties().stream().map(Map.Entry::getKey).toList())
                .as("a public slot names nobody's booking").doesNotContain("patientId", "appointmentId");

        var booked = bookSlot(referral, key, slot);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(body(booked).at("/appointment/startsAt").asString()).isEqualTo(slot.get("startsAt").asString());
        assertThat(body(booked).at("/appointment/siteName").asString()).isEqualTo(slot.get("siteName").asString());
        assertThat(enquiryOf(referral).get("booked").asBoolean()).isTrue();
        assertThat(awaitingBooking()).doesNotContain(enquiry.get("id").asString());
        var bookedBy = jdbc.sql("""
                        select c.changed_by_name from appointment_change c join enquiry e on e.appointment_id =
                        c.appointment_id where e.id = :id""")
                .param("id", UUID.fromString(enquiry.get("id").asString())).query(String.class).single();
        assertThat(bookedBy).isEqualTo("The patient, online");

        var patientId = UUID.fromString(enquiry.get("patientId").asString());
        assertThat(jdbc.sql("""
                        select record_type from audit_record where :patient = any(patient_ids)
                        order by id""")
                .param("patient", patientId).query(String.class).list())
                .as("every anonymous read and change is audited against the person")
                .contains("self-referral", "self-referral-appointment");

        var again = bookSlot(referral, key, slots.get(1));
        assertThat(again.status()).as("one referral, one consultation").isEqualTo(409);
        assertThat(ApiCall.send("GET", url("/api/booking/self-referrals/" + id(referral) + "/earliest-slots"),
                null, null, Map.of("X-Referral-Key", key)).body()).isEqualTo("[]");
    }

    @Test
    void theSameFormSentTwiceEvenAtOnceGivesOneReferral() throws Exception {
        var submissionKey = UUID.randomUUID();
        var first = submit(submissionKey, "Ivy", CLEAR);
        assertThat(first.status()).isEqualTo(201);
        var resent = submit(submissionKey, "Ivy", CLEAR);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(id(body(resent))).isEqualTo(id(body(first)));

        var racing = UUID.randomUUID();
        Callable<ApiCall.Response> send = () -> submit(racing, "Isla", CLEAR);
        try (var threads = Executors.newFixedThreadPool(2)) {
            var answers = threads.invokeAll(List.of(send, send));
            var ids = new java.util.HashSet<String>();
            for (var answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isIn(200, 201);
                ids.add(id(body(answer.get())));
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from self_referral where submission_key = :key").param("key", racing)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRedFlagIsNeverBookedRoutinelyAndGoesToTheTopOfReceptionsListUntilTheClinicCallsBack() {
        var referral = body(submit(UUID.randomUUID(), "Ines", CLEAR.replace("\"legWeakness\":false",
                "\"legWeakness\":true").replace("\"cancerHistory\":false", "\"cancerHistory\":true")));
        assertThat(referral.get("urgent").asBoolean()).isTrue();
        assertThat(referral.get("redFlags").valueStream().map(JsonNode::asString).toList())
                .containsExactly("LEG_WEAKNESS", "CANCER_HISTORY");
        var key = referral.get("accessKey").asString();
        assertThat(ApiCall.send("GET", url("/api/booking/self-referrals/" + id(referral) + "/earliest-slots"),
                null, null, Map.of("X-Referral-Key", key)).body()).isEqualTo("[]");
        var slot = body(ApiCall.get(url("/api/booking/availability?appointmentType=FREE_CONSULTATION&limit=1"),
                tokenFor(DemoUsers.RECEPTIONIST))).get(0);
        assertThat(bookSlot(referral, key, slot).status()).isEqualTo(409);

        var enquiry = enquiryOf(referral);
        var enquiryId = enquiry.get("id").asString();
        assertThat(enquiry.get("urgent").asBoolean()).isTrue();
        var list = awaitingBooking();
        assertThat(list.indexOf(enquiryId)).as("urgent ones come first").isLessThan(urgentCount(list));
        var routineBooking = ApiCall.post(url("/api/booking/appointments"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"patientId":"%s","clinicianId":"%s","appointmentType":"FREE_CONSULTATION","startsAt":"%s",
                 "enquiryId":"%s"}""".formatted(enquiry.get("patientId").asString(),
                slot.get("clinicianId").asString(), slot.get("startsAt").asString(), enquiryId));
        assertThat(routineBooking.status()).as("not even reception books it before the call").isEqualTo(409);
        assertThat(body(routineBooking).get("detail").asString()).contains("call the patient back");

        var noNote = ApiCall.post(url("/api/booking/enquiries/" + enquiryId + "/call-back"),
                tokenFor(DemoUsers.RECEPTIONIST), "{\"appointmentNeeded\":false}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(body(noNote).at("/errors/0/field").asString()).isEqualTo("note");
        assertThat(ApiCall.post(url("/api/booking/enquiries/" + enquiryId + "/call-back"),
                tokenFor(DemoUsers.SURGEON), "{\"note\":\"x\",\"appointmentNeeded\":true}").status()).isEqualTo(403);
        var calledBack = ApiCall.post(url("/api/booking/enquiries/" + enquiryId + "/call-back"),
                tokenFor(DemoUsers.RECEPTIONIST), "{\"note\":\"Advised A&E now\",\"appointmentNeeded\":false}");
        assertThat(calledBack.status()).as(calledBack.body()).isEqualTo(200);
        assertThat(body(calledBack).get("urgent").asBoolean()).isFalse();
        assertThat(body(calledBack).get("callBackNote").asString()).isEqualTo("Advised A&E now");
        assertThat(awaitingBooking()).doesNotContain(enquiryId);
    }

    @Test
    void badInputNamesItsFieldAndStoresNothingAndAWrongKeyFindsNothing() {
        long patientsBefore = jdbc.sql("select count(*) from patient").query(Long.class).single();
        var unanswered = submit(UUID.randomUUID(), "Ida", CLEAR.replace("\"cancerHistory\":false,", ""));
        assertThat(unanswered.status()).isEqualTo(400);
        assertThat(body(unanswered).at("/errors/0/field").asString()).isEqualTo("screening.cancerHistory");
        var longReason = ApiCall.post(url("/api/booking/self-referrals"), null, json(UUID.randomUUID(), "Ida",
                "x".repeat(501), "07700 900123", CLEAR));
        assertThat(longReason.status()).isEqualTo(400);
        assertThat(body(longReason).at("/errors/0/field").asString()).isEqualTo("reason");
        var noPhone = ApiCall.post(url("/api/booking/self-referrals"), null, json(UUID.randomUUID(), "Ida",
                "Back pain", "", CLEAR));
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(body(noPhone).at("/errors/0/field").asString()).isEqualTo("mobilePhone");
        var landlineForTexts = ApiCall.post(url("/api/booking/self-referrals"), null, json(UUID.randomUUID(), "Ida",
                "Back pain", "020 7946 0000", CLEAR).replace("\"smsConsent\":false", "\"smsConsent\":true"));
        assertThat(landlineForTexts.status()).as(landlineForTexts.body()).isEqualTo(422);
        assertThat(body(landlineForTexts).at("/errors/0/field").asString()).isEqualTo("mobilePhone");
        var notANumber = ApiCall.post(url("/api/booking/self-referrals"), null, json(UUID.randomUUID(), "Ida",
                "Back pain", "0770 090", CLEAR));
        assertThat(notANumber.status()).as(notANumber.body()).isEqualTo(422);
        assertThat(body(notANumber).at("/errors/0/field").asString()).isEqualTo("mobilePhone");
        assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(patientsBefore);

        var referral = body(submit(UUID.randomUUID(), "Ida", CLEAR));
        var path = url("/api/booking/self-referrals/" + id(referral));
        assertThat(ApiCall.get(path, null).status()).isEqualTo(404);
        assertThat(ApiCall.send("GET", path, null, null, Map.of("X-Referral-Key", "guess")).status()).isEqualTo(404);
        var opened = ApiCall.send("GET", path, null, null,
                Map.of("X-Referral-Key", referral.get("accessKey").asString()));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(body(opened).get("accessKey").isNull()).as("the key is given once, with the submission").isTrue();
    }

    private ApiCall.Response submit(UUID submissionKey, String givenName, String screening) {
        return ApiCall.post(url("/api/booking/self-referrals"), null,
                json(submissionKey, givenName, "Sudden back pain after lifting", "07700 900123", screening));
    }

    private static String json(UUID submissionKey, String givenName, String reason, String phone, String screening) {
        return """
                {"submissionKey":"%s","givenName":"%s","familyName":"Online","dateOfBirth":"1950-04-01",
                 "email":"%s.online@example.org","mobilePhone":"%s","emailConsent":true,"smsConsent":false,
                 "reason":"%s","screening":%s}""".formatted(submissionKey, givenName, givenName.toLowerCase(), phone,
                reason, screening);
    }

    private ApiCall.Response bookSlot(JsonNode referral, String key, JsonNode slot) {
        return ApiCall.send("POST", url("/api/booking/self-referrals/" + id(referral) + "/appointment"), null, """
                {"clinicianId":"%s","startsAt":"%s"}""".formatted(slot.get("clinicianId").asString(),
                slot.get("startsAt").asString()), Map.of("X-Referral-Key", key));
    }

    private JsonNode enquiryOf(JsonNode referral) {
        var enquiryId = jdbc.sql("select enquiry_id from self_referral where id = :id")
                .param("id", UUID.fromString(id(referral))).query(UUID.class).single();
        return body(ApiCall.get(url("/api/booking/enquiries/" + enquiryId), tokenFor(DemoUsers.RECEPTIONIST)));
    }

    private List<String> awaitingBooking() {
        var response = ApiCall.get(url("/api/booking/enquiries/awaiting-booking?size=100"),
                tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(response.status()).isEqualTo(200);
        return body(response).get("items").valueStream().map(e -> e.get("id").asString()).toList();
    }

    private int urgentCount(List<String> ids) {
        return jdbc.sql("select count(*) from enquiry where cardinality(red_flags) > 0 and called_back_at is null")
                .query(Integer.class).single();
    }

    private static String id(JsonNode referral) {
        return referral.get("id").asString();
    }
}
