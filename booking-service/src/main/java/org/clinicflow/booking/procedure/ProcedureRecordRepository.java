package org.clinicflow.booking.procedure;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface ProcedureRecordRepository extends JpaRepository<ProcedureRecord, UUID> {

    boolean existsByAppointmentId(UUID appointmentId);
}
