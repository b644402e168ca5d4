package org.clinicflow.booking.appointment;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.booking.site.Site;
import org.clinicflow.booking.site.SiteRepository;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
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

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in patient's own appointments: where, with whom, and until when they may move or cancel each online. The
 * patient comes from the token, never from the request; another patient's appointment is "not found".
 */
@RestController
@RequestMapping("/api/booking/my-appointments")
@PreAuthorize("hasRole('patient')")
class MyAppointmentsController {

    private static final int ALTERNATIVES = 8;

    private final AppointmentBooking booking;
    private final AppointmentRepository appointments;
    private final BookingRules rules;
    private final AvailabilitySearch availability;
    private final ClinicianRepository clinicians;
    private final SiteRepository sites;
    private final Clock clock;

    MyAppointmentsController(AppointmentBooking booking, AppointmentRepository appointments, BookingRules rules,
                             AvailabilitySearch availability, ClinicianRepository clinicians, SiteRepository sites,
                             Clock clock) {
        this.booking = booking;
        this.appointments = appointments;
        this.rules = rules;
        this.availability = availability;
        this.clinicians = clinicians;
        this.sites = sites;
        this.clock = clock;
    }

    /**
     * @param changeableUntil the last moment it may be moved or cancelled online (the type's cutoff before it)
     * @param changeable      whether that is still to come and the appointment is still booked
     */
    record MyAppointment(UUID id, UUID patientId, AppointmentType appointmentType, OffsetDateTime startsAt,
                         OffsetDateTime endsAt, AppointmentStatus status, UUID clinicianId, String clinicianName,
                         String siteName, String siteAddress, OffsetDateTime changeableUntil, boolean changeable,
                         long version) {
    }

    record MyAppointments(List<MyAppointment> upcoming, List<MyAppointment> past) {
    }

    record Alternative(OffsetDateTime startsAt, OffsetDateTime endsAt, String siteName, String siteAddress) {
    }

    record Cancel(@Size(max = 500) String reason) {
    }

    record Move(@NotNull OffsetDateTime startsAt) {
    }

    @Operation(summary = "The calling patient's appointments, upcoming (soonest first) and past (latest first)")
    @GetMapping
    @Audited(action = AuditAction.READ, record = "appointment",
            patients = "#result?.upcoming().![patientId()]")
    @Transactional(readOnly = true)
    MyAppointments mine(Authentication authentication) {
        var patient = ClinicUser.of(authentication).patientId();
        if (patient.isEmpty()) {
            return new MyAppointments(List.of(), List.of());
        }
        var now = clock.instant();
        var all = appointments.findByPatientIdAndStatusNotOrderByStartsAtDesc(patient.get(), AppointmentStatus.HELD,
                PageRequest.of(0, 50)).getContent();
        // The rules once for the whole list, not once per appointment.
        var byType = rules.all().stream().collect(java.util.stream.Collectors.toMap(BookingRules.Rule::appointmentType,
                rule -> rule));
        var upcoming = all.stream().filter(a -> a.endsAt().isAfter(now))
                .map(a -> view(a, byType.computeIfAbsent(a.appointmentType(), rules::of)))
                .sorted(java.util.Comparator.comparing(MyAppointment::startsAt)).toList();
        var past = all.stream().filter(a -> !a.endsAt().isAfter(now))
                .map(a -> view(a, byType.computeIfAbsent(a.appointmentType(), rules::of))).toList();
        return new MyAppointments(upcoming, past);
    }

    @Operation(summary = "One of the calling patient's appointments")
    @GetMapping("/{id}")
    @Audited(action = AuditAction.READ, record = "appointment", id = "#id", patients = "#result?.patientId()")
    @Transactional(readOnly = true)
    ResponseEntity<MyAppointment> read(@PathVariable UUID id, Authentication authentication) {
        var appointment = booking.own(id, ClinicUser.of(authentication));
        return ResponseEntity.ok().eTag(Versions.etag(appointment.version())).body(view(appointment));
    }

    @Operation(summary = "Free times the appointment could move to: same clinician, with the type's notice, from a "
            + "time when given")
    @GetMapping("/{id}/alternatives")
    @Audited(action = AuditAction.READ, record = "appointment", id = "#id")
    @Transactional(readOnly = true)
    List<Alternative> alternatives(@PathVariable UUID id, @RequestParam(required = false) OffsetDateTime from,
                                   Authentication authentication) {
        var appointment = booking.own(id, ClinicUser.of(authentication));
        var after = from == null ? clock.instant() : from.toInstant();
        return availability.earliestWithinRules(appointment.appointmentType(), after,
                        Optional.of(appointment.clinicianId()), ALTERNATIVES, appointment.id()).stream()
                .filter(slot -> !slot.startsAt().equals(appointment.startsAt()))
                .map(slot -> {
                    var site = sites.findById(slot.siteId());
                    return new Alternative(ClinicTime.show(slot.startsAt()), ClinicTime.show(slot.endsAt()),
                            site.map(Site::name).orElse(null), site.map(Site::address).orElse(null));
                }).toList();
    }

    @Operation(summary = "Cancel your own appointment, until the cutoff before it (If-Match required)")
    @PostMapping("/{id}/cancel")
    @Audited(action = AuditAction.CHANGE, record = "appointment", id = "#id", patients = "#result?.patientId()")
    ResponseEntity<MyAppointment> cancel(@PathVariable UUID id, @Valid @RequestBody Cancel request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         Authentication authentication) {
        var appointment = booking.cancelOwn(id, ifMatch, request.reason(), ClinicUser.of(authentication));
        return ResponseEntity.ok().eTag(Versions.etag(appointment.version())).body(view(appointment));
    }

    @Operation(summary = "Move your own appointment to a free time with the same clinician (If-Match required)")
    @PostMapping("/{id}/reschedule")
    @Audited(action = AuditAction.CHANGE, record = "appointment", id = "#id", patients = "#result?.patientId()")
    ResponseEntity<MyAppointment> reschedule(@PathVariable UUID id, @Valid @RequestBody Move request,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             Authentication authentication) {
        var appointment = booking.rescheduleOwn(id, ifMatch, request.startsAt().toInstant(),
                ClinicUser.of(authentication));
        return ResponseEntity.ok().eTag(Versions.etag(appointment.version())).body(view(appointment));
    }

    private MyAppointment view(Appointment a) {
        return view(a, rules.of(a.appointmentType()));
    }

    private MyAppointment view(Appointment a, BookingRules.Rule rule) {
        var site = a.siteId() == null ? Optional.<Site>empty() : sites.findById(a.siteId());
        var until = rule.changeableUntil(a.startsAt());
        boolean live = a.status() == AppointmentStatus.BOOKED;
        return new MyAppointment(a.id(), a.patientId(), a.appointmentType(), ClinicTime.show(a.startsAt()),
                ClinicTime.show(a.endsAt()), a.status(), a.clinicianId(),
                clinicians.findById(a.clinicianId()).map(Clinician::displayName).orElse(null),
                site.map(Site::name).orElse(null), site.map(Site::address).orElse(null), ClinicTime.show(until),
                live && clock.instant().isBefore(until), a.version());
    }
}
