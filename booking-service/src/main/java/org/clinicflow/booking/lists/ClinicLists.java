package org.clinicflow.booking.lists;

import org.clinicflow.booking.availability.SessionKind;
import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lists a clinician works from: who may read whose (a surgeon their own; reception and clinic admins anyone's),
 * and a clinic or theatre list's lines for some days, with the session's room and the planned treatment. Cancelled
 * appointments are left off.
 */
@Component
@Transactional(readOnly = true)
class ClinicLists {

    /**
     * One line of a list. {@code room} is the room of the session the appointment falls in; the planned treatment
     * and levels are set on theatre appointments only, and only once someone has planned them.
     */
    record ListEntry(UUID appointmentId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID patientId,
                     String patientName, LocalDate patientDateOfBirth, String appointmentType, String reason,
                     String status, String room, String plannedTreatment, List<String> plannedLevels) {
    }

    record DiaryEntry(UUID appointmentId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID clinicianId,
                      UUID siteId, UUID patientId, String patientName, String appointmentType, String reason,
                      String status) {
    }

    private final ClinicianRepository clinicians;
    private final JdbcClient jdbc;

    ClinicLists(ClinicianRepository clinicians, JdbcClient jdbc) {
        this.clinicians = clinicians;
        this.jdbc = jdbc;
    }

    /** Someone else's list is refused (403), not hidden: a surgeon knows their colleagues exist. */
    Clinician requireMayRead(UUID clinicianId, ClinicUser user) {
        var clinician = clinicians.findById(clinicianId).orElseThrow(() -> new NotFoundException("Clinician",
                clinicianId));
        boolean staff = user.hasRole("receptionist") || user.hasRole("clinic-admin");
        if (!staff && !user.clinicianId().equals(Optional.of(clinicianId))) {
            throw new AccessDeniedException("Another clinician's list");
        }
        return clinician;
    }

    List<ListEntry> entries(UUID clinicianId, SessionKind kind, LocalDate date, int days) {
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


    /**
     * Reception's diary: every appointment of a site or of a clinician (either may be null, not both) over some days,
     * clinic and theatre alike, cancelled ones included (reception needs to see that a time was cancelled, and by
     * the history who did it). Held slots are left off: they are nobody's appointment yet.
     */
    List<DiaryEntry> diary(LocalDate date, int days, UUID siteId, UUID clinicianId) {
        var entries = jdbc.sql("""
                        select a.id, a.starts_at, a.ends_at, a.clinician_id, a.site_id, a.appointment_type, a.reason,
                               a.status, p.id as patient_id, p.given_name || ' ' || p.family_name as patient_name
                        from appointment a join patient p on p.id = a.patient_id
                        where a.starts_at >= :from and a.starts_at < :to and a.status <> 'HELD'
                          and (cast(:site as uuid) is null or a.site_id = :site)
                          and (cast(:clinician as uuid) is null or a.clinician_id = :clinician)
                        order by a.starts_at, a.clinician_id, p.family_name
                        """)
                .param("from", Timestamp.from(ClinicTime.at(date, LocalTime.MIDNIGHT)))
                .param("to", Timestamp.from(ClinicTime.at(date.plusDays(days), LocalTime.MIDNIGHT)))
                .param("site", siteId)
                .param("clinician", clinicianId)
                .query((rs, row) -> new DiaryEntry(rs.getObject("id", UUID.class),
                        ClinicTime.show(rs.getTimestamp("starts_at").toInstant()),
                        ClinicTime.show(rs.getTimestamp("ends_at").toInstant()),
                        rs.getObject("clinician_id", UUID.class), rs.getObject("site_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getString("patient_name"),
                        rs.getString("appointment_type"), rs.getString("reason"), rs.getString("status")))
                .list();
        // The diary shows each patient's name: every one of them has been read.
        AuditScope.patients(entries.stream().map(DiaryEntry::patientId).toList());
        return entries;
    }
}
