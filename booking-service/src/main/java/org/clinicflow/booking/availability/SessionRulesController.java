package org.clinicflow.booking.availability;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/** The working pattern behind availability, read by staff and changed by clinic-admin. */
@RestController
@RequestMapping("/api/booking")
class SessionRulesController {

    /** How far one listing of exceptions may reach, so that a careless query cannot read years of them. */
    private static final int MAX_EXCEPTION_DAYS = 400;

    private final SessionRules rules;
    private final SessionTemplateRepository templates;
    private final SessionExceptionRepository exceptions;

    SessionRulesController(SessionRules rules, SessionTemplateRepository templates,
                           SessionExceptionRepository exceptions) {
        this.rules = rules;
        this.templates = templates;
        this.exceptions = exceptions;
    }

    record TemplateView(UUID id, UUID clinicianId, UUID siteId, UUID roomId, DayOfWeek dayOfWeek, LocalTime startsAt,
                        LocalTime endsAt, SessionKind kind, LocalDate validFrom, LocalDate validUntil,
                        String recordedBy, String endedBy) {

        static TemplateView of(SessionTemplate t) {
            return new TemplateView(t.id(), t.clinicianId(), t.siteId(), t.roomId(), t.dayOfWeek(), t.startsAt(),
                    t.endsAt(), t.kind(), t.validFrom(), t.validUntil(), t.recordedBy(), t.endedBy());
        }
    }

    record NewTemplate(@NotNull UUID siteId, UUID roomId, @NotNull DayOfWeek dayOfWeek, @NotNull LocalTime startsAt,
                       @NotNull LocalTime endsAt, @NotNull SessionKind kind, @NotNull LocalDate validFrom,
                       LocalDate validUntil) {
    }

    record TemplateEnd(@NotNull LocalDate lastDate) {
    }

    record ExceptionView(UUID id, UUID clinicianId, LocalDate onDate, SessionException.Change change, UUID siteId,
                         UUID roomId, LocalTime startsAt, LocalTime endsAt, SessionKind kind, String reason,
                         String recordedBy) {

        static ExceptionView of(SessionException e) {
            var extra = e.isExtra() ? e.asSession() : null;
            return new ExceptionView(e.id(), e.clinicianId(), e.onDate(), e.change(),
                    extra == null ? null : extra.siteId(), extra == null ? null : extra.roomId(),
                    extra == null ? null : extra.startsAt(), extra == null ? null : extra.endsAt(),
                    extra == null ? null : extra.kind(), e.reason(), e.recordedBy());
        }
    }

    /**
     * A day off ({@code CANCELLED} with a clinician), a bank holiday ({@code CANCELLED} without one), or a one-off
     * session ({@code EXTRA}, with its site, times and kind).
     */
    record NewException(@NotNull SessionException.Change change, UUID clinicianId, @NotNull LocalDate onDate,
                        UUID siteId, UUID roomId, LocalTime startsAt, LocalTime endsAt, SessionKind kind,
                        @NotBlank @Size(max = 200) String reason) {
    }

    @Operation(summary = "A clinician's weekly session templates")
    @GetMapping("/clinicians/{clinicianId}/session-templates")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Transactional(readOnly = true)
    List<TemplateView> templates(@PathVariable UUID clinicianId) {
        return templates.findByClinicianIdOrderByDayOfWeekAscStartsAtAsc(clinicianId).stream()
                .map(TemplateView::of).toList();
    }

    @Operation(summary = "Add a weekly session for a clinician (clinic-admin)")
    @PostMapping("/clinicians/{clinicianId}/session-templates")
    @PreAuthorize("hasRole('clinic-admin')")
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView addTemplate(@PathVariable UUID clinicianId, @Valid @RequestBody NewTemplate request,
                             Authentication authentication) {
        return TemplateView.of(rules.addTemplate(clinicianId, request.dayOfWeek(),
                new SessionRules.Place(request.siteId(), request.roomId(), request.startsAt(), request.endsAt(),
                        request.kind()), request.validFrom(), request.validUntil(), ClinicUser.of(authentication)));
    }

    @Operation(summary = "End a weekly session after a date (clinic-admin; refused while patients are booked into"
            + " the sessions it removes)")
    @PostMapping("/session-templates/{id}/end")
    @PreAuthorize("hasRole('clinic-admin')")
    TemplateView endTemplate(@PathVariable UUID id, @Valid @RequestBody TemplateEnd request,
                             Authentication authentication) {
        return TemplateView.of(rules.endTemplate(id, request.lastDate(), ClinicUser.of(authentication)));
    }

    @Operation(summary = "Days off, bank holidays and extra sessions between two dates")
    @GetMapping("/session-exceptions")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Transactional(readOnly = true)
    List<ExceptionView> exceptions(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (to.isAfter(from.plusDays(MAX_EXCEPTION_DAYS))) {
            throw new InvalidFieldException("to", "must be within " + MAX_EXCEPTION_DAYS + " days of from");
        }
        return exceptions.findByOnDateBetweenOrderByOnDateAscStartsAtAsc(from, to).stream()
                .map(ExceptionView::of).toList();
    }

    @Operation(summary = "Add a day off, a bank holiday or an extra session (clinic-admin)")
    @PostMapping("/session-exceptions")
    @PreAuthorize("hasRole('clinic-admin')")
    @ResponseStatus(HttpStatus.CREATED)
    ExceptionView addException(@Valid @RequestBody NewException request, Authentication authentication) {
        var reason = request.reason().strip();
        var by = ClinicUser.of(authentication);
        if (request.change() == SessionException.Change.CANCELLED) {
            return ExceptionView.of(rules.cancelDay(request.clinicianId(), request.onDate(), reason, by));
        }
        var missing = new LinkedHashMap<String, String>();
        if (request.clinicianId() == null) {
            missing.put("clinicianId", "is required for an extra session");
        }
        if (request.siteId() == null) {
            missing.put("siteId", "is required for an extra session");
        }
        if (request.startsAt() == null) {
            missing.put("startsAt", "is required for an extra session");
        }
        if (request.endsAt() == null) {
            missing.put("endsAt", "is required for an extra session");
        }
        if (request.kind() == null) {
            missing.put("kind", "is required for an extra session");
        }
        if (!missing.isEmpty()) {
            throw new InvalidFieldException(missing);
        }
        return ExceptionView.of(rules.addExtraSession(request.clinicianId(), request.onDate(),
                new SessionRules.Place(request.siteId(), request.roomId(), request.startsAt(), request.endsAt(),
                        request.kind()), reason, by));
    }

    @Operation(summary = "Remove a day off or an extra session (clinic-admin; an extra session with patients booked"
            + " into it stays)")
    @DeleteMapping("/session-exceptions/{id}")
    @PreAuthorize("hasRole('clinic-admin')")
    ResponseEntity<Void> removeException(@PathVariable UUID id, Authentication authentication) {
        rules.removeException(id, ClinicUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
