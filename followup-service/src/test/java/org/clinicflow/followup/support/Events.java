package org.clinicflow.followup.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds events exactly as booking-service and content-service send them; the tests check each kind against its
 * contract, so a sample that drifts from the producer's schema fails there first.
 */
public final class Events {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");

    /** Where and with whom an appointment is, as booking-service names them in its events. */
    public record Place(String clinicianName, String siteName, String siteAddress) {

        /** Where the demo's Mr Reid (the clinician id the appointment events carry) holds his clinics. */
        public static final Place LONDON_BRIDGE = new Place("Mr Samuel Reid", "London Bridge",
                "[Demo] 1 Example Street, London SE1");

        private String fields() {
            return ",\"clinicianName\":%s,\"siteName\":%s,\"siteAddress\":%s".formatted(quoted(clinicianName),
                    quoted(siteName), quoted(siteAddress));
        }

        /** An event sent before booking-service named the place has none of the fields. */
        private static String fieldsOf(Place place) {
            return place == null ? "" : place.fields();
        }
    }

    private Events() {
    }

    public static String patientRegistered(UUID patientId, String email, String mobile, boolean emailConsent,
                                           boolean smsConsent) {
        return patient("clinic.booking.patient-registered.v1", patientId, email, mobile, emailConsent, smsConsent);
    }

    public static String patientContactChanged(UUID patientId, String email, String mobile, boolean emailConsent,
                                               boolean smsConsent) {
        return patient("clinic.booking.patient-contact-changed.v1", patientId, email, mobile, emailConsent,
                smsConsent);
    }

    private static String patient(String type, UUID patientId, String email, String mobile, boolean emailConsent,
                                  boolean smsConsent) {
        var now = rfc3339(now());
        return envelope(UUID.randomUUID(), "booking-service", type, patientId.toString(), """
                {"patientId":"%s","givenName":"Testpatient","email":%s,"mobilePhone":%s,"emailConsent":%s,
                 "smsConsent":%s,"changedAt":"%s"}""".formatted(patientId, quoted(email), quoted(mobile),
                emailConsent, smsConsent, now));
    }

    public static String appointmentBooked(UUID eventId, UUID appointmentId, UUID patientId, OffsetDateTime startsAt) {
        return appointmentBooked(eventId, appointmentId, patientId, startsAt, "FREE_CONSULTATION", null);
    }

    public static String appointmentBooked(UUID eventId, UUID appointmentId, UUID patientId, OffsetDateTime startsAt,
                                           String type, UUID reviewRequestId) {
        return appointmentBooked(eventId, appointmentId, patientId, startsAt, type, reviewRequestId,
                Place.LONDON_BRIDGE);
    }

    /** @param place null for an event as booking-service sent it before it named the place */
    public static String appointmentBooked(UUID eventId, UUID appointmentId, UUID patientId, OffsetDateTime startsAt,
                                           String type, UUID reviewRequestId, Place place) {
        var now = rfc3339(now());
        return envelope(eventId, "booking-service", "clinic.booking.appointment-booked.v1", appointmentId.toString(), """
                {"appointmentId":"%s","patientId":"%s","clinicianId":"c0000000-0000-4000-a000-000000000001",
                 "appointmentType":"%s","startsAt":"%s","endsAt":"%s","bookedAt":"%s","reviewRequestId":%s%s}"""
                .formatted(appointmentId, patientId, type, rfc3339(startsAt), rfc3339(startsAt.plusMinutes(15)), now,
                        quoted(reviewRequestId == null ? null : reviewRequestId.toString()), Place.fieldsOf(place)));
    }

    public static String appointmentRescheduled(UUID appointmentId, UUID patientId, OffsetDateTime previous,
                                                OffsetDateTime startsAt) {
        return envelope(UUID.randomUUID(), "booking-service", "clinic.booking.appointment-rescheduled.v1",
                appointmentId.toString(), """
                {"appointmentId":"%s","patientId":"%s","clinicianId":"c0000000-0000-4000-a000-000000000001",
                 "appointmentType":"FREE_CONSULTATION","previousStartsAt":"%s","startsAt":"%s","endsAt":"%s",
                 "rescheduledAt":"%s"%s}""".formatted(appointmentId, patientId, rfc3339(previous), rfc3339(startsAt),
                        rfc3339(startsAt.plusMinutes(15)), rfc3339(now()), Place.LONDON_BRIDGE.fields()));
    }

    public static String appointmentCancelled(UUID appointmentId, UUID patientId, OffsetDateTime startsAt) {
        return envelope(UUID.randomUUID(), "booking-service", "clinic.booking.appointment-cancelled.v1",
                appointmentId.toString(), """
                {"appointmentId":"%s","patientId":"%s","clinicianId":"c0000000-0000-4000-a000-000000000001",
                 "appointmentType":"FREE_CONSULTATION","startsAt":"%s","occurredAt":"%s"%s}"""
                        .formatted(appointmentId, patientId, rfc3339(startsAt), rfc3339(now()),
                                Place.LONDON_BRIDGE.fields()));
    }

    public static String appointmentNoShow(UUID appointmentId, UUID patientId, OffsetDateTime startsAt) {
        return envelope(UUID.randomUUID(), "booking-service", "clinic.booking.appointment-no-show.v1",
                appointmentId.toString(), """
                {"appointmentId":"%s","patientId":"%s","clinicianId":"c0000000-0000-4000-a000-000000000001",
                 "appointmentType":"POST_PROCEDURE_REVIEW","startsAt":"%s","occurredAt":"%s"}"""
                        .formatted(appointmentId, patientId, rfc3339(startsAt), rfc3339(now())));
    }

    /** {@code breached} false: at risk. {@code patientId} may be null (not yet registered). */
    public static String accessTarget(UUID eventId, boolean breached, UUID enquiryId, UUID patientId,
                                      OffsetDateTime firstContactAt) {
        var type = breached ? "clinic.booking.access-target-breached.v1" : "clinic.booking.access-target-at-risk.v1";
        return envelope(eventId, "booking-service", type, enquiryId.toString(), """
                {"enquiryId":"%s","patientId":%s,"firstContactAt":"%s","deadline":"%s","raisedAt":"%s"}"""
                .formatted(enquiryId, quoted(patientId == null ? null : patientId.toString()),
                        rfc3339(firstContactAt), rfc3339(firstContactAt.plusHours(48)), rfc3339(now())));
    }

    public static String procedureCompleted(UUID eventId, UUID procedureId, UUID patientId, String treatment,
                                            LocalDate performedOn) {
        var appointmentId = UUID.randomUUID();
        return envelope(eventId, "booking-service", "clinic.booking.procedure-completed.v1", appointmentId.toString(),
                """
                {"procedureId":"%s","appointmentId":"%s","patientId":"%s",
                 "surgeonId":"c0000000-0000-4000-a000-000000000001","treatment":"%s","vertebralLevels":["L1"],
                 "performedOn":"%s","recordedAt":"%s"}""".formatted(procedureId, appointmentId, patientId, treatment,
                        performedOn, rfc3339(now())));
    }

    public static String treatmentPublished(String slug, int version, String hash, String recoveryMarkdown) {
        return envelope(UUID.randomUUID(), "content-service", "clinic.content.treatment-published.v1", slug, """
                {"treatmentSlug":"%s","version":%d,"contentHash":"%s","demo":false,"title":"Treatment %s",
                 "summary":"A summary","keyFacts":{"typicalDuration":null,"anaesthesia":null,"sameDayDischarge":true,
                 "complicationRate":null},
                 "sections":{"recovery":{"heading":"Recovery","markdown":"%s","html":"<p>x</p>"}},
                 "publishedAt":"%s","reviewDue":"2027-11-01"}""".formatted(slug, version, hash, slug,
                        recoveryMarkdown, rfc3339(now())));
    }

    public static String waitlistOfferMade(UUID eventId, UUID offerId, String key, UUID patientId,
                                           OffsetDateTime startsAt, OffsetDateTime currentStartsAt) {
        return envelope(eventId, "booking-service", "clinic.booking.waitlist-offer-made.v1", offerId.toString(), """
                {"offerId":"%s","accessKey":"%s","patientId":"%s","appointmentId":"%s",
                 "clinicianId":"c0000000-0000-4000-a000-000000000003","appointmentType":"FREE_CONSULTATION",
                 "startsAt":"%s","endsAt":"%s","currentStartsAt":"%s","expiresAt":"%s","offeredAt":"%s"}"""
                .formatted(offerId, key, patientId, UUID.randomUUID(), rfc3339(startsAt),
                        rfc3339(startsAt.plusMinutes(15)), rfc3339(currentStartsAt), rfc3339(now().plusHours(2)),
                        rfc3339(now())));
    }

    private static String envelope(UUID id, String source, String type, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/clinicflow/%s","type":"%s","subject":"%s","time":"%s",
                 "datacontenttype":"application/json","data":%s}
                """.formatted(id, source, type, subject, rfc3339(now()), data);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(CLINIC_ZONE).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** As the producers write times: always with seconds (OffsetDateTime.toString() drops ":00"). */
    public static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    public static OffsetDateTime daysAhead(int days) {
        return OffsetDateTime.now(CLINIC_ZONE).plusDays(days).truncatedTo(ChronoUnit.HOURS);
    }
}
