package org.clinicflow.booking.appointment;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.booking.web.PageOf;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.Versions;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Appointments over HTTP. Every change after booking names the version it was based on in {@code If-Match}
 * (the ETag of the appointment as read): 428 without it, 412 when someone else changed the appointment meanwhile.
 */
@RestController
@RequestMapping("/api/booking")
class AppointmentController {

    private static final String STAFF_WHO_BOOK = "hasAnyRole('receptionist', 'clinic-admin')";
    /** The patient of the appointment an allowed change answers with. */
    private static final String PATIENT_OF_RESULT = "#result?.patientId()";

    private final AppointmentBooking booking;
    private final AppointmentAccess access;
    private final AppointmentRepository appointments;
    private final AppointmentChangeRepository history;
    private final Clock clock;

    AppointmentController(AppointmentBooking booking, AppointmentAccess access, AppointmentRepository appointments,
                          AppointmentChangeRepository history, Clock clock) {
        this.booking = booking;
        this.access = access;
        this.appointments = appointments;
        this.history = history;
        this.clock = clock;
    }

    record HoldRequest(@NotNull UUID clinicianId, @NotNull AppointmentType appointmentType,
                       @NotNull OffsetDateTime startsAt) {
    }

    /**
     * Either {@code holdId} (booking a held slot) or clinician, type and time (booking straight away);
     * {@code enquiryId} when the booking answers a first contact, which stops its 48-hour clock;
     * {@code reviewRequestId} when it books a review that follow-up asked for;
     * {@code overrideReason} (5 to 500 characters) to go past the booking rules the booking would break.
     */
    record BookRequest(@NotNull UUID patientId,
                       UUID holdId,
                       UUID clinicianId,
                       AppointmentType appointmentType,
                       OffsetDateTime startsAt,
                       @Size(max = 500) String reason,
                       UUID enquiryId,
                       UUID reviewRequestId,
                       String overrideReason) {

        AppointmentBooking.Answering answering() {
            return new AppointmentBooking.Answering(enquiryId, reviewRequestId);
        }
    }

    record OverbookRequest(@NotNull UUID patientId, @NotNull UUID clinicianId,
                           @NotNull AppointmentType appointmentType, @NotNull OffsetDateTime startsAt,
                           @NotBlank @Size(max = 500) String reason) {
    }

    /** @param overrideReason staff's reason for going past the booking rules the move would break; may be null */
    record RescheduleRequest(@NotNull OffsetDateTime startsAt, @Size(max = 500) String reason, String overrideReason) {
    }

    /** @param overrideReason staff's reason for cancelling inside the change cutoff; may be null */
    record CancelRequest(@Size(max = 500) String reason, String overrideReason) {
    }

    record ReasonRequest(@Size(max = 500) String reason) {
    }

    /** Times in clinic time with their offset, e.g. 2026-03-30T09:00:00+01:00. */
    record AppointmentView(UUID id, UUID patientId, UUID clinicianId, UUID siteId, AppointmentType appointmentType,
                           OffsetDateTime startsAt, OffsetDateTime endsAt, AppointmentStatus status,
                           OffsetDateTime holdExpiresAt, boolean overbooked, String reason, String statusReason,
                           long version) {

        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.id(), a.patientId(), a.clinicianId(), a.siteId(), a.appointmentType(),
                    ClinicTime.show(a.startsAt()), ClinicTime.show(a.endsAt()), a.status(),
                    ClinicTime.show(a.holdExpiresAt()), a.overbooked(), a.reason(), a.statusReason(), a.version());
        }
    }

    /** @param changedByName who made the change, by name; null for changes made before names were kept */
    record ChangeView(OffsetDateTime changedAt, String changedBy, String changedByName,
                      AppointmentChange.Action action, String reason,
                      OffsetDateTime oldStartsAt, OffsetDateTime newStartsAt, String oldStatus, String newStatus) {

        static ChangeView of(AppointmentChange c) {
            return new ChangeView(ClinicTime.show(c.changedAt()), c.changedBy(), c.changedByName(), c.action(), c.reason(),
                    ClinicTime.show(c.oldStartsAt()), ClinicTime.show(c.newStartsAt()), c.oldStatus(),
                    c.newStatus());
        }
    }

    @Operation(summary = "Hold a slot for a few minutes while details are confirmed; it frees itself if not booked")
    @PostMapping("/holds")
    @PreAuthorize(STAFF_WHO_BOOK)
    @Audited(action = AuditAction.CREATE, record = "appointment", id = "#result?.id()")
    ResponseEntity<AppointmentView> hold(@Valid @RequestBody HoldRequest request, Authentication authentication,
                                         UriComponentsBuilder uri) {
        var hold = booking.hold(new AppointmentBooking.Slot(request.clinicianId(), request.appointmentType(),
                request.startsAt().toInstant()), ClinicUser.of(authentication));
        return ResponseEntity.created(uri.path("/api/booking/holds/{id}").build(hold.id()))
                .body(AppointmentView.of(hold));
    }

    @Operation(summary = "Book an appointment for a registered patient, from a hold or straight away")
    @PostMapping("/appointments")
    @PreAuthorize(STAFF_WHO_BOOK)
    @Audited(action = AuditAction.CREATE, record = "appointment", id = "#result?.id()",
            patients = "#request.patientId()")
    ResponseEntity<AppointmentView> book(@Valid @RequestBody BookRequest request, Authentication authentication,
                                         UriComponentsBuilder uri) {
        var user = ClinicUser.of(authentication);
        Appointment appointment;
        if (request.holdId() != null) {
            appointment = booking.bookHeld(request.holdId(), request.patientId(), request.reason(),
                    request.answering(), user, request.overrideReason());
        } else {
            var missing = new LinkedHashMap<String, String>();
            if (request.clinicianId() == null) {
                missing.put("clinicianId", "is required unless a holdId is given");
            }
            if (request.appointmentType() == null) {
                missing.put("appointmentType", "is required unless a holdId is given");
            }
            if (request.startsAt() == null) {
                missing.put("startsAt", "is required unless a holdId is given");
            }
            if (!missing.isEmpty()) {
                throw new InvalidFieldException(missing);
            }
            appointment = booking.book(new AppointmentBooking.Slot(request.clinicianId(), request.appointmentType(),
                    request.startsAt().toInstant()), request.patientId(), request.reason(), request.answering(), user,
                    request.overrideReason());
        }
        return created(appointment, uri);
    }

    @Operation(summary = "Deliberately double-book a time (clinic-admin only; the reason is kept in the history)")
    @PostMapping("/appointments/overbook")
    @PreAuthorize("hasRole('clinic-admin')")
    @Audited(action = AuditAction.CREATE, record = "appointment", id = "#result?.id()",
            patients = "#request.patientId()")
    ResponseEntity<AppointmentView> overbook(@Valid @RequestBody OverbookRequest request,
                                             Authentication authentication, UriComponentsBuilder uri) {
        var appointment = booking.overbook(new AppointmentBooking.Slot(request.clinicianId(),
                        request.appointmentType(), request.startsAt().toInstant()), request.patientId(),
                request.reason(), ClinicUser.of(authentication));
        return created(appointment, uri);
    }

    @Operation(summary = "Move a booking to another time in one step; the old time frees only if the new one is taken")
    @PostMapping("/appointments/{id}/reschedule")
    @PreAuthorize(STAFF_WHO_BOOK)
    @Audited(action = AuditAction.CHANGE, record = "appointment", id = "#id", patients = PATIENT_OF_RESULT)
    ResponseEntity<AppointmentView> reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleRequest request,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               Authentication authentication) {
        return ok(booking.reschedule(id, ifMatch, request.startsAt().toInstant(), request.reason(),
                ClinicUser.of(authentication), request.overrideReason()));
    }

    @Operation(summary = "Cancel a booking, with a reason")
    @PostMapping("/appointments/{id}/cancel")
    @PreAuthorize(STAFF_WHO_BOOK)
    @Audited(action = AuditAction.CHANGE, record = "appointment", id = "#id", patients = PATIENT_OF_RESULT)
    ResponseEntity<AppointmentView> cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           Authentication authentication) {
        return ok(booking.cancel(id, ifMatch, request.reason(), ClinicUser.of(authentication),
                request.overrideReason()));
    }

    @Operation(summary = "Check the patient in on arrival")
    @PostMapping("/appointments/{id}/check-in")
    @PreAuthorize(STAFF_WHO_BOOK)
    @Audited(action = AuditAction.CHANGE, record = "appointment", id = "#id", patients = PATIENT_OF_RESULT)
    ResponseEntity<AppointmentView> checkIn(@PathVariable UUID id,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            Authentication authentication) {
        return ok(booking.checkIn(id, ifMatch, ClinicUser.of(authentication)));
    }

    @Operation(summary = "Mark that the patient did not attend")
    @PostMapping("/appointments/{id}/no-show")
    @PreAuthorize(STAFF_WHO_BOOK)
    @Audited(action = AuditAction.CHANGE, record = "appointment", id = "#id", patients = PATIENT_OF_RESULT)
    ResponseEntity<AppointmentView> noShow(@PathVariable UUID id,
                                           @Valid @RequestBody(required = false) ReasonRequest request,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           Authentication authentication) {
        return ok(booking.markNoShow(id, ifMatch, request == null ? null : request.reason(),
                ClinicUser.of(authentication)));
    }

    @Operation(summary = "Complete a checked-in appointment (reception, clinic admin, or the appointment's surgeon)")
    @PostMapping("/appointments/{id}/complete")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Audited(action = AuditAction.CHANGE, record = "appointment", id = "#id", patients = PATIENT_OF_RESULT)
    ResponseEntity<AppointmentView> complete(@PathVariable UUID id,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             Authentication authentication) {
        var user = ClinicUser.of(authentication);
        if (!user.hasRole("receptionist") && !user.hasRole("clinic-admin")) {
            access.readable(id, user); // a surgeon completes only their own appointments
        }
        return ok(booking.complete(id, ifMatch, user));
    }

    @Operation(summary = "Read one appointment: reception and admin any, a surgeon their own, a patient their own")
    @GetMapping("/appointments/{id}")
    @PreAuthorize("isAuthenticated()")
    @Audited(action = AuditAction.READ, record = "appointment", id = "#id", patients = PATIENT_OF_RESULT)
    @Transactional(readOnly = true)
    ResponseEntity<AppointmentView> read(@PathVariable UUID id, Authentication authentication) {
        return ok(access.readable(id, ClinicUser.of(authentication)));
    }

    @Operation(summary = "Who changed an appointment, when and why (staff)")
    @GetMapping("/appointments/{id}/history")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Audited(action = AuditAction.READ, record = "appointment-history", id = "#id")
    @Transactional(readOnly = true)
    List<ChangeView> history(@PathVariable UUID id, Authentication authentication) {
        access.readable(id, ClinicUser.of(authentication));
        return history.findByAppointmentIdOrderById(id).stream().map(ChangeView::of).toList();
    }

    @Operation(summary = "The calling patient's own upcoming appointments")
    @GetMapping("/appointments/mine")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.READ, record = "appointment", patients = "#result?.![patientId()]")
    @Transactional(readOnly = true)
    List<AppointmentView> mine(Authentication authentication) {
        return ClinicUser.of(authentication).patientId()
                .map(patientId -> appointments.findByPatientIdAndEndsAtAfterOrderByStartsAt(patientId,
                        clock.instant()).stream().map(AppointmentView::of).toList())
                .orElse(List.of());
    }

    /** What reception sees when a patient rings: their appointments, newest first, past and future, any status. */
    @Operation(summary = "A patient's appointments, latest first (reception, paged)")
    @GetMapping("/patients/{patientId}/appointments")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "patient-appointments", id = "#patientId", patients = "#patientId")
    @Transactional(readOnly = true)
    PageOf<AppointmentView> ofPatient(@PathVariable UUID patientId,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var found = appointments.findByPatientIdAndStatusNotOrderByStartsAtDesc(patientId, AppointmentStatus.HELD,
                PageRequest.of(page, size));
        return new PageOf<>(found.getContent().stream().map(AppointmentView::of).toList(), page, size,
                found.getTotalElements());
    }

    private static ResponseEntity<AppointmentView> ok(Appointment appointment) {
        return ResponseEntity.ok().eTag(Versions.etag(appointment.version())).body(AppointmentView.of(appointment));
    }

    private static ResponseEntity<AppointmentView> created(Appointment appointment, UriComponentsBuilder uri) {
        return ResponseEntity.created(uri.path("/api/booking/appointments/{id}").build(appointment.id()))
                .eTag(Versions.etag(appointment.version()))
                .body(AppointmentView.of(appointment));
    }
}
