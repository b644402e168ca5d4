package org.clinicflow.platform.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clinicflow.platform.security.ClinicRole;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The service's audit log, for clinic admins: by patient, by user and by time, newest first, a page at a time. There is
 * deliberately no endpoint that changes or deletes a record, and the table refuses it anyway. Reading the log is itself
 * audited: who looked at whose trail is worth knowing too.
 */
@RestController
@Validated
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("${clinicflow.audit.path}")
    @Audited(action = AuditAction.READ, record = "audit-record", patients = "#patientId")
    AuditTrail.Page find(@RequestParam(required = false) UUID patientId,
                         @RequestParam(required = false) String userId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                         OffsetDateTime from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                         OffsetDateTime to,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                         Authentication authentication) {
        // Checked here rather than with @PreAuthorize, so that it holds in a service that has not enabled method
        // security; the refusal is still audited.
        if (!ClinicUser.of(authentication).hasRole(ClinicRole.CLINIC_ADMIN)) {
            throw new AccessDeniedException("The audit log is for clinic admins");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (userId != null && (userId.isBlank() || userId.length() > 100)) {
            throw new InvalidFieldException("userId", "must be a user id");
        }
        return trail.find(patientId, userId, from, to, page, size);
    }
}
