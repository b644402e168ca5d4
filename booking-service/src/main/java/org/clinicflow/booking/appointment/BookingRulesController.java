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

/** The rules for patients' own changes, per type of appointment, in whole hours: read by staff, set by clinic admin. */
@RestController
@RequestMapping("/api/booking/booking-rules")
class BookingRulesController {

    private final BookingRules rules;
    private final Clock clock;

    BookingRulesController(BookingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    record RuleView(AppointmentType appointmentType, long minimumNoticeHours, long changeCutoffHours) {

        static RuleView of(BookingRules.Rule rule) {
            return new RuleView(rule.appointmentType(), rule.minimumNotice().toHours(), rule.changeCutoff().toHours());
        }
    }

    record ChangeRule(@NotNull @Min(0) @Max(720) Long minimumNoticeHours,
                      @NotNull @Min(0) @Max(720) Long changeCutoffHours) {
    }

    @Operation(summary = "The minimum notice and the online change cutoff of each type of appointment")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    List<RuleView> all() {
        return rules.all().stream().map(RuleView::of).toList();
    }

    @Operation(summary = "Change a type's minimum notice and online change cutoff (clinic admin)")
    @PutMapping("/{type}")
    @PreAuthorize("hasRole('clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "booking-rule")
    RuleView change(@PathVariable AppointmentType type, @Valid @RequestBody ChangeRule request,
                    Authentication authentication) {
        return RuleView.of(rules.change(new BookingRules.Rule(type, Duration.ofHours(request.minimumNoticeHours()),
                Duration.ofHours(request.changeCutoffHours())), ClinicUser.of(authentication).userId(),
                clock.instant()));
    }
}
