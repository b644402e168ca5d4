package org.clinicflow.platform.audit;

import org.clinicflow.platform.security.ClinicUser;
import org.springframework.security.core.Authentication;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The audit record being assembled for the current {@link Audited} call. Code deep in a call that learns which
 * patient a record belongs to (after loading it, before deciding the caller may not see it) notes it here, so that
 * even a refused attempt is recorded against the patient it aimed at.
 */
public final class AuditScope {

    private static final ThreadLocal<AuditScope> CURRENT = new ThreadLocal<>();

    private final Set<UUID> patients = new LinkedHashSet<>();
    /** The scope of an audited call that made this one, restored when this one ends. */
    private final AuditScope enclosing;

    private AuditScope(AuditScope enclosing) {
        this.enclosing = enclosing;
    }

    /** Notes patients reached by the current audited call; does nothing outside one. Null ids are ignored. */
    public static void patients(Collection<UUID> patientIds) {
        var scope = CURRENT.get();
        if (scope != null) {
            patientIds.stream().filter(java.util.Objects::nonNull).forEach(scope.patients::add);
        }
    }

    /**
     * The patient the caller is, from the token's {@code patient_id}, noted as the patient an audited "mine" call
     * reaches; empty for a caller who is no patient.
     */
    public static Optional<UUID> callingPatient(Authentication authentication) {
        var patientId = ClinicUser.of(authentication).patientId();
        patientId.ifPresent(AuditScope::patient);
        return patientId;
    }

    public static void patient(UUID patientId) {
        if (patientId != null) {
            patients(Set.of(patientId));
        }
    }

    static AuditScope open() {
        var scope = new AuditScope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    void close() {
        if (enclosing == null) {
            CURRENT.remove();
        } else {
            enclosing.patients.addAll(patients);
            CURRENT.set(enclosing);
        }
    }

    Set<UUID> notedPatients() {
        return patients;
    }
}
