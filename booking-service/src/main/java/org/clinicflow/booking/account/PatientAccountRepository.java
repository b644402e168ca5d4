package org.clinicflow.booking.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

interface PatientAccountRepository extends JpaRepository<PatientAccount, UUID> {

    /**
     * The next account waiting for Keycloak whose time has come, locked for this transaction; rows another instance's
     * worker holds are skipped, so two workers never provision one patient at once.
     */
    @Query(value = """
            select * from patient_account
            where state = 'INVITE_PENDING' and next_attempt_at <= :now
            order by next_attempt_at
            limit 1
            for update skip locked
            """, nativeQuery = true)
    Optional<PatientAccount> claimNextDue(Instant now);
}
