package org.clinicflow.booking.lists;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clinicflow.booking.availability.SessionKind;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A clinician's clinic list (consultations and reviews) or theatre list (procedures) for one or more days, in list
 * order. Cancelled appointments are left off. A surgeon sees their own lists; reception and clinic admins anyone's.
 */
@RestController
@RequestMapping("/api/booking/clinicians/{clinicianId}/lists/{kind}")
@Validated
class ListController {

    private final ClinicLists lists;

    ListController(ClinicLists lists) {
        this.lists = lists;
    }

    @Operation(summary = "A clinic or theatre list for a day (days=1) or a week (days=7), in list order")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "clinician-list", id = "#clinicianId")
    List<ClinicLists.ListEntry> list(@PathVariable UUID clinicianId, @PathVariable SessionKind kind,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     @RequestParam(defaultValue = "1") @Min(1) @Max(7) int days,
                                     Authentication authentication) {
        lists.requireMayRead(clinicianId, ClinicUser.of(authentication));
        return lists.entries(clinicianId, kind, date, days);
    }

    @Operation(summary = "The same list as a print-friendly HTML page")
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "clinician-list", id = "#clinicianId")
    String printable(@PathVariable UUID clinicianId, @PathVariable SessionKind kind,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @RequestParam(defaultValue = "1") @Min(1) @Max(7) int days, Authentication authentication) {
        var clinician = lists.requireMayRead(clinicianId, ClinicUser.of(authentication));
        var title = (kind == SessionKind.THEATRE ? "Theatre list" : "Clinic list") + ": " + clinician.displayName();
        return PrintableList.of(title, kind, lists.entries(clinicianId, kind, date, days));
    }
}
