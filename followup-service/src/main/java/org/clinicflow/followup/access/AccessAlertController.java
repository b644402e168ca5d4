package org.clinicflow.followup.access;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/followup/access-alerts")
class AccessAlertController {

    private final AccessAlerts alerts;

    AccessAlertController(AccessAlerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "One access alert, its version as ETag (reception, clinic admin)")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "access-alert", id = "#id", patients = "#result?.patientId()")
    ResponseEntity<AccessAlerts.AlertView> one(@PathVariable UUID id) {
        var alert = alerts.find(id);
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(alert.version())).body(alert);
    }

    @Operation(summary = "Acknowledge an access alert: who and when are kept (reception, clinic admin; If-Match)")
    @PostMapping("/{id}/acknowledgement")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "access-alert", id = "#id")
    @Transactional
    ResponseEntity<AccessAlerts.AlertView> acknowledge(@PathVariable UUID id,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                       String ifMatch, Authentication authentication) {
        var alert = alerts.acknowledge(id, ifMatch, ClinicUser.of(authentication));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(alert.version())).body(alert);
    }
}
