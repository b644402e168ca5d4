package org.clinicflow.web.admin;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/** booking-service's days off, bank holidays, extra sessions and weekly sessions. */
@Component
class SessionChanges {

    /** A day off (clinician set), a bank holiday (no clinician) or an extra session (site, times and kind set). */
    record Exception(UUID id, UUID clinicianId, LocalDate onDate, String change, UUID siteId, UUID roomId,
                     LocalTime startsAt, LocalTime endsAt, String kind, String reason) {

        public boolean extra() {
            return "EXTRA".equals(change);
        }
    }

    record Template(UUID id, UUID clinicianId, UUID siteId, UUID roomId, DayOfWeek dayOfWeek, LocalTime startsAt,
                    LocalTime endsAt, String kind, LocalDate validFrom, LocalDate validUntil) {
    }

    /** An appointment a refused change would have left outside any session. */
    record Stranded(UUID appointmentId, OffsetDateTime startsAt, String patientName, String clinician) {
    }

    private final Services services;

    SessionChanges(Services services) {
        this.services = services;
    }

    List<Exception> between(LocalDate from, LocalDate to) {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Exception>>() {
        }, "/api/booking/session-exceptions?from={from}&to={to}", from, to);
    }

    void dayOff(UUID clinician, LocalDate onDate, String reason) {
        var body = new HashMap<String, Object>();
        body.put("change", "CANCELLED");
        body.put("clinicianId", clinician);
        body.put("onDate", onDate);
        body.put("reason", reason);
        services.post(Part.BOOKING, Exception.class, body, null, "/api/booking/session-exceptions");
    }

    void extraSession(UUID clinician, UUID site, LocalDate onDate, LocalTime startsAt, LocalTime endsAt, String kind,
                      String reason) {
        var body = new HashMap<String, Object>();
        body.put("change", "EXTRA");
        body.put("clinicianId", clinician);
        body.put("siteId", site);
        body.put("onDate", onDate);
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("kind", kind);
        body.put("reason", reason);
        services.post(Part.BOOKING, Exception.class, body, null, "/api/booking/session-exceptions");
    }

    void remove(UUID exception) {
        services.delete(Part.BOOKING, "/api/booking/session-exceptions/{id}", exception);
    }

    List<Template> templates(UUID clinician) {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Template>>() {
        }, "/api/booking/clinicians/{id}/session-templates", clinician);
    }

    void addTemplate(UUID clinician, UUID site, DayOfWeek day, LocalTime startsAt, LocalTime endsAt, String kind,
                     LocalDate validFrom) {
        var body = new HashMap<String, Object>();
        body.put("siteId", site);
        body.put("dayOfWeek", day);
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("kind", kind);
        body.put("validFrom", validFrom);
        services.post(Part.BOOKING, Template.class, body, null, "/api/booking/clinicians/{id}/session-templates",
                clinician);
    }

    void endTemplate(UUID template, LocalDate lastDate) {
        services.post(Part.BOOKING, Template.class, java.util.Map.of("lastDate", lastDate), null,
                "/api/booking/session-templates/{id}/end", template);
    }
}
