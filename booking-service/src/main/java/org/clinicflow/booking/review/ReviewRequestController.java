package org.clinicflow.booking.review;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.booking.web.PageOf;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking/review-requests")
@Validated
class ReviewRequestController {

    private static final int OFFERED_SLOTS = 3;

    private final ReviewRequestRepository requests;
    private final AvailabilitySearch availability;
    private final Clock clock;

    ReviewRequestController(ReviewRequestRepository requests, AvailabilitySearch availability, Clock clock) {
        this.requests = requests;
        this.availability = availability;
        this.clock = clock;
    }

    record SlotOffer(OffsetDateTime startsAt, OffsetDateTime endsAt, UUID siteId) {
    }

    /**
     * @param procedureId   null for a recall
     * @param reason        the clinician's reason for a recall, null for a post-procedure review
     * @param reopenedAfter CANCELLED or NO_SHOW when an appointment answered it and was not kept; null otherwise
     */
    record ToBook(UUID id, UUID patientId, UUID surgeonId, UUID procedureId, LocalDate windowStarts,
                  LocalDate windowEnds, AppointmentType appointmentType, String reason, String reopenedAfter,
                  List<SlotOffer> earliestFittingSlots) {
    }

    @Operation(summary = "Reception's to-book list of requested reviews and recalls, each with the earliest slots that fit it")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "review-request", patients = "#result?.items().![patientId()]")
    @Transactional(readOnly = true)
    PageOf<ToBook> toBook(@RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var result = requests.findByAppointmentIdIsNullOrderByWindowStarts(PageRequest.of(page, size));
        return new PageOf<>(result.getContent().stream().map(this::toBook).toList(), page, size,
                result.getTotalElements());
    }

    private ToBook toBook(ReviewRequest request) {
        var windowStart = ClinicTime.at(request.windowStarts(), LocalTime.MIDNIGHT);
        var windowEnd = ClinicTime.at(request.windowEnds().plusDays(1), LocalTime.MIDNIGHT);
        var from = windowStart.isAfter(clock.instant()) ? windowStart : clock.instant();
        // Within the booking rules: a fitting time offered on the to-book list books as offered.
        var offers = availability.earliestWithinRules(request.appointmentType(), from,
                        Optional.of(request.surgeonId()), OFFERED_SLOTS, null).stream()
                .filter(slot -> slot.startsAt().isBefore(windowEnd))
                .map(slot -> new SlotOffer(ClinicTime.show(slot.startsAt()), ClinicTime.show(slot.endsAt()),
                        slot.siteId()))
                .toList();
        return new ToBook(request.id(), request.patientId(), request.surgeonId(), request.procedureId(),
                request.windowStarts(), request.windowEnds(), request.appointmentType(), request.reason(),
                request.reopenedAfter() == null ? null : request.reopenedAfter().name(), offers);
    }
}
