package org.clinicflow.web.diary;

import org.clinicflow.web.directory.Directory;
import org.clinicflow.web.platform.ClinicTime;
import org.clinicflow.web.platform.DateFields;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A day or a week of a site or of a clinician, every appointment with its status. */
@Controller
@PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
class DiaryController {

    record Entry(UUID appointmentId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID clinicianId, UUID siteId,
                 UUID patientId, String patientName, String appointmentType, String reason, String status) {
    }

    private final Services services;
    private final Directory directory;
    private final ClinicTime time;

    DiaryController(Services services, Directory directory, ClinicTime time) {
        this.services = services;
        this.directory = directory;
        this.time = time;
    }

    @GetMapping("/diary")
    String diary(@RequestParam(required = false) UUID site, @RequestParam(required = false) UUID clinician,
                 @RequestParam(required = false) String date, @RequestParam(required = false) String day,
                 @RequestParam(required = false) String month, @RequestParam(required = false) String year,
                 @RequestParam(defaultValue = "day") String view, Model model) {
        var names = directory.names();
        var choice = DateFields.choose(date, day, month, year, time.today());
        var errors = new FormErrors();
        if (choice.invalid()) {
            errors.add("date", "Enter a real date, for example 3 12 2026");
        }
        return show(names, site, clinician, choice.day(), view, errors, model);
    }

    private String show(Directory.Names names, UUID site, UUID clinician, LocalDate day, String view,
                        FormErrors errors, Model model) {
        boolean week = view.equals("week");
        // A week starts on its Monday, so that two receptionists looking at "this week" see the same days.
        var from = week ? day.minusDays(day.getDayOfWeek().getValue() - 1L) : day;
        if (clinician == null && site == null) {
            site = names.sites().keySet().stream().findFirst().orElse(null);
        }
        var path = "/api/booking/diary?date={date}&days={days}" + (clinician != null ? "&clinicianId=" + clinician
                : "&siteId=" + site);
        List<Entry> entries = services.get(Part.BOOKING, new ParameterizedTypeReference<List<Entry>>() {
        }, path, from, week ? 7 : 1);
        var byDay = new LinkedHashMap<LocalDate, List<Entry>>();
        for (int i = 0; i < (week ? 7 : 1); i++) {
            var d = from.plusDays(i);
            byDay.put(d, entries.stream()
                    .filter(e -> e.startsAt().atZoneSameInstant(ClinicTime.ZONE).toLocalDate().equals(d)).toList());
        }
        model.addAttribute("names", names);
        model.addAttribute("errors", errors);
        model.addAttribute("site", clinician == null ? site : null);
        model.addAttribute("clinician", clinician);
        model.addAttribute("date", day);
        model.addAttribute("week", week);
        model.addAttribute("days", byDay);
        model.addAttribute("previous", week ? from.minusWeeks(1) : day.minusDays(1));
        model.addAttribute("next", week ? from.plusWeeks(1) : day.plusDays(1));
        model.addAttribute("diaryTitle", clinician != null ? names.clinician(clinician) : names.site(site));
        model.addAttribute("query", clinician != null ? Map.of("clinician", clinician) : Map.of("site", site));
        return "diary/diary";
    }
}
