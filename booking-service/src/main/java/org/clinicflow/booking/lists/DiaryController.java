package org.clinicflow.booking.lists;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reception's diary: every appointment of a site or of a clinician over a day or a week, clinic and theatre alike,
 * with its status, cancelled ones included (reception needs to see that a time was cancelled, and by the history
 * who did it). Held slots are left off: they are nobody's appointment yet.
 */
@RestController
@Validated
class DiaryController {

    private final JdbcClient jdbc;

    DiaryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record DiaryEntry(UUID appointmentId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID clinicianId,
                      UUID siteId, UUID patientId, String patientName, String appointmentType, String reason,
                      String status) {
    }

    @Operation(summary = "A site's or a clinician's appointments for a day (days=1) or a week (days=7), any status")
    @GetMapping("/api/booking/diary")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "diary")
    @Transactional(readOnly = true)
    List<DiaryEntry> diary(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           @RequestParam(defaultValue = "1") @Min(1) @Max(7) int days,
                           @RequestParam(required = false) UUID siteId,
                           @RequestParam(required = false) UUID clinicianId) {
        if (siteId == null && clinicianId == null) {
            throw new InvalidFieldException("siteId", "or clinicianId is required");
        }
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
