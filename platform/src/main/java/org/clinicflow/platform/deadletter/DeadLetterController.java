package org.clinicflow.platform.deadletter;

import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicRole;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The service's dead letters, for clinic admins: what failed and why, and a replay of each. */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("${clinicflow.dead-letters.path}")
    @Audited(action = AuditAction.READ, record = "dead-letter")
    List<DeadLetters.DeadLetter> list(Authentication authentication) {
        requireAdmin(authentication);
        return deadLetters.list(200);
    }

    @PostMapping("${clinicflow.dead-letters.path}/{id}/replay")
    @Audited(action = AuditAction.CHANGE, record = "dead-letter", id = "#id")
    ResponseEntity<?> replay(@PathVariable UUID id, Authentication authentication) {
        requireAdmin(authentication);
        try {
            return ResponseEntity.ok(deadLetters.replay(id, ClinicUser.of(authentication).userId()));
        } catch (DeadLetters.ReplayFailedException brokerAway) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, brokerAway.getMessage());
            problem.setTitle("Broker unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
        }
    }

    /** Checked here, as the audit log is, so that it holds in a service without method security. */
    private static void requireAdmin(Authentication authentication) {
        if (!ClinicUser.of(authentication).hasRole(ClinicRole.CLINIC_ADMIN)) {
            throw new AccessDeniedException("Dead letters are for clinic admins");
        }
    }
}
