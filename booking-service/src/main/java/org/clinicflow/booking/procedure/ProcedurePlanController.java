package org.clinicflow.booking.procedure;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.clinicflow.booking.procedure.ProcedurePlans.PlanProcedure;
import org.clinicflow.booking.procedure.ProcedurePlans.PlanView;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A theatre appointment's procedure plan over HTTP; the rules are {@link ProcedurePlans}'. */
@RestController
@RequestMapping("/api/booking/appointments/{appointmentId}/procedure-plan")
class ProcedurePlanController {

    private final ProcedurePlans plans;

    ProcedurePlanController(ProcedurePlans plans) {
        this.plans = plans;
    }

    @Operation(summary = "The planned treatment and levels of a theatre appointment")
    @GetMapping
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "procedure-plan", id = "#appointmentId")
    PlanView plan(@PathVariable UUID appointmentId, Authentication authentication) {
        return plans.plan(appointmentId, ClinicUser.of(authentication));
    }

    @Operation(summary = "Plan (or re-plan) the treatment and levels of a theatre appointment")
    @PutMapping
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "procedure-plan", id = "#appointmentId")
    PlanView replan(@PathVariable UUID appointmentId, @Valid @RequestBody PlanProcedure request,
                    Authentication authentication) {
        return plans.replan(appointmentId, request, ClinicUser.of(authentication));
    }
}
