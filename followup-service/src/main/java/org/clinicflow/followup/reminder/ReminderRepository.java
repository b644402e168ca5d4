package org.clinicflow.followup.reminder;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface ReminderRepository extends JpaRepository<Reminder, UUID> {

    List<Reminder> findByPatientIdOrderByDueAt(UUID patientId);

    long countByAppointmentId(UUID appointmentId);
}
