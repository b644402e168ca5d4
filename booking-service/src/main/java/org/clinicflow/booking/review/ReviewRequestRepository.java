package org.clinicflow.booking.review;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface ReviewRequestRepository extends JpaRepository<ReviewRequest, UUID> {

    Page<ReviewRequest> findByAppointmentIdIsNullOrderByWindowStarts(Pageable page);

    Optional<ReviewRequest> findByAppointmentId(UUID appointmentId);
}
