package org.clinicflow.booking.patient;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PatientRegistrationIT extends BookingServiceIT {

    private static final String NEW_PATIENT = """
            {"givenName":"Margaret","familyName":"Example","dateOfBirth":"1941-02-17",
             "email":"margaret@example.test","mobilePhone":"+44 7700 900123","nhsNumber":"943 476 5919",
             "emailConsent":true,"smsConsent":false}""";

    @Test
    void receptionRegistersASelfReferredPatientAndOnlyContactDetailsTravel() {
        var response = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), NEW_PATIENT);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var id = body(response).get("id").asString();
        assertThat(body(response).get("nhsNumber").asString()).isEqualTo("9434765919");

        var event = jdbc.sql("select payload::text from outbox_event where record_key = :id")
                .param("id", id).query(String.class).single();
        assertThat(EventContracts.violations(event)).isEmpty();
        assertThat(event).contains("clinic.booking.patient-registered.v1", "margaret@example.test")
                .doesNotContain("9434765919", "1941-02-17", "Example\"");
    }

    @Test
    void contactDetailsChangeWithTheVersionReadAndAStaleChangeIsRefused() {
        var registered = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), NEW_PATIENT);
        var id = body(registered).get("id").asString();
        var etag = registered.header("ETag");
        var change = "{\"email\":\"margaret@example.test\",\"mobilePhone\":\"+44 7700 900999\","
                + "\"emailConsent\":true,\"smsConsent\":true}";

        var changed = put("/api/booking/patients/" + id + "/contact", etag, change);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("smsConsent").asBoolean()).isTrue();
        assertThat(put("/api/booking/patients/" + id + "/contact", etag, change).statusCode()).isEqualTo(412);
        assertThat(put("/api/booking/patients/" + id + "/contact", null, change).statusCode()).isEqualTo(428);

        var events = jdbc.sql("select payload::text from outbox_event where record_key = :id and event_type = :type")
                .param("id", id).param("type", "clinic.booking.patient-contact-changed.v1")
                .query(String.class).list();
        assertThat(events).hasSize(1);
        assertThat(EventContracts.violations(events.getFirst())).isEmpty();
    }

    @Test
    void badRegistrationsNameTheirFieldsAndStoreNothing() {
        long before = jdbc.sql("select count(*) from patient").query(Long.class).single();
        var token = tokenFor(DemoUsers.RECEPTIONIST);

        var badNhs = ApiCall.post(url("/api/booking/patients"), token, NEW_PATIENT.replace("943 476 5919",
                "943 476 5918"));
        assertThat(badNhs.status()).isEqualTo(422);
        assertThat(body(badNhs).at("/errors/0/field").asString()).isEqualTo("nhsNumber");

        var missing = ApiCall.post(url("/api/booking/patients"), token, "{\"smsConsent\":true}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("givenName", "familyName", "dateOfBirth");

        var consentWithoutPhone = ApiCall.post(url("/api/booking/patients"), token,
                NEW_PATIENT.replace("\"smsConsent\":false", "\"smsConsent\":true").replace("\"+44 7700 900123\"",
                        "null"));
        assertThat(consentWithoutPhone.status()).isEqualTo(422);
        assertThat(body(consentWithoutPhone).at("/errors/0/field").asString()).isEqualTo("mobilePhone");

        assertThat(ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.SURGEON), NEW_PATIENT).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aPhoneNumberIsKeptAndPublishedInOneSpellingHoweverItWasTyped() {
        var response = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST),
                NEW_PATIENT.replace("\"+44 7700 900123\"", "\"07700 900123\""));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var id = body(response).get("id").asString();
        assertThat(body(response).get("mobilePhone").asString()).isEqualTo("+447700900123");

        assertThat(jdbc.sql("select mobile_phone from patient where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("+447700900123");
        var event = jdbc.sql("select payload::text from outbox_event where record_key = :id")
                .param("id", id).query(String.class).single();
        assertThat(EventContracts.violations(event)).isEmpty();
        assertThat(json.readTree(event).at("/data/mobilePhone").asString()).isEqualTo("+447700900123");
    }

    @Test
    void aLandlineIsANumberToCallButIsRefusedForTextsAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from patient").query(Long.class).single();
        var token = tokenFor(DemoUsers.RECEPTIONIST);
        var landline = NEW_PATIENT.replace("\"+44 7700 900123\"", "\"020 7946 0000\"");

        var texts = ApiCall.post(url("/api/booking/patients"), token,
                landline.replace("\"smsConsent\":false", "\"smsConsent\":true"));
        assertThat(texts.status()).as(texts.body()).isEqualTo(422);
        assertThat(body(texts).at("/errors/0/field").asString()).isEqualTo("mobilePhone");
        assertThat(body(texts).at("/errors/0/detail").asString()).contains("cannot receive text messages");
        var notANumber = ApiCall.post(url("/api/booking/patients"), token,
                NEW_PATIENT.replace("\"+44 7700 900123\"", "\"12345\""));
        assertThat(notANumber.status()).as(notANumber.body()).isEqualTo(422);
        assertThat(body(notANumber).at("/errors/0/field").asString()).isEqualTo("mobilePhone");
        assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(before);

        var calls = ApiCall.post(url("/api/booking/patients"), token, landline);
        assertThat(calls.status()).as(calls.body()).isEqualTo(201);
        assertThat(body(calls).get("mobilePhone").asString()).isEqualTo("+442079460000");
    }

    @Test
    void aChangeOfContactToALandlineWithConsentToTextsIsRefusedAndChangesNothing() {
        var registered = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), NEW_PATIENT);
        var id = body(registered).get("id").asString();
        var etag = registered.header("ETag");

        var refused = put("/api/booking/patients/" + id + "/contact", etag, "{\"email\":\"margaret@example.test\","
                + "\"mobilePhone\":\"020 7946 0000\",\"emailConsent\":true,\"smsConsent\":true}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).at("/errors/0/field").asString()).isEqualTo("mobilePhone");
        var kept = jdbc.sql("select mobile_phone || ' ' || sms_consent from patient where id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single();
        assertThat(kept).isEqualTo("+447700900123 false");
        assertThat(jdbc.sql("select count(*) from outbox_event where record_key = :id and event_type = :type")
                .param("id", id).param("type", "clinic.booking.patient-contact-changed.v1").query(Long.class)
                .single()).isZero();

        var changed = put("/api/booking/patients/" + id + "/contact", etag, "{\"email\":\"margaret@example.test\","
                + "\"mobilePhone\":\"07700 900456\",\"emailConsent\":true,\"smsConsent\":true}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("mobilePhone").asString()).isEqualTo("+447700900456");
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedWithTheirFieldNotCoerced() {
        long before = jdbc.sql("select count(*) from patient").query(Long.class).single();
        var token = tokenFor(DemoUsers.RECEPTIONIST);
        var cases = java.util.Map.of(
                "givenName", NEW_PATIENT.replace("\"Margaret\"", "123"),
                "familyName", NEW_PATIENT.replace("\"Example\"", "false"),
                "emailConsent", NEW_PATIENT.replace("\"emailConsent\":true", "\"emailConsent\":\"true\""),
                "smsConsent", NEW_PATIENT.replace("\"smsConsent\":false", "\"smsConsent\":0"),
                "dateOfBirth", NEW_PATIENT.replace("\"1941-02-17\"", "-10544"));
        cases.forEach((field, request) -> {
            var refused = ApiCall.post(url("/api/booking/patients"), token, request);
            assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(400);
            assertThat(body(refused).at("/errors/0/field").asString()).isEqualTo(field);
            assertThat(body(refused).get("type").asString()).endsWith("/problems/invalid-request");
        });
        assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aPatientReadsTheirOwnRecordOnly() {
        assertThat(ApiCall.get(url("/api/booking/patients/" + DemoUsers.PATIENT_ID), tokenFor(DemoUsers.PATIENT))
                .status()).isEqualTo(200);
        assertThat(ApiCall.get(url("/api/booking/patients/" + DemoUsers.OTHER_PATIENT_ID),
                tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(404);
    }

    private HttpResponse<String> put(String path, String ifMatch, String json) {
        var builder = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + tokenFor(DemoUsers.RECEPTIONIST))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        try {
            return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void receptionFindsAPatientByNhsNumberOrByNameWithDateOfBirthButNeverByNameAlone() {
        var nhsNumber = freshNhsNumber();
        var familyName = "Quartermain" + (char) ('a' + (int) (Math.random() * 26)) + System.nanoTime() % 1000;
        var registered = ApiCall.post(url("/api/booking/patients"), tokenFor(DemoUsers.RECEPTIONIST), """
                {"givenName":"Zebedee","familyName":"%s","dateOfBirth":"1938-05-06","email":"z@example.test",
                 "nhsNumber":"%s","emailConsent":true,"smsConsent":false}""".formatted(familyName, nhsNumber));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var id = body(registered).get("id").asString();
        var reception = tokenFor(DemoUsers.RECEPTIONIST);

        var byNumber = body(ApiCall.get(url("/api/booking/patients?nhsNumber=" + nhsNumber), reception));
        assertThat(byNumber.get("totalItems").asLong()).isEqualTo(1);
        assertThat(byNumber.at("/items/0/id").asString()).isEqualTo(id);
        // A match says who the patient is, not how to reach them.
        assertThat(byNumber.toString()).doesNotContain("z@example.test");

        var byName = body(ApiCall.get(url("/api/booking/patients?familyName=" + familyName.substring(0, 6)
                .toLowerCase() + "&dateOfBirth=1938-05-06"), reception));
        assertThat(byName.get("items").valueStream().map(p -> p.get("id").asString())).contains(id);
        assertThat(body(ApiCall.get(url("/api/booking/patients?familyName=" + familyName
                + "&dateOfBirth=1938-05-07"), reception)).get("totalItems").asLong()).isZero();
        // Wildcards are letters like any other: "%%" must not list everyone born that day.
        for (var wildcards : List.of("%25%25", "__", "Q%25", "Qu_rtermain")) {
            assertThat(body(ApiCall.get(url("/api/booking/patients?familyName=" + wildcards
                    + "&dateOfBirth=1938-05-06"), reception)).get("totalItems").asLong()).as(wildcards).isZero();
        }

        var nameAlone = ApiCall.get(url("/api/booking/patients?familyName=" + familyName), reception);
        assertThat(nameAlone.status()).isEqualTo(422);
        assertThat(nameAlone.body()).contains("dateOfBirth");
        var badNumber = ApiCall.get(url("/api/booking/patients?nhsNumber=9434765918"), reception);
        assertThat(badNumber.status()).isEqualTo(422);
        assertThat(badNumber.body()).contains("nhsNumber");
        assertThat(ApiCall.get(url("/api/booking/patients?nhsNumber=" + nhsNumber), tokenFor(DemoUsers.PATIENT))
                .status()).isEqualTo(403);
        assertThat(ApiCall.get(url("/api/booking/patients?nhsNumber=" + nhsNumber), tokenFor(DemoUsers.SURGEON))
                .status()).isEqualTo(403);
    }

    /** A random NHS number with a correct Modulus 11 check digit. */
    private static String freshNhsNumber() {
        while (true) {
            var digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                digits[i] = (int) (Math.random() * 10);
                sum += digits[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            var number = new StringBuilder();
            for (int d : digits) {
                number.append(d);
            }
            return number.append(check == 11 ? 0 : check).toString();
        }
    }
}
