package org.clinicflow.web.lists;

import org.clinicflow.web.directory.Directory;
import org.clinicflow.web.platform.ClinicTime;
import org.clinicflow.web.platform.DateFields;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.PartUnavailable;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.clinicflow.web.platform.SignedIn;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A clinician's clinic and theatre lists, and recording a procedure from the theatre list. Which clinician: a
 * surgeon's own by default; anyone's for reception and clinic admins. A surgeon who edits the address to a colleague's
 * is refused by booking-service itself (403, audited), and sees the page that says so.
 */
@Controller
@RequestMapping("/lists")
@PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
class ListsController {

    private static final Pattern LEVEL_SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Map<String, String> RECORD_FIELDS = Map.of("treatment", "Treatment",
            "vertebralLevels", "Vertebral levels", "performedOn", "Date of the procedure");

    private final SurgeonLists lists;
    private final Directory directory;
    private final Services services;
    private final ClinicTime time;

    ListsController(SurgeonLists lists, Directory directory, Services services, ClinicTime time) {
        this.lists = lists;
        this.directory = directory;
        this.services = services;
        this.time = time;
    }

    record Patient(UUID id, String givenName, String familyName, java.time.LocalDate dateOfBirth) {

        public String name() {
            return givenName + " " + familyName;
        }
    }

    record Appointment(UUID id, UUID patientId, UUID clinicianId, UUID siteId, String appointmentType,
                       OffsetDateTime startsAt, OffsetDateTime endsAt, String status) {
    }

    @GetMapping
    String lists(@RequestParam(required = false) UUID clinician, @RequestParam(required = false) String date,
                 @RequestParam(required = false) String day, @RequestParam(required = false) String month,
                 @RequestParam(required = false) String year,
                 @RequestParam(defaultValue = "day") String view, @RequestParam(required = false) String print,
                 @RequestParam(required = false) String done, Model model) {
        var user = SignedIn.required();
        var chosen = Optional.ofNullable(clinician).or(() -> user.desk() ? Optional.empty() : user.clinicianId());
        if (chosen.isEmpty() && !user.desk()) {
            // A surgeon account not linked to a clinician has no lists of its own.
            throw new AccessDeniedException("No clinician for this surgeon");
        }
        var errors = new FormErrors();
        var choice = DateFields.choose(date, day, month, year, time.today());
        if (choice.invalid()) {
            errors.add("date", "Enter a real date, for example 3 12 2026");
        }
        return show(chosen, choice.day(), view, print, done, errors, model);
    }

    private String show(Optional<UUID> chosen, LocalDate day, String view, String print, String done,
                        FormErrors errors, Model model) {
        boolean week = view.equals("week");
        var from = week ? day.with(DayOfWeek.MONDAY) : day;
        int days = week ? 7 : 1;
        var names = directory.names();
        model.addAttribute("names", names);
        model.addAttribute("clinician", chosen.orElse(null));
        model.addAttribute("date", day);
        model.addAttribute("week", week);
        model.addAttribute("errors", errors);
        model.addAttribute("previous", week ? day.minusWeeks(1) : day.minusDays(1));
        model.addAttribute("next", week ? day.plusWeeks(1) : day.plusDays(1));
        model.addAttribute("from", from);
        model.addAttribute("to", from.plusDays(days - 1));
        model.addAttribute("done", "recorded".equals(done));
        if (chosen.isPresent()) {
            model.addAttribute("clinicList", byDay(lists.list(chosen.get(), "CLINIC", from, days)));
            model.addAttribute("theatreList", byDay(lists.list(chosen.get(), "THEATRE", from, days)));
        }
        return print != null && chosen.isPresent() ? "lists/print" : "lists/lists";
    }

    @GetMapping("/procedures/{appointment}")
    String recordForm(@PathVariable UUID appointment, Model model) {
        var theatre = theatreAppointment(appointment);
        var plan = lists.plan(appointment);
        var today = time.today();
        return recordPage(theatre, model, new FormErrors(), plan.map(SurgeonLists.Plan::treatment).orElse(""),
                plan.map(p -> String.join(", ", p.vertebralLevels())).orElse(""),
                Integer.toString(today.getDayOfMonth()), Integer.toString(today.getMonthValue()),
                Integer.toString(today.getYear()));
    }

    @PostMapping("/procedures/{appointment}")
    String record(@PathVariable UUID appointment, @RequestParam(defaultValue = "") String treatment,
                  @RequestParam(defaultValue = "") String levels, @RequestParam(defaultValue = "") String performedDay,
                  @RequestParam(defaultValue = "") String performedMonth,
                  @RequestParam(defaultValue = "") String performedYear, Model model) {
        var errors = new FormErrors();
        if (!treatment.equals("BALLOON_KYPHOPLASTY") && !treatment.equals("VERTEBROPLASTY")) {
            errors.add("treatment", "Choose the treatment that was done");
        }
        var levelList = Arrays.stream(LEVEL_SEPARATORS.split(levels.strip().toUpperCase()))
                .filter(level -> !level.isBlank()).toList();
        if (levelList.isEmpty()) {
            errors.add("vertebralLevels", "Enter the vertebral levels treated, for example T12, L1");
        }
        var performedOn = DateFields.parse(performedDay, performedMonth, performedYear);
        if (performedOn.isEmpty()) {
            errors.add("performedOn", "Enter the date of the procedure, for example 3 12 2026");
        }
        if (!errors.any()) {
            try {
                lists.record(appointment, treatment, levelList, performedOn.get());
                return "redirect:/lists/procedures/" + appointment + "/recorded";
            } catch (ServiceProblem refused) {
                if (!refused.invalid() && !refused.conflict()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, RECORD_FIELDS).collapse("vertebralLevels",
                        "Enter vertebral levels such as T12 or L1, separated by commas");
            }
        }
        return recordPage(theatreAppointment(appointment), model, errors, treatment, levels, performedDay,
                performedMonth, performedYear);
    }

    /** What was recorded and the pathway it started: followup-service hears of it within seconds. */
    @GetMapping("/procedures/{appointment}/recorded")
    String recorded(@PathVariable UUID appointment, Model model) {
        var theatre = theatreAppointment(appointment);
        model.addAttribute("appointment", theatre);
        model.addAttribute("patient", patient(theatre.patientId()));
        model.addAttribute("names", directory.names());
        try {
            var pathway = lists.pathwayOf(appointment);
            model.addAttribute("pathway", pathway.orElse(null));
            model.addAttribute("steps", pathway.map(p -> services.get(Part.FOLLOWUP, Pathway.class,
                    "/api/followup/pathways/{treatment}", p.treatment()).steps()).orElse(List.of()));
            model.addAttribute("followUpDown", false);
        } catch (PartUnavailable e) {
            model.addAttribute("followUpDown", true);
        }
        return "lists/recorded";
    }

    record Step(String code, String kind, int offsetDays, String title) {
    }

    record Pathway(String treatment, int version, List<Step> steps) {
    }

    private String recordPage(Appointment theatre, Model model, FormErrors errors, String treatment, String levels,
                              String day, String month, String year) {
        model.addAttribute("appointment", theatre);
        model.addAttribute("patient", patient(theatre.patientId()));
        model.addAttribute("names", directory.names());
        model.addAttribute("errors", errors);
        model.addAttribute("treatment", treatment);
        model.addAttribute("levels", levels);
        model.addAttribute("performedDay", day);
        model.addAttribute("performedMonth", month);
        model.addAttribute("performedYear", year);
        return "lists/record";
    }

    private Appointment theatreAppointment(UUID id) {
        return services.get(Part.BOOKING, Appointment.class, "/api/booking/appointments/{id}", id);
    }

    private Patient patient(UUID id) {
        return services.get(Part.BOOKING, Patient.class, "/api/booking/patients/{id}", id);
    }

    private Map<LocalDate, List<SurgeonLists.Entry>> byDay(List<SurgeonLists.Entry> entries) {
        var days = new LinkedHashMap<LocalDate, List<SurgeonLists.Entry>>();
        entries.forEach(entry -> days.computeIfAbsent(entry.startsAt().atZoneSameInstant(ClinicTime.ZONE)
                .toLocalDate(), d -> new java.util.ArrayList<>()).add(entry));
        return days;
    }
}
