package org.clinicflow.booking.patient;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;

import java.util.UUID;

public interface PatientRepository extends JpaRepository<Patient, UUID> {

    Page<Patient> findByNhsNumber(String nhsNumber, Pageable page);

    /**
     * Patients born on the day whose family name starts with {@code familyNameStart}, ignoring case. The start is
     * matched letter for letter: {@code %} and {@code _} in it are not wildcards, so a search cannot widen itself to
     * everyone born that day.
     */
    default Page<Patient> findByBirthAndFamilyName(LocalDate dateOfBirth, String familyNameStart, Pageable page) {
        var literal = familyNameStart.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return findByBirthAndFamilyNameLike(dateOfBirth, literal + "%", page);
    }

    @Query("""
            select p from Patient p
            where p.dateOfBirth = :dateOfBirth and lower(p.familyName) like lower(:pattern) escape '\\'
            order by p.familyName, p.givenName, p.id
            """)
    Page<Patient> findByBirthAndFamilyNameLike(LocalDate dateOfBirth, String pattern, Pageable page);
}
