package org.clinicflow.booking.appointment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface AppointmentChangeRepository extends JpaRepository<AppointmentChange, Long> {

    List<AppointmentChange> findByAppointmentIdOrderById(UUID appointmentId);
}
