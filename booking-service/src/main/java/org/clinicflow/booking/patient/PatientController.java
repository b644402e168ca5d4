package org.clinicflow.booking.patient;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.clinicflow.booking.web.PageOf;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.outbox.Outbox;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.HiddenRecordException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking/patients")
class PatientController {

    private final PatientRepository patients;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;
    private final PatientRegistration registration;

    PatientController(PatientRepository patients, Outbox outbox, Clock clock, ApplicationEventPublisher inProcess,
                      PatientRegistration registration) {
        this.patients = patients;
        this.outbox = outbox;
        this.clock = clock;
        this.inProcess = inProcess;
        this.registration = registration;
    }

    record ChangeContact(@Email @Size(max = 254) String email,
                         String mobilePhone,
                         @NotNull Boolean emailConsent,
                         @NotNull Boolean smsConsent) {
    }

    record RegisterPatient(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @Email @Size(max = 254) String email,
            String mobilePhone,
            @Size(max = 12) String nhsNumber,
            @NotNull Boolean emailConsent,
            @NotNull Boolean smsConsent) {
    }

    record PatientView(UUID id, String givenName, String familyName, LocalDate dateOfBirth, String email,
                       String mobilePhone, String nhsNumber, boolean emailConsent, boolean smsConsent) {

        static PatientView of(Patient patient) {
            return new PatientView(patient.id(), patient.givenName(), patient.familyName(), patient.dateOfBirth(),
                    patient.email(), patient.mobilePhone(), patient.nhsNumber(), patient.emailConsent(),
                    patient.smsConsent());
        }
    }

    @Operation(summary = "Register a patient (self-referral: no GP referral needed)")
    @PostMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CREATE, record = "patient", id = "#result?.id()", patients = "#result?.id()")
    @Transactional
    ResponseEntity<PatientView> register(@Valid @RequestBody RegisterPatient request, Authentication authentication,
                                         UriComponentsBuilder uri) {
        var patient = registration.register(new PatientRegistration.NewPatient(request.givenName(),
                request.familyName(), request.dateOfBirth(), request.email(), request.mobilePhone(),
                request.nhsNumber(), request.emailConsent(), request.smsConsent()),
                ClinicUser.of(authentication).userId());
        return ResponseEntity.created(uri.path("/api/booking/patients/{id}").build(patient.id()))
                .eTag(Versions.etag(patient.version()))
                .body(PatientView.of(patient));
    }

    @Operation(summary = "Change a patient's contact details and consent per channel (If-Match required)")
    @PutMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "patient", id = "#id", patients = "#id")
    @Transactional
    ResponseEntity<PatientView> changeContact(@PathVariable UUID id, @Valid @RequestBody ChangeContact request,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              Authentication authentication) {
        var patient = patients.findById(id).orElseThrow(() -> new NotFoundException("Patient", id));
        Versions.requireMatch(ifMatch, patient.version());
        var mobilePhone = PatientRegistration.phoneToKeep(request.mobilePhone(), request.smsConsent());
        PatientRegistration.requireChannelsForConsent(request.email(), request.emailConsent(), mobilePhone,
                request.smsConsent());
        patient.changeContact(request.email(), mobilePhone, request.emailConsent(), request.smsConsent());
        patients.saveAndFlush(patient);
        outbox.append(PatientEvents.TOPIC, PatientEvents.of(PatientEvents.CONTACT_CHANGED_V1, patient, clock));
        inProcess.publishEvent(new PatientContactRecorded(patient.id(), patient.email() != null,
                ClinicUser.of(authentication).userId()));
        return ResponseEntity.ok().eTag(Versions.etag(patient.version())).body(PatientView.of(patient));
    }

    /** Enough to tell two patients apart at the desk; contact details stay on the patient's own record. */
    record PatientMatch(UUID id, String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber) {
    }

    /**
     * Finds a patient by NHS number, or by family name (its start, any case) together with date of birth. A name
     * alone is refused: the register is not for browsing.
     */
    @Operation(summary = "Find a patient by NHS number, or by family name and date of birth (reception, paged)")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "patient-search", patients = "#result?.items().![id()]")
    @Transactional(readOnly = true)
    PageOf<PatientMatch> find(@RequestParam(required = false) String nhsNumber,
                              @RequestParam(required = false) String familyName,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate dateOfBirth,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var pageable = PageRequest.of(page, size);
        Page<Patient> found;
        if (nhsNumber != null && !nhsNumber.isBlank()) {
            if (!NhsNumber.isValid(nhsNumber)) {
                throw new InvalidFieldException("nhsNumber", "is not a valid NHS number (check digit)");
            }
            found = patients.findByNhsNumber(NhsNumber.normalise(nhsNumber), pageable);
        } else if (familyName != null && familyName.strip().length() >= 2 && dateOfBirth != null) {
            found = patients.findByBirthAndFamilyName(dateOfBirth, familyName.strip(), pageable);
        } else {
            throw new InvalidFieldException(dateOfBirth == null ? "dateOfBirth" : "familyName",
                    "search by nhsNumber, or by familyName (at least two letters) with dateOfBirth");
        }
        return new PageOf<>(found.getContent().stream()
                .map(p -> new PatientMatch(p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), p.nhsNumber()))
                .toList(), page, size, found.getTotalElements());
    }

    @Operation(summary = "Read a patient's details (reception and clinic admin; a patient only their own)")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon', 'patient')")
    @Audited(action = AuditAction.READ, record = "patient", id = "#id", patients = "#id")
    @Transactional(readOnly = true)
    ResponseEntity<PatientView> read(@PathVariable UUID id, Authentication authentication) {
        var user = ClinicUser.of(authentication);
        // A patient asking for someone else's record learns nothing, not even that it exists.
        if (!user.isClinicStaff() && !user.patientId().equals(Optional.of(id))) {
            throw new HiddenRecordException("Patient", id, id);
        }
        var patient = patients.findById(id).orElseThrow(() -> new NotFoundException("Patient", id));
        return ResponseEntity.ok().eTag(Versions.etag(patient.version())).body(PatientView.of(patient));
    }
}
