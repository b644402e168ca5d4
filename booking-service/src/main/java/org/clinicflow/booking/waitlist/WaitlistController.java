package org.clinicflow.booking.waitlist;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.booking.patient.Patient;
import org.clinicflow.booking.patient.PatientRepository;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asking for an earlier time: a patient for their own appointment, reception for anyone's; and reception's view of
 * who is waiting, with every offer made to them.
 */
@RestController
class WaitlistController {

    private final Waitlist waitlist;
    private final WaitlistViews views;
    private final PatientRepository patients;

    WaitlistController(Waitlist waitlist, WaitlistViews views, PatientRepository patients) {
        this.waitlist = waitlist;
        this.views = views;
        this.patients = patients;
    }

    /** One patient waiting, with what they hold and what they have been offered, newest first. */
    record Waiting(UUID entryId, UUID patientId, String patientName, UUID appointmentId,
                   java.time.OffsetDateTime deadline, java.time.OffsetDateTime joinedAt,
                   List<WaitlistViews.OfferView> offers) {
    }

    @Operation(summary = "Ask for an earlier time than one of your own appointments, with the same clinician")
    @PostMapping("/api/booking/my-appointments/{id}/waitlist")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.CHANGE, record = "waitlist-entry", id = "#id")
    ResponseEntity<WaitlistViews.EntryView> joinMine(@PathVariable UUID id, Authentication authentication) {
        return joined(id, authentication);
    }

    @Operation(summary = "Whether you are waiting for an earlier time than this appointment (404 when not)")
    @GetMapping("/api/booking/my-appointments/{id}/waitlist")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.READ, record = "waitlist-entry", id = "#id")
    WaitlistViews.EntryView mine(@PathVariable UUID id, Authentication authentication) {
        return waiting(id, authentication);
    }

    @Operation(summary = "Stop waiting for an earlier time than this appointment")
    @DeleteMapping("/api/booking/my-appointments/{id}/waitlist")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.CHANGE, record = "waitlist-entry", id = "#id")
    ResponseEntity<Void> leaveMine(@PathVariable UUID id, Authentication authentication) {
        waitlist.leave(id, ClinicUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Put a patient's appointment on the waiting list for an earlier time (reception)")
    @PostMapping("/api/booking/appointments/{id}/waitlist")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "waitlist-entry", id = "#id")
    ResponseEntity<WaitlistViews.EntryView> join(@PathVariable UUID id, Authentication authentication) {
        return joined(id, authentication);
    }

    @Operation(summary = "Whether a patient's appointment waits for an earlier time (404 when not)")
    @GetMapping("/api/booking/appointments/{id}/waitlist")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "waitlist-entry", id = "#id")
    WaitlistViews.EntryView waitingEntry(@PathVariable UUID id, Authentication authentication) {
        return waiting(id, authentication);
    }

    @Operation(summary = "Take a patient's appointment off the waiting list")
    @DeleteMapping("/api/booking/appointments/{id}/waitlist")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "waitlist-entry", id = "#id")
    ResponseEntity<Void> leave(@PathVariable UUID id, Authentication authentication) {
        waitlist.leave(id, ClinicUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Everyone waiting for an earlier time, the most pressing 48-hour deadline first, with the "
            + "offers made to each")
    @GetMapping("/api/booking/waitlist")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "waitlist", patients = "#result?.![patientId()]")
    List<Waiting> everyone() {
        var entries = waitlist.everyoneWaiting();
        var offers = waitlist.offersTo(entries.stream().map(Waitlist.Entry::id).collect(Collectors.toSet()))
                .stream().collect(Collectors.groupingBy(Waitlist.Offer::entryId));
        var names = patients.findAllById(entries.stream().map(Waitlist.Entry::patientId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Patient::id, Function.identity()));
        return entries.stream().map(entry -> {
            var patient = names.get(entry.patientId());
            var view = views.entry(entry);
            return new Waiting(entry.id(), entry.patientId(),
                    patient == null ? null : patient.givenName() + " " + patient.familyName(), entry.appointmentId(),
                    view.deadline(), view.joinedAt(),
                    offers.getOrDefault(entry.id(), List.of()).stream().map(views::offer).toList());
        }).toList();
    }

    private ResponseEntity<WaitlistViews.EntryView> joined(UUID id, Authentication authentication) {
        var entry = waitlist.join(id, ClinicUser.of(authentication));
        return ResponseEntity.status(HttpStatus.CREATED).body(views.entry(entry));
    }

    private WaitlistViews.EntryView waiting(UUID id, Authentication authentication) {
        return waitlist.waiting(id, ClinicUser.of(authentication)).map(views::entry)
                .orElseThrow(() -> new NotFoundException("Waiting-list entry", id));
    }
}
