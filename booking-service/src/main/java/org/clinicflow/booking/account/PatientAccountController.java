package org.clinicflow.booking.account;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A patient's sign-in, for reception and clinic admins. A patient registered without an email address has none (404).
 * When Keycloak cannot be reached the change is not made and the answer says so (503), never half done.
 */
@RestController
@RequestMapping("/api/booking/patients/{id}/account")
@PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
class PatientAccountController {

    private final PatientAccounts accounts;

    PatientAccountController(PatientAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * @param problem       why the last attempt to reach Keycloak failed (a {@link PatientAccount.Problem}); null when
     *                      none did
     * @param nextAttemptAt when the worker tries again; null unless the account is waiting for Keycloak
     */
    record AccountView(UUID patientId, AccountState state, int invitationsSent, OffsetDateTime lastInvitedAt,
                       String problem, int attempts, OffsetDateTime nextAttemptAt) {

        static AccountView of(PatientAccount account) {
            return new AccountView(account.patientId(), account.state(), account.invitationsSent(),
                    account.lastInvitedAt() == null ? null : ClinicTime.show(account.lastInvitedAt()),
                    account.lastProblem() == null ? null : account.lastProblem().name(), account.attempts(),
                    account.state() == AccountState.INVITE_PENDING ? ClinicTime.show(account.nextAttemptAt()) : null);
        }
    }

    @Operation(summary = "Read a patient's sign-in: invited, active or disabled (reception and clinic admin)")
    @GetMapping
    @Audited(action = AuditAction.READ, record = "patient-account", id = "#id", patients = "#id")
    AccountView read(@PathVariable UUID id) {
        return AccountView.of(accounts.read(id));
    }

    @Operation(summary = "Send the patient's invitation to choose a password again (409 when sign-in is disabled)")
    @PostMapping("/invitation")
    @Audited(action = AuditAction.CHANGE, record = "patient-account", id = "#id", patients = "#id")
    AccountView inviteAgain(@PathVariable UUID id, Authentication authentication) {
        return keycloakPermitting(() -> AccountView.of(accounts.inviteAgain(id,
                ClinicUser.of(authentication).userId())));
    }

    @Operation(summary = "Switch the patient's sign-in off, ending their open sessions")
    @PostMapping("/disable")
    @Audited(action = AuditAction.CHANGE, record = "patient-account", id = "#id", patients = "#id")
    AccountView disable(@PathVariable UUID id, Authentication authentication) {
        return keycloakPermitting(() -> AccountView.of(accounts.disable(id, ClinicUser.of(authentication).userId())));
    }

    @Operation(summary = "Switch the patient's sign-in on again")
    @PostMapping("/enable")
    @Audited(action = AuditAction.CHANGE, record = "patient-account", id = "#id", patients = "#id")
    AccountView enable(@PathVariable UUID id, Authentication authentication) {
        return keycloakPermitting(() -> AccountView.of(accounts.enable(id, ClinicUser.of(authentication).userId())));
    }

    /** Keycloak's failures as problem details: away (503, try again) or refusing (502, needs a look). */
    private static AccountView keycloakPermitting(Supplier<AccountView> change) {
        try {
            return change.get();
        } catch (KeycloakUsers.Unreachable e) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "Sign-in service unavailable",
                    "Keycloak could not be reached; nothing was changed. Try again in a minute.");
        } catch (KeycloakUsers.Refused e) {
            throw problem(HttpStatus.BAD_GATEWAY, "Sign-in service refused",
                    "Keycloak refused the change; nothing was changed here.");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("field", "account");
        return new ErrorResponseException(status, problem, null);
    }
}
