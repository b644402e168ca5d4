package org.clinicflow.booking.account;

import org.clinicflow.booking.patient.Patient;
import org.clinicflow.booking.patient.PatientRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes each waiting account a Keycloak sign-in: finds or creates the user, gives it the patient role and has Keycloak
 * email the invitation. Runs every {@code clinicflow.booking.accounts.worker-delay}, one account per transaction, the
 * row locked ({@code SKIP LOCKED}) so that instances share the work and never do one account twice at once.
 * <p>
 * Every step may be repeated safely: the user is found by its {@code patient_id} attribute before one is created, and
 * a user that a crashed earlier attempt created is found by it afterwards. A failure is written to the account with
 * the time of the next attempt and the round moves on, so one account that Keycloak refuses never holds up the others.
 * An invitation can go out twice only if the commit after Keycloak sent it fails.
 */
@Component
@EnableConfigurationProperties(AccountsProperties.class)
class AccountProvisioning {

    private static final Logger log = LoggerFactory.getLogger(AccountProvisioning.class);
    /** Accounts per round at most, so one round never holds the scheduler for long. */
    private static final int ROUND = 20;

    private final PatientAccountRepository accounts;
    private final PatientRepository patients;
    private final KeycloakUsers keycloak;
    private final AccountsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AccountProvisioning(PatientAccountRepository accounts, PatientRepository patients, KeycloakUsers keycloak,
                        AccountsProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.patients = patients;
        this.keycloak = keycloak;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${clinicflow.booking.accounts.worker-delay}",
            initialDelayString = "${clinicflow.booking.accounts.worker-delay}")
    void provisionDue() {
        for (int i = 0; i < ROUND; i++) {
            if (!Boolean.TRUE.equals(transaction.execute(status -> provisionNext()))) {
                return;
            }
        }
    }

    /** @return false when no account was due */
    private boolean provisionNext() {
        var due = accounts.claimNextDue(clock.instant());
        if (due.isEmpty()) {
            return false;
        }
        var account = due.get();
        var patient = patients.findById(account.patientId()).orElseThrow();
        if (patient.email() == null) {
            fail(account, PatientAccount.Problem.NO_EMAIL);
            return true;
        }
        try {
            var userId = linkOrCreate(account, patient);
            keycloak.grantPatientRole(userId);
            keycloak.sendInvitation(userId);
            account.invited(userId, clock.instant());
            log.info("Sign-in created for patient {} and invitation sent", account.patientId());
        } catch (KeycloakUsers.Unreachable e) {
            fail(account, PatientAccount.Problem.KEYCLOAK_UNREACHABLE);
            log.warn("Sign-in of patient {} waits (attempt {}): {}", account.patientId(), account.attempts(),
                    e.getMessage());
        } catch (EmailInUse e) {
            fail(account, PatientAccount.Problem.EMAIL_IN_USE);
            log.warn("Sign-in of patient {} not created: another Keycloak user has the email address",
                    account.patientId());
        } catch (KeycloakUsers.Refused e) {
            fail(account, PatientAccount.Problem.KEYCLOAK_REFUSED);
            log.warn("Sign-in of patient {} refused (attempt {}): {}", account.patientId(), account.attempts(),
                    e.getMessage());
        } catch (RuntimeException e) {
            // Recorded and put back like any failure: left to propagate, this account would come first in every
            // round and stop all the others. Only the type is logged; a message might quote Keycloak's answer.
            fail(account, PatientAccount.Problem.UNEXPECTED);
            log.error("Sign-in of patient {} failed unexpectedly (attempt {}): {}", account.patientId(),
                    account.attempts(), e.getClass().getName());
        }
        return true;
    }

    /**
     * The Keycloak user of this patient: the one linked already, else one carrying the patient's id, else a new one.
     * A user with the same email but another or no patient id is someone else's sign-in (a member of staff's,
     * perhaps) and is never taken over.
     */
    private String linkOrCreate(PatientAccount account, Patient patient) {
        if (account.keycloakUserId() != null) {
            return account.keycloakUserId();
        }
        Optional<KeycloakUsers.User> mine = keycloak.withPatientId(patient.id());
        if (mine.isPresent()) {
            return mine.get().id();
        }
        if (keycloak.withEmail(patient.email()).isPresent()) {
            throw new EmailInUse();
        }
        try {
            return keycloak.create(new KeycloakUsers.NewUser("patient-" + patient.id(), patient.email(),
                    patient.givenName(), patient.familyName(), true, false,
                    Map.of(KeycloakUsers.PATIENT_ID_ATTRIBUTE, List.of(patient.id().toString()))));
        } catch (KeycloakUsers.Refused e) {
            if (!e.conflict()) {
                throw e;
            }
            // Taken between the look and the create: ours if another instance or attempt made it.
            return keycloak.withPatientId(patient.id()).map(KeycloakUsers.User::id).orElseThrow(EmailInUse::new);
        }
    }

    private void fail(PatientAccount account, PatientAccount.Problem problem) {
        account.attemptFailed(problem, clock.instant(), properties.firstRetry(), properties.longestRetry());
    }

    private static final class EmailInUse extends RuntimeException {
        EmailInUse() {
            super(null, null, false, false);
        }
    }
}
