package org.clinicflow.booking.lists;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clinicflow.booking.lists.ClinicLists.DiaryEntry;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reception's diary of a site or a clinician over HTTP; what is on it is {@link ClinicLists#diary}'s rule. */
@RestController
@Validated
class DiaryController {

    private final ClinicLists lists;

    DiaryController(ClinicLists lists) {
        this.lists = lists;
    }

    @Operation(summary = "A site's or a clinician's appointments for a day (days=1) or a week (days=7), any status")
    @GetMapping("/api/booking/diary")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "diary")
    List<DiaryEntry> diary(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           @RequestParam(defaultValue = "1") @Min(1) @Max(7) int days,
                           @RequestParam(required = false) UUID siteId,
                           @RequestParam(required = false) UUID clinicianId) {
        if (siteId == null && clinicianId == null) {
            throw new InvalidFieldException("siteId", "or clinicianId is required");
        }
        return lists.diary(date, days, siteId, clinicianId);
    }
}
