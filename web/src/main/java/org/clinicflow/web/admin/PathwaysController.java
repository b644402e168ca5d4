package org.clinicflow.web.admin;

import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-up pathways: what followup-service does after each treatment, step by step. A change saves a new version
 * of the whole pathway (pathways already started keep the version they started with); a change made by someone else
 * meanwhile is not overwritten (412) and the page says so.
 */
@Controller
@RequestMapping("/admin/pathways")
@PreAuthorize("hasRole('clinic-admin')")
class PathwaysController {

    private final Services services;

    PathwaysController(Services services) {
        this.services = services;
    }

    record Step(String code, String kind, int offsetDays, LocalTime sendAt, String title, String body,
                String contentSection, Integer windowDays, Integer bookWithinDays) {
    }

    record Pathway(String treatment, int version, String contentSlug, OffsetDateTime changedAt, List<Step> steps) {
    }

    @GetMapping
    String pathways(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("pathways", services.get(Part.FOLLOWUP, new ParameterizedTypeReference<List<Pathway>>() {
        }, "/api/followup/pathways"));
        model.addAttribute("done", done != null && done.matches("[A-Z_]{1,40}") ? done : null);
        return "admin/pathways";
    }

    @GetMapping("/{treatment}")
    String edit(@PathVariable String treatment, Model model) {
        var pathway = services.get(Part.FOLLOWUP, Pathway.class, "/api/followup/pathways/{treatment}", treatment);
        return page(pathway, pathway.steps(), new FormErrors(), false, model);
    }

    @PostMapping("/{treatment}")
    String change(@PathVariable String treatment, @RequestParam int version,
                  @RequestParam MultiValueMap<String, String> form, Model model) {
        var current = services.get(Part.FOLLOWUP, Pathway.class, "/api/followup/pathways/{treatment}", treatment);
        var values = form.toSingleValueMap();
        var errors = new FormErrors();
        var steps = new ArrayList<Step>();
        for (int i = 0; i < current.steps().size() && i < 20; i++) {
            var original = current.steps().get(i);
            var at = "steps[" + i + "].";
            Integer offset = null;
            try {
                offset = Integer.parseInt(values.getOrDefault(at + "offsetDays", "").strip());
            } catch (NumberFormatException e) {
                errors.add(at + "offsetDays", "Enter the day as a whole number of days after the procedure");
            }
            steps.add(new Step(original.code(), original.kind(), offset == null ? original.offsetDays() : offset,
                    original.sendAt(), values.getOrDefault(at + "title", "").strip(),
                    values.getOrDefault(at + "body", "").strip(), original.contentSection(), original.windowDays(),
                    original.bookWithinDays()));
        }
        if (!errors.any()) {
            var body = new HashMap<String, Object>();
            body.put("contentSlug", current.contentSlug());
            body.put("steps", steps);
            try {
                services.put(Part.FOLLOWUP, Pathway.class, body, "\"" + version + "\"",
                        "/api/followup/pathways/{treatment}", treatment);
                return "redirect:/admin/pathways?done=" + treatment;
            } catch (ServiceProblem refused) {
                if (refused.stale()) {
                    return page(current, current.steps(), new FormErrors(), true, model);
                }
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, labels(steps.size()));
            }
        }
        return page(new Pathway(current.treatment(), version, current.contentSlug(), current.changedAt(), steps),
                steps, errors, false, model);
    }

    private static Map<String, String> labels(int steps) {
        var labels = new HashMap<String, String>();
        for (int i = 0; i < steps; i++) {
            labels.put("steps[" + i + "].offsetDays", "Step " + (i + 1) + " day");
            labels.put("steps[" + i + "].title", "Step " + (i + 1) + " title");
            labels.put("steps[" + i + "].body", "Step " + (i + 1) + " text");
            labels.put("steps[" + i + "].bookWithinDays", "Step " + (i + 1) + " book-by day");
        }
        return labels;
    }

    private String page(Pathway pathway, List<Step> steps, FormErrors errors, boolean stale, Model model) {
        model.addAttribute("pathway", pathway);
        model.addAttribute("steps", steps);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        return "admin/pathway";
    }
}
