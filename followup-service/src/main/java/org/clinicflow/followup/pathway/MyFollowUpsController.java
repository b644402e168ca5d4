package org.clinicflow.followup.pathway;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.followup.pathway.MyFollowUps.FollowUpView;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A patient's own pathways: what has been sent, what comes next, and where their six-week review stands. */
@RestController
@RequestMapping("/api/followup/follow-ups")
class MyFollowUpsController {

    private final MyFollowUps followUps;

    MyFollowUpsController(MyFollowUps followUps) {
        this.followUps = followUps;
    }

    @Operation(summary = "The calling patient's follow-up pathways")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.READ, record = "follow-up")
    List<FollowUpView> mine(Authentication authentication) {
        return AuditScope.callingPatient(authentication).map(followUps::of).orElse(List.of());
    }
}
