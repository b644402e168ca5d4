package org.clinicflow.web.portal;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The "mine" APIs of booking-service and followup-service, as the patient's pages use them. */
@Component
class Portal {

    private final Services services;

    Portal(Services services) {
        this.services = services;
    }

    record Appointment(UUID id, String appointmentType, OffsetDateTime startsAt, OffsetDateTime endsAt, String status,
                       String clinicianName, String siteName, String siteAddress, OffsetDateTime changeableUntil,
                       boolean changeable, long version) {

        String etag() {
            return "\"" + version + "\"";
        }
    }

    record Appointments(List<Appointment> upcoming, List<Appointment> past) {
    }

    record Alternative(OffsetDateTime startsAt, OffsetDateTime endsAt, String siteName, String siteAddress) {
    }

    record Message(String stepCode, String title, OffsetDateTime dueAt, String status, OffsetDateTime sentAt) {
    }

    record Review(LocalDate windowStarts, LocalDate windowEnds, String status, OffsetDateTime appointmentStartsAt) {
    }

    record Task(String stepCode, String title, LocalDate dueOn, String status) {
    }

    record FollowUp(UUID pathwayId, String treatment, LocalDate performedOn, List<Message> messages, Review review,
                    List<Task> tasks) {
    }

    /** @param delivery what Notify says became of a text (DELIVERED, a failure, or PENDING); null for email */
    record Notification(UUID id, String purpose, String title, UUID appointmentId, OffsetDateTime dueAt, String status,
                        String channel, OffsetDateTime sentAt, String text, String contentSlug,
                        Integer contentVersion, String delivery, OffsetDateTime deliveredAt) {
    }

    record Preferences(boolean emailOptOut, boolean smsOptOut, boolean emailUsable, boolean smsUsable) {
    }

    Appointments appointments() {
        return services.get(Part.BOOKING, Appointments.class, "/api/booking/my-appointments");
    }

    Appointment appointment(UUID id) {
        return services.get(Part.BOOKING, Appointment.class, "/api/booking/my-appointments/{id}", id);
    }

    List<Alternative> alternatives(UUID id) {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Alternative>>() {
        }, "/api/booking/my-appointments/{id}/alternatives", id);
    }

    Appointment cancel(Appointment appointment) {
        return services.post(Part.BOOKING, Appointment.class, Map.of(), appointment.etag(),
                "/api/booking/my-appointments/{id}/cancel", appointment.id());
    }

    Appointment move(Appointment appointment, OffsetDateTime startsAt) {
        return services.post(Part.BOOKING, Appointment.class, Map.of("startsAt", startsAt), appointment.etag(),
                "/api/booking/my-appointments/{id}/reschedule", appointment.id());
    }

    /** Whether the patient waits for an earlier time than this appointment. */
    boolean waiting(UUID id) {
        try {
            services.get(Part.BOOKING, Map.class, "/api/booking/my-appointments/{id}/waitlist", id);
            return true;
        } catch (ServiceProblem notWaiting) {
            if (notWaiting.status() == 404) {
                return false;
            }
            throw notWaiting;
        }
    }

    void joinWaitingList(UUID id) {
        services.post(Part.BOOKING, Map.class, Map.of(), null, "/api/booking/my-appointments/{id}/waitlist", id);
    }

    void leaveWaitingList(UUID id) {
        services.delete(Part.BOOKING, "/api/booking/my-appointments/{id}/waitlist", id);
    }

    List<FollowUp> followUps() {
        return services.get(Part.FOLLOWUP, new ParameterizedTypeReference<List<FollowUp>>() {
        }, "/api/followup/follow-ups/mine");
    }

    List<Notification> messages() {
        return services.get(Part.FOLLOWUP, new ParameterizedTypeReference<List<Notification>>() {
        }, "/api/followup/notifications/mine");
    }

    Preferences preferences() {
        return services.get(Part.FOLLOWUP, Preferences.class, "/api/followup/contact-preferences/mine");
    }

    Preferences changePreferences(boolean emailOptOut, boolean smsOptOut) {
        return services.put(Part.FOLLOWUP, Preferences.class, Map.of("emailOptOut", emailOptOut, "smsOptOut",
                smsOptOut), null, "/api/followup/contact-preferences/mine");
    }
}
