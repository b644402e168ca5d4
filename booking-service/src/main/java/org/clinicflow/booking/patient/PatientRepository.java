package org.clinicflow.booking.patient;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;

import java.util.UUID;

public interface PatientRepository extends JpaRepository<Patient, UUID> {

    Page<Patient> findByNhsNumber(String nhsNumber, Pageable page);

    @Query("""
            select p from Patient p
            where p.dateOfBirth = :dateOfBirth and lower(p.familyName) like concat(lower(:familyName), '%')
            order by p.familyName, p.givenName, p.id
            """)
    Page<Patient> findByBirthAndFamilyName(LocalDate dateOfBirth, String familyName, Pageable page);
}
