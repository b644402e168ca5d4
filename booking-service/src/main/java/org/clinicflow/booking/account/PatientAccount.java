package org.clinicflow.booking.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clinicflow.platform.web.ConflictException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient's sign-in at Keycloak, from the moment an email address makes one possible. Keycloak holds the sign-in
 * itself (user name, password, the {@code patient_id} attribute); this row holds what the clinic needs to get it there
 * reliably and to answer reception: the state, the Keycloak user it is linked to, and how the last attempt went.
 * <p>
 * Invariants: {@code keycloakUserId} is null until the worker has found or created the Keycloak user, and never
 * changes after; an account in {@link AccountState#INVITE_PENDING} is tried again at {@code nextAttemptAt};
 * {@code lastProblem} is a code from {@link Problem}, never Keycloak's own words (they may quote the email address).
 */
@Entity
@Table(name = "patient_account")
class PatientAccount {

    /** What went wrong at the last attempt, in words that name no person. */
    public enum Problem {
        /** Keycloak did not answer, or answered with a server error: it is tried again later. */
        KEYCLOAK_UNREACHABLE,
        /** Keycloak refused the request (a 4xx other than a conflict): tried again later, but needs a look. */
        KEYCLOAK_REFUSED,
        /** Another Keycloak user, not this patient's, has this email address: never linked automatically. */
        EMAIL_IN_USE,
        /** The patient's record has no email address any more. */
        NO_EMAIL,
        /** Something else failed (an answer booking-service could not read, say): tried again later, needs a look. */
        UNEXPECTED
    }

    @Id
    private UUID patientId;
    @Enumerated(EnumType.STRING)
    private AccountState state;
    private String keycloakUserId;
    private int attempts;
    @Enumerated(EnumType.STRING)
    private Problem lastProblem;
    private Instant nextAttemptAt;
    private int invitationsSent;
    private Instant lastInvitedAt;
    @Column(updatable = false)
    private Instant openedAt;
    private Instant changedAt;
    private String changedBy;
    @Version
    private long version;

    protected PatientAccount() {
    }

    private PatientAccount(UUID patientId, Instant now, String by) {
        this.patientId = patientId;
        this.state = AccountState.INVITE_PENDING;
        this.nextAttemptAt = now;
        this.openedAt = now;
        this.changedAt = now;
        this.changedBy = by;
    }

    /** A sign-in to be created as soon as Keycloak can be reached. */
    static PatientAccount open(UUID patientId, Instant now, String by) {
        return new PatientAccount(patientId, now, by);
    }

    /** The worker found or created the Keycloak user and Keycloak sent the invitation. */
    void invited(String userId, Instant now) {
        if (keycloakUserId != null && !keycloakUserId.equals(userId)) {
            throw new IllegalStateException("Account " + patientId + " is linked to another Keycloak user");
        }
        keycloakUserId = userId;
        state = AccountState.INVITED;
        attempts = 0;
        lastProblem = null;
        invitationsSent++;
        lastInvitedAt = now;
        changedAt = now;
    }

    /**
     * The attempt failed; the next waits twice as long as the one before, from {@code firstPause} up to
     * {@code longestPause}, so that a Keycloak outage is not hammered and a lasting refusal is not retried every
     * second.
     */
    void attemptFailed(Problem problem, Instant now, Duration firstPause, Duration longestPause) {
        attempts++;
        lastProblem = problem;
        var pause = firstPause.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(pause.compareTo(longestPause) > 0 ? longestPause : pause);
        changedAt = now;
    }

    /**
     * Reception asks for the invitation again. An account still waiting is tried at once; otherwise the caller sends it
     * through Keycloak and this records it.
     *
     * @return whether Keycloak must be asked now (false: the worker will do it)
     */
    boolean invitationRequested(Instant now, String by) {
        if (state == AccountState.DISABLED) {
            throw new ConflictException("Signing in is disabled for this patient: enable it before inviting again");
        }
        changedAt = now;
        changedBy = by;
        if (state == AccountState.INVITE_PENDING) {
            nextAttemptAt = now;
            attempts = 0;
            return false;
        }
        return true;
    }

    /** Keycloak sent the invitation reception asked for. */
    void invitationSentAgain(Instant now) {
        invitationsSent++;
        lastInvitedAt = now;
        changedAt = now;
    }

    /** The patient has chosen a password (Keycloak says so). */
    void activated(Instant now) {
        if (state == AccountState.INVITED) {
            state = AccountState.ACTIVE;
            changedAt = now;
        }
    }

    void disabled(Instant now, String by) {
        state = AccountState.DISABLED;
        changedAt = now;
        changedBy = by;
    }

    /**
     * Signing in is switched on again: back to waiting for the worker when no Keycloak user was made yet, else to
     * invited (the caller checks with Keycloak whether the patient has a password already).
     */
    void enabled(Instant now, String by) {
        if (state != AccountState.DISABLED) {
            return;
        }
        state = keycloakUserId == null ? AccountState.INVITE_PENDING : AccountState.INVITED;
        nextAttemptAt = now;
        changedAt = now;
        changedBy = by;
    }

    public UUID patientId() {
        return patientId;
    }

    public AccountState state() {
        return state;
    }

    /** Null until linked. */
    String keycloakUserId() {
        return keycloakUserId;
    }

    int attempts() {
        return attempts;
    }

    /** Null when the last attempt succeeded or none failed. */
    Problem lastProblem() {
        return lastProblem;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    int invitationsSent() {
        return invitationsSent;
    }

    /** Null before the first invitation. */
    Instant lastInvitedAt() {
        return lastInvitedAt;
    }
}
