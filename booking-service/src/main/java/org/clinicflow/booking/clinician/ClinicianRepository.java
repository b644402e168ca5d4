package org.clinicflow.booking.clinician;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface ClinicianRepository extends JpaRepository<Clinician, UUID> {

    List<Clinician> findByActiveTrueOrderByDisplayName();

    List<Clinician> findAllByOrderByDisplayName();
}
