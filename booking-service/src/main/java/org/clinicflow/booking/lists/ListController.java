package org.clinicflow.booking.lists;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clinicflow.booking.availability.SessionKind;
import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A clinician's clinic list (consultations and reviews) or theatre list (procedures) for one or more days, in list
 * order. Cancelled appointments are left off. A surgeon sees their own lists; reception and clinic admins anyone's.
 */
@RestController
@RequestMapping("/api/booking/clinicians/{clinicianId}/lists/{kind}")
@Validated
class ListController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ClinicianRepository clinicians;
    private final JdbcClient jdbc;

    ListController(ClinicianRepository clinicians, JdbcClient jdbc) {
        this.clinicians = clinicians;
        this.jdbc = jdbc;
    }

    /**
     * One line of a list. {@code room} is the room of the session the appointment falls in; the planned treatment
     * and levels are set on theatre appointments only, and only once someone has planned them.
     */
    record ListEntry(UUID appointmentId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID patientId,
                     String patientName, LocalDate patientDateOfBirth, String appointmentType, String reason,
                     String status, String room, String plannedTreatment, List<String> plannedLevels) {
    }

    @Operation(summary = "A clinic or theatre list for a day (days=1) or a week (days=7), in list order")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "clinician-list", id = "#clinicianId")
    @Transactional(readOnly = true)
    List<ListEntry> list(@PathVariable UUID clinicianId, @PathVariable SessionKind kind,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @RequestParam(defaultValue = "1") @Min(1) @Max(7) int days, Authentication authentication) {
        requireMayRead(clinicianId, ClinicUser.of(authentication));
        return entries(clinicianId, kind, date, days);
    }

    @Operation(summary = "The same list as a print-friendly HTML page")
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "clinician-list", id = "#clinicianId")
    @Transactional(readOnly = true)
    String printable(@PathVariable UUID clinicianId, @PathVariable SessionKind kind,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @RequestParam(defaultValue = "1") @Min(1) @Max(7) int days, Authentication authentication) {
        var clinician = requireMayRead(clinicianId, ClinicUser.of(authentication));
        var title = (kind == SessionKind.THEATRE ? "Theatre list" : "Clinic list") + ": " + clinician.displayName();
        var html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 2rem; }
                  table { border-collapse: collapse; width: 100%%; margin-bottom: 2rem; }
                  th, td { border: 1px solid #999; padding: .35rem .5rem; text-align: left; vertical-align: top; }
                  th { background: #eee; }
                  @media print { body { margin: 0; } h2 { break-before: auto; } tr { break-inside: avoid; } }
                </style></head><body>
                <h1>%s</h1>
                """.formatted(escape(title), escape(title)));
        LocalDate currentDay = null;
        var entries = entries(clinicianId, kind, date, days);
        for (var entry : entries) {
            var day = entry.startsAt().toLocalDate();
            if (!day.equals(currentDay)) {
                if (currentDay != null) {
                    html.append("</tbody></table>\n");
                }
                currentDay = day;
                html.append("<h2>").append(escape(DAY.format(day))).append("</h2>\n<table><thead><tr>")
                        .append("<th>Time</th><th>Patient</th><th>Date of birth</th><th>Type</th><th>Reason</th>")
                        .append(kind == SessionKind.THEATRE ? "<th>Planned</th><th>Room</th>" : "")
                        .append("<th>Status</th></tr></thead><tbody>\n");
            }
            html.append("<tr><td>").append(TIME.format(entry.startsAt())).append("–").append(TIME.format(entry.endsAt()))
                    .append("</td><td>").append(escape(entry.patientName()))
                    .append("</td><td>").append(entry.patientDateOfBirth())
                    .append("</td><td>").append(escape(entry.appointmentType()))
                    .append("</td><td>").append(escape(entry.reason()))
                    .append(kind == SessionKind.THEATRE ? "</td><td>" + escape(planned(entry)) + "</td><td>"
                            + escape(entry.room()) : "")
                    .append("</td><td>").append(escape(entry.status())).append("</td></tr>\n");
        }
        html.append(entries.isEmpty() ? "<p>No appointments.</p>\n" : "</tbody></table>\n").append("</body></html>\n");
        return html.toString();
    }

    /** Someone else's list is refused (403), not hidden: a surgeon knows their colleagues exist. */
    private Clinician requireMayRead(UUID clinicianId, ClinicUser user) {
        var clinician = clinicians.findById(clinicianId).orElseThrow(() -> new NotFoundException("Clinician",
                clinicianId));
        boolean staff = user.hasRole("receptionist") || user.hasRole("clinic-admin");
        if (!staff && !user.clinicianId().equals(Optional.of(clinicianId))) {
            throw new AccessDeniedException("Another clinician's list");
        }
        return clinician;
    }

    private List<ListEntry> entries(UUID clinicianId, SessionKind kind, LocalDate date, int days) {
        var entries = jdbc.sql("""
                        select a.id, a.starts_at, a.ends_at, a.appointment_type, a.reason, a.status, p.id as patient_id,
                               p.given_name || ' ' || p.family_name as patient_name, p.date_of_birth,
                               room.name as room, plan.treatment as planned_treatment,
                               plan.vertebral_levels as planned_levels
                        from appointment a join patient p on p.id = a.patient_id
                        left join procedure_plan plan on plan.appointment_id = a.id
                        -- The room is the session's: a weekly template running that day, or a one-off extra session.
                        left join lateral (
                            select r.name from (
                                select t.room_id from session_template t
                                where t.clinician_id = a.clinician_id and t.site_id = a.site_id
                                  and t.day_of_week = extract(isodow from a.starts_at at time zone 'Europe/London')
                                  and (a.starts_at at time zone 'Europe/London')::time >= t.starts_at
                                  and (a.starts_at at time zone 'Europe/London')::time < t.ends_at
                                  and t.valid_from <= (a.starts_at at time zone 'Europe/London')::date
                                  and (t.valid_until is null
                                       or t.valid_until >= (a.starts_at at time zone 'Europe/London')::date)
                                union all
                                select e.room_id from session_exception e
                                where e.change = 'EXTRA' and e.clinician_id = a.clinician_id and e.site_id = a.site_id
                                  and e.on_date = (a.starts_at at time zone 'Europe/London')::date
                                  and (a.starts_at at time zone 'Europe/London')::time >= e.starts_at
                                  and (a.starts_at at time zone 'Europe/London')::time < e.ends_at
                            ) session join room r on r.id = session.room_id
                            limit 1
                        ) room on true
                        where a.clinician_id = :clinician and a.starts_at >= :from and a.starts_at < :to
                          and a.status in ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
                          and (a.appointment_type = 'PROCEDURE') = :theatre
                        order by a.starts_at, p.family_name
                        """)
                .param("clinician", clinicianId)
                .param("from", Timestamp.from(ClinicTime.at(date, LocalTime.MIDNIGHT)))
                .param("to", Timestamp.from(ClinicTime.at(date.plusDays(days), LocalTime.MIDNIGHT)))
                .param("theatre", kind == SessionKind.THEATRE)
                .query((rs, row) -> new ListEntry(rs.getObject("id", UUID.class),
                        ClinicTime.show(rs.getTimestamp("starts_at").toInstant()),
                        ClinicTime.show(rs.getTimestamp("ends_at").toInstant()), rs.getObject("patient_id", UUID.class),
                        rs.getString("patient_name"), rs.getObject("date_of_birth", LocalDate.class),
                        rs.getString("appointment_type"), rs.getString("reason"), rs.getString("status"),
                        rs.getString("room"), rs.getString("planned_treatment"),
                        rs.getArray("planned_levels") == null ? List.of()
                                : List.of((String[]) rs.getArray("planned_levels").getArray())))
                .list();
        // A list shows each of its patients' names and dates of birth: every one of them has been read.
        AuditScope.patients(entries.stream().map(ListEntry::patientId).toList());
        return entries;
    }

    private static String planned(ListEntry entry) {
        return entry.plannedTreatment() == null ? "Not planned"
                : entry.plannedTreatment() + " " + String.join(", ", entry.plannedLevels());
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
