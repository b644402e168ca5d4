package org.clinicflow.booking.account;

import org.clinicflow.booking.patient.PatientContactRecorded;
import org.clinicflow.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Patients' sign-ins as reception keeps them: opened with the patient's record, invited again, switched off and on.
 * Creating the Keycloak user is left to {@link AccountProvisioning}, so a registration never waits for, or fails
 * because of, Keycloak; reception's own requests go to Keycloak at once, so that "disabled" on the screen is true.
 */
@Service
class PatientAccounts {

    private static final Logger log = LoggerFactory.getLogger(PatientAccounts.class);

    private final PatientAccountRepository accounts;
    private final KeycloakUsers keycloak;
    private final Clock clock;

    PatientAccounts(PatientAccountRepository accounts, KeycloakUsers keycloak, Clock clock) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    /**
     * An email address on the record makes a sign-in possible: the account is written in the transaction that
     * recorded the address, or not at all. A later change of address does not touch an existing sign-in.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void contactRecorded(PatientContactRecorded recorded) {
        if (recorded.hasEmail() && !accounts.existsById(recorded.patientId())) {
            accounts.save(PatientAccount.open(recorded.patientId(), clock.instant(), recorded.recordedBy()));
        }
    }

    /**
     * The account, its state brought up to date: an invited patient who has since chosen a password is active. When
     * Keycloak cannot say, the state last known is answered.
     */
    @Transactional
    PatientAccount read(UUID patientId) {
        var account = find(patientId);
        if (account.state() == AccountState.INVITED) {
            try {
                if (keycloak.hasPassword(account.keycloakUserId())) {
                    account.activated(clock.instant());
                }
            } catch (KeycloakUsers.Unreachable | KeycloakUsers.Refused e) {
                log.warn("Could not ask Keycloak whether patient {} has a password: {}", patientId, e.getMessage());
            }
        }
        return account;
    }

    /** Sends the invitation again now, or lets the worker try at once when it has not got through yet. */
    @Transactional
    PatientAccount inviteAgain(UUID patientId, String by) {
        var account = find(patientId);
        if (account.invitationRequested(clock.instant(), by)) {
            keycloak.sendInvitation(account.keycloakUserId());
            account.invitationSentAgain(clock.instant());
            log.info("Invitation sent again to patient {}", patientId);
        }
        return account;
    }

    /** Switches signing in off at Keycloak (ending open sessions) before recording it. */
    @Transactional
    PatientAccount disable(UUID patientId, String by) {
        var account = find(patientId);
        if (account.state() != AccountState.DISABLED && account.keycloakUserId() != null) {
            keycloak.setEnabled(account.keycloakUserId(), false);
        }
        account.disabled(clock.instant(), by);
        log.info("Sign-in of patient {} disabled", patientId);
        return account;
    }

    @Transactional
    PatientAccount enable(UUID patientId, String by) {
        var account = find(patientId);
        if (account.state() == AccountState.DISABLED && account.keycloakUserId() != null) {
            keycloak.setEnabled(account.keycloakUserId(), true);
        }
        account.enabled(clock.instant(), by);
        if (account.state() == AccountState.INVITED && keycloak.hasPassword(account.keycloakUserId())) {
            account.activated(clock.instant());
        }
        log.info("Sign-in of patient {} enabled", patientId);
        return account;
    }

    private PatientAccount find(UUID patientId) {
        return accounts.findById(patientId).orElseThrow(() -> new NotFoundException("Patient account", patientId));
    }
}
