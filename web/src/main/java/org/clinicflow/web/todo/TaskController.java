package org.clinicflow.web.todo;

import org.clinicflow.web.platform.DateFields;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.PartUnavailable;
import org.clinicflow.web.platform.ServiceProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One follow-up task, such as the GP bone-density letter, and the steps that close its loop: the scan's result (done,
 * with its date and what it found, or declined) or, for a clinician, closing it with a reason. Marking the letter sent
 * is a button on the to-do list itself. Every change names the version the page showed, so a change made meanwhile in
 * another browser is never overwritten (412): the page then shows the task as it is now and says so.
 * <p>
 * Surgeons may open it as followup-service lets them record a result and close a task; reception cannot close one.
 */
@Controller
@RequestMapping("/todo/tasks/{id}")
@PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
class TaskController {

    /** The labels of the fields followup-service names on this page. */
    private static final Map<String, String> FIELDS = Map.of("outcome", "Outcome", "scanDate", "Scan date",
            "result", "Result", "reason", "Reason");
    private static final Set<String> DONE = Set.of("result-recorded", "closed");
    private static final Set<String> OUTCOMES = Set.of("DONE", "DECLINED");

    private final Worklists worklists;

    TaskController(Worklists worklists) {
        this.worklists = worklists;
    }

    /** What was typed into the result form, shown again with its messages. */
    record ResultForm(String outcome, String scanDay, String scanMonth, String scanYear, String result) {

        static final ResultForm EMPTY = new ResultForm("", "", "", "", "");

        /** The date fields under the names the shared date input reads them by. */
        public Map<String, String> dateValues() {
            return Map.of("scanDay", scanDay, "scanMonth", scanMonth, "scanYear", scanYear);
        }

        boolean dateBlank() {
            return scanDay.isBlank() && scanMonth.isBlank() && scanYear.isBlank();
        }
    }

    @GetMapping
    String show(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
        return page(id, done != null && DONE.contains(done) ? done : null, null, new FormErrors(), ResultForm.EMPTY,
                "", model);
    }

    /**
     * Only a scan that was done has a date and a result; for a declined one whatever was typed in them (visible with
     * JavaScript off) is not sent. What is missing or wrong comes back from followup-service, field by field.
     */
    @PostMapping("/result")
    String recordResult(@PathVariable UUID id, @RequestParam long version,
                        @RequestParam(defaultValue = "") String outcome,
                        @RequestParam(defaultValue = "") String scanDay,
                        @RequestParam(defaultValue = "") String scanMonth,
                        @RequestParam(defaultValue = "") String scanYear,
                        @RequestParam(defaultValue = "") String result, Model model) {
        var typed = new ResultForm(outcome, scanDay, scanMonth, scanYear, result);
        var errors = new FormErrors();
        if (!OUTCOMES.contains(outcome)) {
            errors.add("outcome", "Select whether the scan was done or the patient declined it");
        }
        LocalDate scanDate = null;
        boolean done = outcome.equals("DONE");
        if (done && !typed.dateBlank()) {
            scanDate = DateFields.parse(scanDay, scanMonth, scanYear).orElse(null);
            if (scanDate == null) {
                errors.add("scanDate", "Scan date must be a real date, for example 27 11 2026");
            }
        }
        if (!errors.any()) {
            try {
                worklists.recordResult(id, version, outcome, scanDate, done && !result.isBlank() ? result.strip()
                        : null);
                return "redirect:/todo/tasks/" + id + "?done=result-recorded";
            } catch (ServiceProblem refused) {
                if (refused.stale() || refused.conflict()) {
                    return page(id, null, refused, errors, typed, "", model);
                }
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, FIELDS);
            }
        }
        return page(id, null, null, errors, typed, "", model);
    }

    @PostMapping("/closure")
    @PreAuthorize("hasAnyRole('surgeon', 'clinic-admin')")
    String close(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
                 Model model) {
        var errors = new FormErrors();
        if (reason.isBlank()) {
            errors.add("reason", "Enter why the task is no longer needed");
        } else {
            try {
                worklists.close(id, version, reason.strip());
                return "redirect:/todo/tasks/" + id + "?done=closed";
            } catch (ServiceProblem refused) {
                if (refused.stale() || refused.conflict()) {
                    return page(id, null, refused, errors, ResultForm.EMPTY, reason, model);
                }
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, FIELDS);
            }
        }
        return page(id, null, null, errors, ResultForm.EMPTY, reason, model);
    }

    /** @param refused a change refused as stale or no longer possible; null when none was */
    private String page(UUID id, String done, ServiceProblem refused, FormErrors errors, ResultForm typed,
                        String reason, Model model) {
        var task = worklists.task(id);
        model.addAttribute("task", task);
        model.addAttribute("patientName", patientName(task.patientId()));
        model.addAttribute("done", done);
        model.addAttribute("refused", refused);
        model.addAttribute("errors", errors);
        model.addAttribute("form", typed);
        model.addAttribute("reason", reason);
        return "todo/task";
    }

    /** The booking part being down leaves the task readable, without the name. */
    private String patientName(UUID patient) {
        try {
            return worklists.patient(patient).name();
        } catch (PartUnavailable | ServiceProblem e) {
            return "a patient";
        }
    }
}
