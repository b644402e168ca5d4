package org.clinicflow.web.admin;

import org.clinicflow.web.platform.ClinicTime;
import org.clinicflow.web.platform.DateFields;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.PartUnavailable;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the clinic looks back on: the weekly 48-hour report (a table, and a chart of the same figures) and the audit
 * trail of booking and follow-up searched together by patient, by user and by time.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('clinic-admin')")
class ClinicRecordsController {

    private static final int MAX_AUDIT_ROWS = 100;

    private final Services services;
    private final ClinicTime time;

    ClinicRecordsController(Services services, ClinicTime time) {
        this.services = services;
        this.time = time;
    }

    record WeekOfAccess(LocalDate weekStarting, long enquiries, long seen, long seenWithinTarget,
                        Double shareSeenWithinTarget, Double medianHoursToAppointment) {

        /** The share as a whole percentage for the table and the bar, or null for a week with no enquiries. */
        public Integer percent() {
            return shareSeenWithinTarget == null ? null : (int) Math.round(shareSeenWithinTarget * 100);
        }

        public String medianHours() {
            return medianHoursToAppointment == null ? "–" : String.format("%.1f", medianHoursToAppointment);
        }
    }

    /** The same weeks as the page, as booking-service's CSV, passed on as a download with its file name. */
    @GetMapping("/report.csv")
    org.springframework.http.ResponseEntity<String> reportCsv(@RequestParam(defaultValue = "12") int weeks) {
        int shown = Math.clamp(weeks, 4, 52);
        var thisWeek = time.today().with(DayOfWeek.MONDAY);
        var from = thisWeek.minusWeeks(shown - 1L);
        var csv = services.call(Part.BOOKING, client -> client.get()
                .uri("/api/booking/reports/access?from={from}&to={to}&format=csv", from, thisWeek.plusWeeks(1))
                .accept(org.springframework.http.MediaType.parseMediaType("text/csv"))
                .retrieve().toEntity(String.class));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        csv.getHeaders().getFirst(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION))
                .body(csv.getBody());
    }

    @GetMapping("/report")
    String report(@RequestParam(defaultValue = "12") int weeks, Model model) {
        int shown = Math.clamp(weeks, 4, 52);
        var thisWeek = time.today().with(DayOfWeek.MONDAY);
        var from = thisWeek.minusWeeks(shown - 1L);
        var rows = services.get(Part.BOOKING, new ParameterizedTypeReference<List<WeekOfAccess>>() {
        }, "/api/booking/reports/access?from={from}&to={to}", from, thisWeek.plusWeeks(1));
        // Every week shows, the empty ones too: a gap in the chart is a week nobody enquired, not a missing week.
        var byWeek = new java.util.LinkedHashMap<LocalDate, WeekOfAccess>();
        for (int i = 0; i < shown; i++) {
            var week = from.plusWeeks(i);
            byWeek.put(week, new WeekOfAccess(week, 0, 0, 0, null, null));
        }
        rows.forEach(row -> byWeek.put(row.weekStarting(), row));
        model.addAttribute("weeks", List.copyOf(byWeek.values()));
        model.addAttribute("shown", shown);
        return "admin/report";
    }

    record AuditEntry(Long id, OffsetDateTime recordedAt, String userId, Set<String> userRoles, String action,
                      String recordType, String recordId, List<UUID> patientIds, String outcome, Integer httpStatus,
                      String operation) {
    }

    record AuditPage(List<AuditEntry> items, int page, int size, long totalItems) {
    }

    /** One line of the merged trail: which service wrote it, and the entry. */
    record AuditLine(String service, AuditEntry entry) {
    }

    private record PatientMatch(UUID id) {
    }

    private record Matches(List<PatientMatch> items) {
    }

    @GetMapping("/audit")
    String audit(@RequestParam MultiValueMap<String, String> query, Model model) {
        var values = query.toSingleValueMap();
        var errors = new FormErrors();
        var nhsNumber = values.getOrDefault("nhsNumber", "").replace(" ", "");
        var userId = values.getOrDefault("userId", "").strip();
        var fromDay = dayOf(values, "from", errors, "from");
        var toDay = dayOf(values, "to", errors, "to");
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("to", "The end date must be on or after the start date");
        }
        UUID patient = null;
        if (!nhsNumber.isEmpty()) {
            if (!nhsNumber.matches("\\d{10}")) {
                errors.add("nhsNumber", "Enter the NHS number as 10 digits");
            } else {
                try {
                    var found = services.get(Part.BOOKING, Matches.class, "/api/booking/patients?nhsNumber={nhs}",
                            nhsNumber).items();
                    if (found.isEmpty()) {
                        errors.add("nhsNumber", "No patient has this NHS number");
                    } else {
                        patient = found.getFirst().id();
                    }
                } catch (ServiceProblem refused) {
                    errors = FormErrors.of(refused, Map.of("nhsNumber", "NHS number"));
                }
            }
        }
        boolean asked = !values.isEmpty();
        var lines = new ArrayList<AuditLine>();
        var unavailable = new ArrayList<Part>();
        if (asked && !errors.any()) {
            var from = fromDay == null ? null : time.at(fromDay, LocalTime.MIDNIGHT);
            var to = toDay == null ? null : time.at(toDay.plusDays(1), LocalTime.MIDNIGHT);
            for (var part : List.of(Part.BOOKING, Part.FOLLOWUP)) {
                try {
                    search(part, patient, userId, from, to).items()
                            .forEach(entry -> lines.add(new AuditLine(part == Part.BOOKING ? "Booking" : "Follow-up",
                                    entry)));
                } catch (PartUnavailable e) {
                    unavailable.add(part);
                } catch (ServiceProblem refused) {
                    errors = FormErrors.of(refused, Map.of("userId", "User", "to", "To", "from", "From"));
                }
            }
        }
        lines.sort(Comparator.comparing((AuditLine line) -> line.entry().recordedAt()).reversed());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("asked", asked && !errors.any());
        model.addAttribute("lines", lines.stream().limit(MAX_AUDIT_ROWS).toList());
        model.addAttribute("more", lines.size() > MAX_AUDIT_ROWS);
        model.addAttribute("unavailable", unavailable);
        return "admin/audit";
    }

    private AuditPage search(Part part, UUID patient, String userId, OffsetDateTime from, OffsetDateTime to) {
        var path = new StringBuilder(part == Part.BOOKING ? "/api/booking/audit" : "/api/followup/audit")
                .append("?size=").append(MAX_AUDIT_ROWS);
        var variables = new ArrayList<Object>();
        if (patient != null) {
            path.append("&patientId={patient}");
            variables.add(patient);
        }
        if (!userId.isEmpty()) {
            path.append("&userId={user}");
            variables.add(userId);
        }
        if (from != null) {
            path.append("&from={from}");
            variables.add(from.toString());
        }
        if (to != null) {
            path.append("&to={to}");
            variables.add(to.toString());
        }
        return services.get(part, AuditPage.class, path.toString(), variables.toArray());
    }

    private static LocalDate dayOf(Map<String, String> values, String prefix, FormErrors errors, String field) {
        var day = values.get(prefix + "Day");
        var month = values.get(prefix + "Month");
        var year = values.get(prefix + "Year");
        if ((day == null || day.isBlank()) && (month == null || month.isBlank()) && (year == null || year.isBlank())) {
            return null;
        }
        var parsed = DateFields.parse(day, month, year);
        if (parsed.isEmpty()) {
            errors.add(field, "Enter a real date, for example 3 12 2026");
        }
        return parsed.orElse(null);
    }
}
