package org.clinicflow.booking.availability;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface SessionTemplateRepository extends JpaRepository<SessionTemplate, UUID> {

    List<SessionTemplate> findByClinicianIdOrderByDayOfWeekAscStartsAtAsc(UUID clinicianId);
}
