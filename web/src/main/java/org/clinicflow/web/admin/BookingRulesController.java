package org.clinicflow.web.admin;

import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Labels;
import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The booking rules of each type of appointment, as clinic admin sets them: minimum notice, the cutoff for moves and
 * cancellations, the buffer between a clinician's appointments and the most a clinician has in a day. booking-service
 * holds the ranges; this page checks only that a number is a number, and shows the service's refusals beside the
 * fields they name.
 */
@Controller
@RequestMapping("/admin/booking-rules")
@PreAuthorize("hasRole('clinic-admin')")
class BookingRulesController {

    private static final Map<String, String> FIELDS = Map.of("minimumNoticeHours", "Minimum notice",
            "changeCutoffHours", "Cutoff for moving or cancelling", "bufferMinutes", "Buffer",
            "maximumPerDay", "Maximum per clinician per day");

    private final Services services;

    BookingRulesController(Services services) {
        this.services = services;
    }

    /** @param maximumPerDay null for no limit */
    record Rule(String appointmentType, long minimumNoticeHours, long changeCutoffHours, long bufferMinutes,
                Integer maximumPerDay) {
    }

    @GetMapping
    String rules(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("rules", all());
        model.addAttribute("done", done != null && Labels.BOOKABLE_TYPES.contains(done) ? done : null);
        return "admin/booking-rules";
    }

    @GetMapping("/{type}")
    String edit(@PathVariable String type, Model model) {
        var rule = one(type);
        var values = new HashMap<String, String>();
        values.put("minimumNoticeHours", String.valueOf(rule.minimumNoticeHours()));
        values.put("changeCutoffHours", String.valueOf(rule.changeCutoffHours()));
        values.put("bufferMinutes", String.valueOf(rule.bufferMinutes()));
        values.put("maximumPerDay", rule.maximumPerDay() == null ? "" : String.valueOf(rule.maximumPerDay()));
        return form(model, rule, values, new FormErrors());
    }

    @PostMapping("/{type}")
    String change(@PathVariable String type, @RequestParam Map<String, String> form, Model model) {
        var rule = one(type);
        var errors = new FormErrors();
        var values = new HashMap<String, String>();
        var body = new LinkedHashMap<String, Object>();
        for (var field : List.of("minimumNoticeHours", "changeCutoffHours", "bufferMinutes", "maximumPerDay")) {
            var typed = form.getOrDefault(field, "").strip();
            values.put(field, typed);
            if (typed.isEmpty()) {
                if (field.equals("maximumPerDay")) {
                    body.put(field, null);
                } else {
                    errors.add(field, "Enter the " + FIELDS.get(field).toLowerCase() + " as a whole number");
                }
            } else if (!typed.matches("\\d{1,6}")) {
                errors.add(field, FIELDS.get(field) + " must be a whole number, for example "
                        + (field.equals("bufferMinutes") ? "10" : "24"));
            } else {
                body.put(field, Long.parseLong(typed));
            }
        }
        if (!errors.any()) {
            try {
                services.put(Part.BOOKING, Rule.class, body, null, "/api/booking/booking-rules/{type}", type);
                return "redirect:/admin/booking-rules?done=" + type;
            } catch (ServiceProblem refused) {
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, FIELDS);
            }
        }
        return form(model, rule, values, errors);
    }

    private String form(Model model, Rule rule, Map<String, String> values, FormErrors errors) {
        model.addAttribute("rule", rule);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "admin/booking-rule";
    }

    private List<Rule> all() {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Rule>>() {
        }, "/api/booking/booking-rules");
    }

    /** An unknown type is "not found", as booking-service would say of it. */
    private Rule one(String type) {
        return all().stream().filter(r -> r.appointmentType().equals(type)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "No such type of appointment", Map.of()));
    }
}
