package org.clinicflow.followup.pathway;

import org.clinicflow.platform.time.ClinicZone;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** Pathways as data: staff read them, a clinic admin changes them (a new version, used by pathways started after). */
@RestController
@RequestMapping("/api/followup/pathways")
class PathwayController {

    private static final Set<String> CONTENT_SECTIONS = Set.of("purpose", "procedure", "outcomes", "risks", "recovery",
            "furtherReading", "references");

    private final PathwayDefinitions definitions;
    private final Clock clock;

    PathwayController(PathwayDefinitions definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    record StepView(String code, StepKind kind, int offsetDays, LocalTime sendAt, String title, String body,
                    String contentSection, Integer windowDays, Integer bookWithinDays) {

        static StepView of(PathwayStep s) {
            return new StepView(s.code(), s.kind(), s.offsetDays(), s.sendAt(), s.title(), s.body(),
                    s.contentSection(), s.windowDays(), s.bookWithinDays());
        }
    }

    record PathwayView(String treatment, int version, String contentSlug, OffsetDateTime changedAt,
                       List<StepView> steps) {

        static PathwayView of(PathwayDefinition d) {
            return new PathwayView(d.treatment(), d.version(), d.contentSlug(),
                    d.createdAt().atZone(ClinicZone.ZONE).toOffsetDateTime(),
                    d.steps().stream().map(StepView::of).toList());
        }
    }

    record StepChange(@NotBlank @Pattern(regexp = "[A-Z0-9_]{1,50}") String code,
                      @NotNull StepKind kind,
                      @NotNull @Min(0) @Max(365) Integer offsetDays,
                      LocalTime sendAt,
                      @NotBlank @Size(max = 200) String title,
                      @NotBlank @Size(max = 2000) String body,
                      String contentSection,
                      @Min(0) @Max(30) Integer windowDays,
                      @Min(0) @Max(365) Integer bookWithinDays) {
    }

    record PathwayChange(@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 80) String contentSlug,
                         @NotEmpty @Size(max = 20) List<@Valid @NotNull StepChange> steps) {
    }

    @Operation(summary = "The current pathway of every treatment (clinic staff)")
    @GetMapping
    @PreAuthorize("hasAnyRole('clinic-admin', 'receptionist', 'surgeon')")
    List<PathwayView> all() {
        return definitions.allCurrent().stream().map(PathwayView::of).toList();
    }

    @Operation(summary = "The current pathway of one treatment, its version as ETag (clinic staff)")
    @GetMapping("/{treatment}")
    @PreAuthorize("hasAnyRole('clinic-admin', 'receptionist', 'surgeon')")
    ResponseEntity<PathwayView> one(@PathVariable String treatment) {
        var definition = definitions.current(treatment)
                .orElseThrow(() -> new NotFoundException("Pathway of treatment", treatment));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(definition.version()))
                .body(PathwayView.of(definition));
    }

    @Operation(summary = "Replace a treatment's steps with a new version (clinic admin; If-Match required)")
    @PutMapping("/{treatment}")
    @PreAuthorize("hasRole('clinic-admin')")
    ResponseEntity<PathwayView> change(@PathVariable String treatment, @Valid @RequestBody PathwayChange change,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       Authentication authentication) {
        var steps = validSteps(change.steps());
        var changed = definitions.change(treatment, ifMatch, change.contentSlug(), steps,
                ClinicUser.of(authentication).userId(), clock.instant());
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(changed.version()))
                .body(PathwayView.of(changed));
    }

    /** Rules across fields, each reported against the field that breaks it. */
    private static List<PathwayStep> validSteps(List<StepChange> steps) {
        var problems = new LinkedHashMap<String, String>();
        var codes = new HashSet<String>();
        var appointments = 0;
        for (int i = 0; i < steps.size(); i++) {
            var s = steps.get(i);
            var at = "steps[" + i + "].";
            if (!codes.add(s.code())) {
                problems.put(at + "code", "is used by another step");
            }
            if (s.contentSection() != null && (s.kind() != StepKind.MESSAGE
                    || !CONTENT_SECTIONS.contains(s.contentSection()))) {
                problems.put(at + "contentSection", "must name a content section, and only on a MESSAGE step");
            }
            if (s.kind() == StepKind.APPOINTMENT) {
                appointments++;
                if (s.windowDays() == null) {
                    problems.put(at + "windowDays", "is required for an APPOINTMENT step");
                }
                if (s.bookWithinDays() == null) {
                    problems.put(at + "bookWithinDays", "is required for an APPOINTMENT step");
                } else if (s.bookWithinDays() > s.offsetDays()) {
                    problems.put(at + "bookWithinDays", "must not be later than offsetDays");
                }
            } else if (s.windowDays() != null || s.bookWithinDays() != null) {
                problems.put(at + (s.windowDays() != null ? "windowDays" : "bookWithinDays"),
                        "applies to APPOINTMENT steps only");
            }
        }
        if (appointments > 1) {
            problems.put("steps", "may hold at most one APPOINTMENT step");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return steps.stream().map(s -> new PathwayStep(s.code(), s.kind(), s.offsetDays(),
                s.sendAt() == null ? LocalTime.of(10, 0) : s.sendAt(), s.title(), s.body(), s.contentSection(),
                s.windowDays(), s.bookWithinDays())).toList();
    }
}
