package org.clinicflow.followup.worklist;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.followup.worklist.WorklistQuery.Worklist;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The clinic's worklist over HTTP; what is on it is {@link WorklistQuery}'s business. */
@RestController
@RequestMapping("/api/followup/worklist")
class WorklistController {

    private final WorklistQuery worklist;

    WorklistController(WorklistQuery worklist) {
        this.worklist = worklist;
    }

    @Operation(summary = "Access alerts not yet acknowledged, overdue tasks (until their result or closure), reviews "
            + "and recalls not booked by their date or missed, failed messages (clinic staff)")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Audited(action = AuditAction.READ, record = "worklist", patients = "#result?.namedPatients()")
    Worklist worklist() {
        return worklist.today();
    }
}
