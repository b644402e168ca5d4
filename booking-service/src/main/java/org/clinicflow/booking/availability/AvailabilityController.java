package org.clinicflow.booking.availability;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clinicflow.booking.time.ClinicTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking/availability")
@Validated
class AvailabilityController {

    private final AvailabilitySearch search;
    private final Clock clock;

    AvailabilityController(AvailabilitySearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    record SlotView(UUID clinicianId, UUID siteId, AppointmentType appointmentType, OffsetDateTime startsAt,
                    OffsetDateTime endsAt) {

        static SlotView of(AvailabilitySearch.Slot slot) {
            return new SlotView(slot.clinicianId(), slot.siteId(), slot.appointmentType(),
                    ClinicTime.show(slot.startsAt()), ClinicTime.show(slot.endsAt()));
        }
    }

    /**
     * By default the desk is offered what a patient would be: times it can book without going past a booking rule,
     * so that the first time offered on the phone is one that books, with no dead end. Reception sometimes has a
     * reason to go inside a rule (a patient in pain who can come in the next half hour); {@code insideRules=true}
     * then shows every free time, and booking one inside a rule asks for an override reason.
     */
    @Operation(summary = "Earliest free slots of a type, across all clinicians and sites (or one clinician); those "
            + "inside the booking rules too with insideRules=true")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    List<SlotView> earliest(@RequestParam AppointmentType appointmentType,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                            OffsetDateTime from,
                            @RequestParam(required = false) UUID clinicianId,
                            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
                            @RequestParam(defaultValue = "false") boolean insideRules) {
        var start = from == null || from.toInstant().isBefore(clock.instant()) ? clock.instant() : from.toInstant();
        var found = insideRules
                ? search.earliest(appointmentType, start, Optional.ofNullable(clinicianId), limit)
                : search.earliestWithinRules(appointmentType, start, Optional.ofNullable(clinicianId), limit, null);
        return found.stream().map(SlotView::of).toList();
    }
}
