package org.clinicflow.followup.pathway;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.clinicflow.followup.pathway.Recalls.NewRecall;
import org.clinicflow.followup.pathway.Recalls.RecallView;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The general recall list over HTTP; when a recall's window falls is {@link Recalls}' rule. */
@RestController
@RequestMapping("/api/followup/recalls")
class RecallController {

    private final Recalls recalls;

    RecallController(Recalls recalls) {
        this.recalls = recalls;
    }

    @Operation(summary = "Ask to see a patient again in N weeks, with a reason (surgeons: with themselves)")
    @PostMapping
    @PreAuthorize("hasRole('surgeon')")
    @Audited(action = AuditAction.CHANGE, record = "recall", patients = "#request.patientId()")
    ResponseEntity<RecallView> recall(@Valid @RequestBody NewRecall request, Authentication authentication) {
        var recall = recalls.ask(request, ClinicUser.of(authentication));
        return ResponseEntity.created(URI.create("/api/followup/recalls/" + recall.id())).body(recall);
    }

    @Operation(summary = "One recall and whether it is booked yet (surgeons, reception, clinic admin)")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "recall", id = "#id")
    RecallView one(@PathVariable UUID id) {
        var recall = recalls.find(id);
        AuditScope.patient(recall.patientId());
        return recall;
    }
}
