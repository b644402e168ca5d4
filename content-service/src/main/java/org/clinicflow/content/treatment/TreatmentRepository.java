package org.clinicflow.content.treatment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface TreatmentRepository extends JpaRepository<Treatment, String> {

    List<Treatment> findAllByOrderByTitle();
}
