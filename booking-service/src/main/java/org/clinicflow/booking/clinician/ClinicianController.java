package org.clinicflow.booking.clinician;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking/clinicians")
class ClinicianController {

    private final ClinicianRepository clinicians;

    ClinicianController(ClinicianRepository clinicians) {
        this.clinicians = clinicians;
    }

    record ClinicianView(UUID id, String displayName, String profession, String specialty) {
    }

    @Operation(summary = "The clinic's active surgeons and specialists")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Transactional(readOnly = true)
    List<ClinicianView> list() {
        return clinicians.findByActiveTrueOrderByDisplayName().stream()
                .map(c -> new ClinicianView(c.id(), c.displayName(), c.profession(), c.specialty()))
                .toList();
    }
}
