package org.clinicflow.booking.appointment;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The booking rules per type of appointment: notice and cutoff in whole hours, the buffer in minutes, the maximum per
 * clinician per day (null for no limit). Read by staff, set by clinic admin.
 */
@RestController
@RequestMapping("/api/booking/booking-rules")
class BookingRulesController {

    private final BookingRules rules;
    private final Clock clock;

    BookingRulesController(BookingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** @param maximumPerDay null when there is no limit */
    record RuleView(AppointmentType appointmentType, long minimumNoticeHours, long changeCutoffHours,
                    long bufferMinutes, Integer maximumPerDay) {

        static RuleView of(BookingRules.Rule rule) {
            return new RuleView(rule.appointmentType(), rule.minimumNotice().toHours(), rule.changeCutoff().toHours(),
                    rule.buffer().toMinutes(), rule.maximumPerDay());
        }
    }

    /**
     * Notice and cutoff out of range are refused by validation (400), as they always were; the buffer (0 to 120
     * minutes) and maximum per day (1 to 100) by {@link BookingRules#change} (422), which holds the ranges for any
     * caller. Either way the problem names the field.
     *
     * @param bufferMinutes 0 when absent, as before buffers existed
     * @param maximumPerDay absent or null for no limit
     */
    record ChangeRule(@NotNull @Min(0) @Max(720) Long minimumNoticeHours,
                      @NotNull @Min(0) @Max(720) Long changeCutoffHours,
                      Integer bufferMinutes, Integer maximumPerDay) {
    }

    @Operation(summary = "The booking rules of each type of appointment: notice, cutoff, buffer and maximum per day")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    List<RuleView> all() {
        return rules.all().stream().map(RuleView::of).toList();
    }

    @Operation(summary = "Change a type's booking rules (clinic admin)")
    @PutMapping("/{type}")
    @PreAuthorize("hasRole('clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "booking-rule")
    RuleView change(@PathVariable AppointmentType type, @Valid @RequestBody ChangeRule request,
                    Authentication authentication) {
        return RuleView.of(rules.change(new BookingRules.Rule(type, Duration.ofHours(request.minimumNoticeHours()),
                Duration.ofHours(request.changeCutoffHours()),
                Duration.ofMinutes(request.bufferMinutes() == null ? 0 : request.bufferMinutes()),
                request.maximumPerDay()), ClinicUser.of(authentication).userId(), clock.instant()));
    }
}
