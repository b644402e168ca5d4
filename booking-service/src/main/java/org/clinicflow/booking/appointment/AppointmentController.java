package org.clinicflow.booking.appointment;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking/appointments")
class AppointmentController {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");

    private final AppointmentBooking booking;
    private final AppointmentRepository appointments;
    private final Clock clock;

    AppointmentController(AppointmentBooking booking, AppointmentRepository appointments, Clock clock) {
        this.booking = booking;
        this.appointments = appointments;
        this.clock = clock;
    }

    record BookRequest(@NotNull UUID patientId,
                       @NotNull UUID clinicianId,
                       @NotNull AppointmentType appointmentType,
                       @NotNull OffsetDateTime startsAt,
                       @Size(max = 500) String reason) {
    }

    /** Times in clinic time with their offset, e.g. 2026-03-30T09:00:00+01:00. */
    record AppointmentView(UUID id, UUID patientId, UUID clinicianId, AppointmentType appointmentType,
                           OffsetDateTime startsAt, OffsetDateTime endsAt, AppointmentStatus status, String reason) {

        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.id(), a.patientId(), a.clinicianId(), a.appointmentType(),
                    a.startsAt().atZone(CLINIC_ZONE).toOffsetDateTime(),
                    a.endsAt().atZone(CLINIC_ZONE).toOffsetDateTime(), a.status(), a.reason());
        }
    }

    @Operation(summary = "Book an appointment for a registered patient")
    @PostMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    ResponseEntity<AppointmentView> book(@Valid @RequestBody BookRequest request, Authentication authentication,
                                         UriComponentsBuilder uri) {
        var appointment = booking.book(new AppointmentBooking.BookAppointment(request.patientId(),
                request.clinicianId(), request.appointmentType(), request.startsAt().toInstant(), request.reason()),
                ClinicUser.of(authentication));
        return ResponseEntity.created(uri.path("/api/booking/appointments/{id}").build(appointment.id()))
                .eTag(etag(appointment))
                .body(AppointmentView.of(appointment));
    }

    @Operation(summary = "Read one appointment: staff any, a surgeon their own, a patient their own")
    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    ResponseEntity<AppointmentView> read(@PathVariable UUID id, Authentication authentication) {
        var user = ClinicUser.of(authentication);
        var appointment = appointments.findById(id)
                .filter(a -> mayRead(user, a))
                .orElseThrow(() -> new NotFoundException("Appointment", id));
        return ResponseEntity.ok().eTag(etag(appointment)).body(AppointmentView.of(appointment));
    }

    @Operation(summary = "The calling patient's own upcoming appointments")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('patient')")
    @Transactional(readOnly = true)
    List<AppointmentView> mine(Authentication authentication) {
        var patientId = ClinicUser.of(authentication).patientId();
        if (patientId.isEmpty()) {
            return List.of();
        }
        return appointments.findByPatientIdAndEndsAtAfterOrderByStartsAt(patientId.get(), clock.instant()).stream()
                .map(AppointmentView::of).toList();
    }

    /** Anything else answers 404, so nobody learns that an appointment they may not see exists. */
    private static boolean mayRead(ClinicUser user, Appointment appointment) {
        if (user.hasRole("receptionist") || user.hasRole("clinic-admin")) {
            return true;
        }
        if (user.hasRole("surgeon") && user.clinicianId().equals(Optional.of(appointment.clinicianId()))) {
            return true;
        }
        return user.patientId().equals(Optional.of(appointment.patientId()));
    }

    private static String etag(Appointment appointment) {
        return "\"" + appointment.version() + "\"";
    }
}
