package org.clinicflow.web.lists;

import org.clinicflow.web.directory.Directory;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A surgeon asks to see a patient from their list again in some weeks ("see again in 6 weeks"), with a reason.
 * followup-service keeps the recall; reception books it from the to-do page. Always with the surgeon who asks.
 */
@Controller
@RequestMapping("/lists/recalls")
@PreAuthorize("hasRole('surgeon')")
class RecallsController {

    private static final Map<String, String> FIELDS = Map.of("weeks", "See again in", "reason", "Reason",
            "appointmentType", "Kind of appointment", "patientId", "Patient");

    private final Services services;
    private final Directory directory;

    RecallsController(Services services, Directory directory) {
        this.services = services;
        this.directory = directory;
    }

    record Recall(UUID id, UUID patientId, UUID clinicianId, String reason, String appointmentType,
                  LocalDate windowStarts, LocalDate windowEnds, LocalDate bookBy, String status, UUID appointmentId,
                  OffsetDateTime appointmentStartsAt) {
    }

    @GetMapping("/new")
    String form(@RequestParam UUID patient, Model model) {
        return page(patient, new FormErrors(), "6", "", "FULL_CONSULTATION", model);
    }

    @PostMapping
    String ask(@RequestParam UUID patient, @RequestParam(defaultValue = "") String weeks,
               @RequestParam(defaultValue = "") String reason,
               @RequestParam(defaultValue = "FULL_CONSULTATION") String appointmentType, Model model) {
        var errors = new FormErrors();
        Integer number = null;
        try {
            number = Integer.valueOf(weeks.strip());
        } catch (NumberFormatException e) {
            errors.add("weeks", "Enter the number of weeks, for example 6");
        }
        if (reason.isBlank()) {
            errors.add("reason", "Enter why the patient should be seen again");
        }
        if (!errors.any()) {
            var body = new HashMap<String, Object>();
            body.put("patientId", patient);
            body.put("weeks", number);
            body.put("reason", reason);
            body.put("appointmentType", appointmentType);
            try {
                var recall = services.post(Part.FOLLOWUP, Recall.class, body, null, "/api/followup/recalls");
                return "redirect:/lists/recalls/" + recall.id();
            } catch (ServiceProblem refused) {
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, FIELDS);
            }
        }
        return page(patient, errors, weeks, reason, appointmentType, model);
    }

    @GetMapping("/{id}")
    String asked(@PathVariable UUID id, Model model) {
        var recall = services.get(Part.FOLLOWUP, Recall.class, "/api/followup/recalls/{id}", id);
        model.addAttribute("recall", recall);
        model.addAttribute("patient", patient(recall.patientId()));
        model.addAttribute("names", directory.names());
        return "lists/recall-asked";
    }

    private String page(UUID patient, FormErrors errors, String weeks, String reason, String type, Model model) {
        model.addAttribute("patient", patient(patient));
        model.addAttribute("errors", errors);
        model.addAttribute("weeks", weeks);
        model.addAttribute("reason", reason);
        model.addAttribute("appointmentType", type);
        return "lists/recall";
    }

    private ListsController.Patient patient(UUID id) {
        return services.get(Part.BOOKING, ListsController.Patient.class, "/api/booking/patients/{id}", id);
    }
}
