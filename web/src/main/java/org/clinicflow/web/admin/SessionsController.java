package org.clinicflow.web.admin;

import org.clinicflow.web.appointment.Appointments;
import org.clinicflow.web.directory.Directory;
import org.clinicflow.web.platform.ClinicTime;
import org.clinicflow.web.platform.DateFields;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Days off, bank holidays, extra sessions and weekly sessions. booking-service refuses a change that would leave a
 * booked patient outside any session (409) and names the appointments; this page shows each with its patient and a
 * link to move it, so the administrator knows exactly whom to call first.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('clinic-admin')")
class SessionsController {

    private static final Map<String, String> LEAVE_FIELDS = Map.of("clinicianId", "Clinician", "onDate", "Date",
            "reason", "Reason", "siteId", "Site", "startsAt", "Start time", "endsAt", "End time", "kind", "Kind",
            "dayOfWeek", "Day", "validFrom", "First date", "lastDate", "Last date");

    private final SessionChanges sessions;
    private final Directory directory;
    private final Appointments appointments;
    private final Services services;
    private final ClinicTime time;

    SessionsController(SessionChanges sessions, Directory directory, Appointments appointments, Services services,
                       ClinicTime time) {
        this.sessions = sessions;
        this.directory = directory;
        this.appointments = appointments;
        this.services = services;
        this.time = time;
    }

    @GetMapping
    String index() {
        return "admin/index";
    }

    @GetMapping("/leave")
    String leave(@RequestParam(required = false) String done, Model model) {
        return leavePage(model, new FormErrors(), Map.of(), List.of(), "done".equals(done) ? "added"
                : "removed".equals(done) ? "removed" : null);
    }

    @PostMapping("/leave")
    String addLeave(@RequestParam MultiValueMap<String, String> form, Model model) {
        var values = form.toSingleValueMap();
        var errors = new FormErrors();
        var clinician = uuid(values.get("clinician"));
        var onDate = DateFields.parse(values.get("leaveDay"), values.get("leaveMonth"), values.get("leaveYear"));
        if (onDate.isEmpty()) {
            errors.add("onDate", "Enter the date of the leave, for example 24 12 2026");
        }
        var reason = values.getOrDefault("reason", "").strip();
        if (reason.isEmpty()) {
            errors.add("reason", "Enter the reason, for example Annual leave");
        } else if (reason.length() > 200) {
            errors.add("reason", "Reason must be 200 characters or fewer");
        }
        List<SessionChanges.Stranded> stranded = List.of();
        if (!errors.any()) {
            try {
                sessions.dayOff(clinician, onDate.get(), reason);
                return "redirect:/admin/leave?done=done";
            } catch (ServiceProblem refused) {
                if (!refused.invalid() && !refused.conflict()) {
                    throw refused;
                }
                stranded = stranded(refused);
                errors = stranded.isEmpty() ? FormErrors.of(refused, LEAVE_FIELDS)
                        : new FormErrors().add("onDate", "This leave would leave " + stranded.size()
                        + (stranded.size() == 1 ? " booked patient" : " booked patients")
                        + " without a clinic. Move or cancel their appointments first");
            }
        }
        return leavePage(model, errors, values, stranded, null);
    }

    @PostMapping("/extra-sessions")
    String addExtraSession(@RequestParam MultiValueMap<String, String> form, Model model) {
        var values = form.toSingleValueMap();
        var errors = new FormErrors();
        var clinician = uuid(values.get("extraClinician"));
        if (clinician == null) {
            errors.add("extraClinician", "Choose the clinician");
        }
        var site = uuid(values.get("extraSite"));
        if (site == null) {
            errors.add("extraSite", "Choose the site");
        }
        var onDate = DateFields.parse(values.get("extraDay"), values.get("extraMonth"), values.get("extraYear"));
        if (onDate.isEmpty()) {
            errors.add("extraDate", "Enter the date of the session, for example 19 12 2026");
        }
        var startsAt = localTime(values.get("extraStarts"));
        var endsAt = localTime(values.get("extraEnds"));
        if (startsAt.isEmpty() || endsAt.isEmpty()) {
            errors.add("extraTimes", "Enter the start and end times, for example 09:00 and 12:00");
        }
        var kind = values.getOrDefault("extraKind", "");
        if (!kind.equals("CLINIC") && !kind.equals("THEATRE")) {
            errors.add("extraKind", "Choose clinic or theatre");
        }
        var reason = values.getOrDefault("extraReason", "").strip();
        if (reason.isEmpty()) {
            errors.add("extraReason", "Enter the reason, for example Extra clinic for the waiting list");
        }
        if (!errors.any()) {
            try {
                sessions.extraSession(clinician, site, onDate.get(), startsAt.get(), endsAt.get(), kind, reason);
                return "redirect:/admin/leave?done=done";
            } catch (ServiceProblem refused) {
                if (!refused.invalid() && !refused.conflict()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, LEAVE_FIELDS).renamed("clinicianId", "extraClinician")
                        .renamed("siteId", "extraSite").renamed("onDate", "extraDate")
                        .renamed("startsAt", "extraTimes").renamed("endsAt", "extraTimes")
                        .renamed("reason", "extraReason").renamed("general", "extraTimes");
            }
        }
        return leavePage(model, errors, values, List.of(), null);
    }

    @PostMapping("/leave/{id}/remove")
    String removeLeave(@PathVariable UUID id, Model model) {
        try {
            sessions.remove(id);
            return "redirect:/admin/leave?done=removed";
        } catch (ServiceProblem refused) {
            if (!refused.conflict()) {
                throw refused;
            }
            var stranded = stranded(refused);
            return leavePage(model, new FormErrors().add("removal", stranded.isEmpty() ? refused.detail()
                    : "This extra session still has booked patients. Move or cancel their appointments first"),
                    Map.of(), stranded, null);
        }
    }

    @GetMapping("/sessions")
    String weeklySessions(@RequestParam(required = false) UUID clinician, @RequestParam(required = false) String done,
                          Model model) {
        return sessionsPage(clinician, model, new FormErrors(), Map.of(), List.of(), "added".equals(done) ? "added"
                : "ended".equals(done) ? "ended" : null);
    }

    @PostMapping("/sessions")
    String addWeeklySession(@RequestParam MultiValueMap<String, String> form, Model model) {
        var values = form.toSingleValueMap();
        var clinician = uuid(values.get("clinician"));
        var errors = new FormErrors();
        var site = uuid(values.get("site"));
        if (site == null) {
            errors.add("siteId", "Choose the site");
        }
        DayOfWeek day = null;
        try {
            day = DayOfWeek.valueOf(values.getOrDefault("dayOfWeek", ""));
        } catch (IllegalArgumentException e) {
            errors.add("dayOfWeek", "Choose the day of the week");
        }
        var startsAt = localTime(values.get("startsAt"));
        var endsAt = localTime(values.get("endsAt"));
        if (startsAt.isEmpty() || endsAt.isEmpty()) {
            errors.add("startsAt", "Enter the start and end times, for example 09:00 and 13:00");
        }
        var kind = values.getOrDefault("kind", "");
        if (!kind.equals("CLINIC") && !kind.equals("THEATRE")) {
            errors.add("kind", "Choose clinic or theatre");
        }
        var from = DateFields.parse(values.get("fromDay"), values.get("fromMonth"), values.get("fromYear"));
        if (from.isEmpty()) {
            errors.add("validFrom", "Enter the first date it runs, for example 4 1 2027");
        }
        if (clinician == null) {
            return "redirect:/admin/sessions";
        }
        if (!errors.any()) {
            try {
                sessions.addTemplate(clinician, site, day, startsAt.get(), endsAt.get(), kind, from.get());
                return "redirect:/admin/sessions?clinician=" + clinician + "&done=added";
            } catch (ServiceProblem refused) {
                if (!refused.invalid() && !refused.conflict()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, LEAVE_FIELDS).renamed("endsAt", "startsAt")
                        .renamed("general", "startsAt");
            }
        }
        return sessionsPage(clinician, model, errors, values, List.of(), null);
    }

    @PostMapping("/sessions/{id}/end")
    String endWeeklySession(@PathVariable UUID id, @RequestParam UUID clinician,
                            @RequestParam MultiValueMap<String, String> form, Model model) {
        var values = form.toSingleValueMap();
        var last = DateFields.parse(values.get("lastDay"), values.get("lastMonth"), values.get("lastYear"));
        if (last.isEmpty()) {
            return sessionsPage(clinician, model, new FormErrors().add("lastDate-" + id,
                    "Enter the last date it runs, for example 31 12 2026"), values, List.of(), null);
        }
        try {
            sessions.endTemplate(id, last.get());
            return "redirect:/admin/sessions?clinician=" + clinician + "&done=ended";
        } catch (ServiceProblem refused) {
            if (!refused.invalid() && !refused.conflict()) {
                throw refused;
            }
            var stranded = stranded(refused);
            return sessionsPage(clinician, model, new FormErrors().add("lastDate-" + id, stranded.isEmpty()
                    ? "Last date " + refused.detail() : "Ending it then would leave " + stranded.size()
                    + " booked patient(s) without a clinic. Move or cancel their appointments first"), values,
                    stranded, null);
        }
    }

    private String leavePage(Model model, FormErrors errors, Map<String, String> values,
                             List<SessionChanges.Stranded> stranded, String done) {
        var today = time.today();
        var names = directory.names();
        model.addAttribute("names", names);
        model.addAttribute("exceptions", sessions.between(today, today.plusWeeks(12)));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("stranded", stranded);
        model.addAttribute("done", done);
        return "admin/leave";
    }

    private String sessionsPage(UUID clinician, Model model, FormErrors errors, Map<String, String> values,
                                List<SessionChanges.Stranded> stranded, String done) {
        model.addAttribute("names", directory.names());
        model.addAttribute("clinician", clinician);
        model.addAttribute("templates", clinician == null ? List.of() : sessions.templates(clinician));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("stranded", stranded);
        model.addAttribute("done", done);
        model.addAttribute("today", time.today());
        return "admin/sessions";
    }

    /** The appointments a refusal names, each with its patient and clinician, for the page to list. */
    private List<SessionChanges.Stranded> stranded(ServiceProblem refused) {
        var named = refused.member("strandedAppointments");
        if (named.isEmpty()) {
            return List.of();
        }
        var names = directory.names();
        var result = new ArrayList<SessionChanges.Stranded>();
        for (var entry : named.get()) {
            var id = UUID.fromString(entry.path("appointmentId").asString());
            var appointment = appointments.read(id);
            var patient = services.get(Part.BOOKING, PatientName.class, "/api/booking/patients/{id}",
                    appointment.patientId());
            result.add(new SessionChanges.Stranded(id, appointment.startsAt(),
                    patient.givenName() + " " + patient.familyName(), names.clinician(appointment.clinicianId())));
        }
        return result;
    }

    record PatientName(String givenName, String familyName) {
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<LocalTime> localTime(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(LocalTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
