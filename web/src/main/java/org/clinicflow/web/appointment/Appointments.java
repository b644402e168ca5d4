package org.clinicflow.web.appointment;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.Services;
import org.clinicflow.web.platform.ServiceProblem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** booking-service's appointments API, as the pages use it. */
@Component
public class Appointments {

    public record Appointment(UUID id, UUID patientId, UUID clinicianId, UUID siteId, String appointmentType,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String status,
                              OffsetDateTime holdExpiresAt, boolean overbooked, String reason, String statusReason,
                              long version) {

        /** What {@code If-Match} must say for a change based on this reading. */
        public String etag() {
            return "\"" + version + "\"";
        }

        public boolean booked() {
            return "BOOKED".equals(status);
        }

        public boolean live() {
            return "BOOKED".equals(status) || "CHECKED_IN".equals(status);
        }

        public boolean procedure() {
            return "PROCEDURE".equals(appointmentType);
        }
    }

    public record Change(OffsetDateTime changedAt, String changedBy, String changedByName, String action, String reason,
                         OffsetDateTime oldStartsAt, OffsetDateTime newStartsAt, String oldStatus, String newStatus) {
    }

    /** A free time from the availability search. */
    public record Slot(UUID clinicianId, UUID siteId, String appointmentType, OffsetDateTime startsAt,
                       OffsetDateTime endsAt) {
    }

    /** A patient waiting for an earlier time, with every offer made to them, newest first. */
    public record Waiting(UUID entryId, UUID patientId, String patientName, UUID appointmentId,
                          OffsetDateTime deadline, OffsetDateTime joinedAt, List<Offer> offers) {
    }

    public record Offer(UUID id, String status, String clinicianName, OffsetDateTime startsAt,
                        OffsetDateTime offeredAt, OffsetDateTime expiresAt, OffsetDateTime answeredAt) {
    }

    private final Services services;

    Appointments(Services services) {
        this.services = services;
    }

    public Appointment read(UUID id) {
        return services.get(Part.BOOKING, Appointment.class, "/api/booking/appointments/{id}", id);
    }

    public List<Change> history(UUID id) {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Change>>() {
        }, "/api/booking/appointments/{id}/history", id);
    }

    /**
     * The earliest free times of a type from {@code from}, for one clinician or any. Site filtering happens on the
     * slots returned, so the search asks for more than it shows.
     */
    public List<Slot> earliest(String appointmentType, UUID clinicianId, OffsetDateTime from, int limit) {
        return earliest(appointmentType, clinicianId, from, limit, false);
    }

    /**
     * @param insideRules also the free times that break a booking rule (too soon, inside a buffer, a full day), which
     *                    reception books only with a reason for overriding; otherwise only times within the rules
     */
    public List<Slot> earliest(String appointmentType, UUID clinicianId, OffsetDateTime from, int limit,
                               boolean insideRules) {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Slot>>() {
                }, "/api/booking/availability?appointmentType={type}&limit={limit}"
                        + (clinicianId == null ? "" : "&clinicianId=" + clinicianId)
                        + (from == null ? "" : "&from=" + from.toInstant())
                        + (insideRules ? "&insideRules=true" : ""),
                appointmentType, limit);
    }

    public Appointment hold(UUID clinicianId, String appointmentType, OffsetDateTime startsAt) {
        return services.post(Part.BOOKING, Appointment.class, Map.of("clinicianId", clinicianId,
                "appointmentType", appointmentType, "startsAt", startsAt), null, "/api/booking/holds");
    }

    public Appointment bookHeld(UUID holdId, UUID patientId, String reason, UUID enquiryId, UUID reviewRequestId) {
        return bookHeld(holdId, patientId, reason, enquiryId, reviewRequestId, null);
    }

    /** @param overrideReason reception's reason for going past the booking rules; null or blank for none */
    public Appointment bookHeld(UUID holdId, UUID patientId, String reason, UUID enquiryId, UUID reviewRequestId,
                                String overrideReason) {
        var body = new java.util.HashMap<String, Object>();
        body.put("overrideReason", blankIsNone(overrideReason));
        body.put("holdId", holdId);
        body.put("patientId", patientId);
        body.put("reason", reason == null || reason.isBlank() ? null : reason.strip());
        body.put("enquiryId", enquiryId);
        body.put("reviewRequestId", reviewRequestId);
        return services.post(Part.BOOKING, Appointment.class, body, null, "/api/booking/appointments");
    }

    public Appointment checkIn(UUID id, String etag) {
        return services.post(Part.BOOKING, Appointment.class, null, etag, "/api/booking/appointments/{id}/check-in",
                id);
    }

    public Appointment noShow(UUID id, String etag) {
        return services.post(Part.BOOKING, Appointment.class, Map.of(), etag,
                "/api/booking/appointments/{id}/no-show", id);
    }

    /** @param overrideReason reception's reason for cancelling inside the cutoff; null or blank for none */
    public Appointment cancel(UUID id, String etag, String reason, String overrideReason) {
        var body = new java.util.HashMap<String, Object>();
        body.put("reason", reason.strip());
        body.put("overrideReason", blankIsNone(overrideReason));
        return services.post(Part.BOOKING, Appointment.class, body, etag, "/api/booking/appointments/{id}/cancel", id);
    }

    /** @param overrideReason reception's reason for going past the booking rules; null or blank for none */
    public Appointment reschedule(UUID id, String etag, OffsetDateTime startsAt, String reason,
                                  String overrideReason) {
        var body = new java.util.HashMap<String, Object>();
        body.put("overrideReason", blankIsNone(overrideReason));
        body.put("startsAt", startsAt);
        body.put("reason", reason == null || reason.isBlank() ? null : reason.strip());
        return services.post(Part.BOOKING, Appointment.class, body, etag,
                "/api/booking/appointments/{id}/reschedule", id);
    }

    /** Everyone waiting for an earlier time, the most pressing 48-hour deadline first. */
    public List<Waiting> waitingList() {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Waiting>>() {
        }, "/api/booking/waitlist");
    }

    public boolean waiting(UUID id) {
        try {
            services.get(Part.BOOKING, Map.class, "/api/booking/appointments/{id}/waitlist", id);
            return true;
        } catch (ServiceProblem notWaiting) {
            if (notWaiting.status() == 404) {
                return false;
            }
            throw notWaiting;
        }
    }

    public void joinWaitingList(UUID id) {
        services.post(Part.BOOKING, Map.class, Map.of(), null, "/api/booking/appointments/{id}/waitlist", id);
    }

    public void leaveWaitingList(UUID id) {
        services.delete(Part.BOOKING, "/api/booking/appointments/{id}/waitlist", id);
    }

    private static String blankIsNone(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
