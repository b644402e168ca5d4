package org.clinicflow.booking.clinician;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking/clinicians")
class ClinicianController {

    private final ClinicianRepository clinicians;
    private final ClinicianDiary diary;
    private final Clock clock;

    ClinicianController(ClinicianRepository clinicians, ClinicianDiary diary, Clock clock) {
        this.clinicians = clinicians;
        this.diary = diary;
        this.clock = clock;
    }

    record ClinicianView(UUID id, String displayName, String profession, String specialty, boolean active) {

        static ClinicianView of(Clinician c) {
            return new ClinicianView(c.id(), c.displayName(), c.profession(), c.specialty(), c.active());
        }
    }

    record NewClinician(@NotBlank @Size(max = 120) String displayName, @NotNull Clinician.Profession profession,
                        @NotBlank @Size(max = 120) String specialty) {
    }

    record ClinicianChange(@NotBlank @Size(max = 120) String displayName, @NotBlank @Size(max = 120) String specialty,
                           @NotNull Boolean active) {
    }

    @Operation(summary = "The clinic's surgeons and specialists; clinic-admin may include those no longer active")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Transactional(readOnly = true)
    List<ClinicianView> list(@RequestParam(defaultValue = "false") boolean includeInactive) {
        var found = includeInactive ? clinicians.findAllByOrderByDisplayName()
                : clinicians.findByActiveTrueOrderByDisplayName();
        return found.stream().map(ClinicianView::of).toList();
    }

    @Operation(summary = "One clinician, with the ETag to change them")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Transactional(readOnly = true)
    ResponseEntity<ClinicianView> get(@PathVariable UUID id) {
        var clinician = find(id);
        return ResponseEntity.ok().eTag(Versions.etag(clinician.version())).body(ClinicianView.of(clinician));
    }

    /**
     * Adds a clinician to the diary. Their Keycloak user gets this id as its {@code clinician_id} attribute so that
     * they see their own lists; that link is made in Keycloak, by whoever creates the login.
     */
    @Operation(summary = "Add a surgeon or specialist (clinic-admin)")
    @PostMapping
    @PreAuthorize("hasRole('clinic-admin')")
    @Transactional
    ResponseEntity<ClinicianView> add(@Valid @RequestBody NewClinician request) {
        var clinician = clinicians.saveAndFlush(new Clinician(UUID.randomUUID(), request.displayName().strip(),
                request.profession(), request.specialty().strip()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(clinician.id());
        return ResponseEntity.created(location).eTag(Versions.etag(clinician.version()))
                .body(ClinicianView.of(clinician));
    }

    /**
     * Renames, re-describes, or stops or restarts a clinician taking appointments. A clinician with appointments still
     * ahead cannot be made inactive: those patients would silently lose their surgeon, so they are moved first.
     */
    @Operation(summary = "Change a clinician's name, specialty or whether they take appointments (clinic-admin, If-Match)")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('clinic-admin')")
    @Transactional
    ResponseEntity<ClinicianView> change(@PathVariable UUID id, @Valid @RequestBody ClinicianChange request,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var clinician = find(id);
        Versions.requireMatch(ifMatch, clinician.version());
        if (clinician.active() && !request.active()) {
            var ahead = diary.liveAppointments(id, clock.instant(), ClinicianDiary.OPEN_ENDED);
            if (!ahead.isEmpty()) {
                throw new ConflictException("This clinician still has " + ahead.size()
                        + " appointment(s) ahead, the first at " + ahead.getFirst().startsAt()
                        + "; move or cancel them before making the clinician inactive");
            }
        }
        clinician.describe(request.displayName().strip(), request.specialty().strip());
        clinician.setActive(request.active());
        clinicians.saveAndFlush(clinician);
        return ResponseEntity.ok().eTag(Versions.etag(clinician.version())).body(ClinicianView.of(clinician));
    }

    private Clinician find(UUID id) {
        return clinicians.findById(id).orElseThrow(() -> new NotFoundException("Clinician", id));
    }
}
