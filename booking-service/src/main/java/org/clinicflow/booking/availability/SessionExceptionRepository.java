package org.clinicflow.booking.availability;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

interface SessionExceptionRepository extends JpaRepository<SessionException, UUID> {

    List<SessionException> findByOnDateBetween(LocalDate from, LocalDate to);

    List<SessionException> findByOnDateBetweenOrderByOnDateAscStartsAtAsc(LocalDate from, LocalDate to);
}
