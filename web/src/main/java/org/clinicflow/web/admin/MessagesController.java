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

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the clinic's appointment messages say, and when the reminders go, as clinic admin changes them. followup-service
 * keeps every version of the wording and re-words or re-plans the messages not yet sent; this page shows its refusals
 * beside the fields they name, and says how many waiting reminders a change of timing moved.
 */
@Controller
@RequestMapping("/admin/messages")
@PreAuthorize("hasRole('clinic-admin')")
class MessagesController {

    private static final Map<String, String> TEMPLATE_FIELDS = Map.of("title", "Subject", "body", "Message",
            "reason", "Why you are changing it");
    /** followup-service's details read after these: "must be 1 to 336 hours before the appointment". */
    private static final Map<String, String> TIMING_FIELDS = Map.of("leadHours", "The reminder",
            "channel", "The first way to send it");

    private final Services services;

    MessagesController(Services services) {
        this.services = services;
    }

    record Template(String purpose, long version, String title, String body, String changedBy,
                    OffsetDateTime changedAt, String reason) {
    }

    record Version(long version, String title, String body, String changedBy, OffsetDateTime changedAt,
                   String reason) {
    }

    record TemplateWithHistory(String purpose, long version, String title, String body, String changedBy,
                               OffsetDateTime changedAt, String reason, List<Version> history) {
    }

    record Timing(String appointmentType, String purpose, int leadHours, String channel, long version) {
    }

    /** @param replanned the reminders not yet sent that the change moved */
    record ChangedTiming(String appointmentType, String purpose, int leadHours, String channel, long version,
                         Integer replanned) {
    }

    @GetMapping
    String messages(@RequestParam(required = false) String saved, @RequestParam(required = false) Integer replanned,
                    Model model) {
        model.addAttribute("templates", services.get(Part.FOLLOWUP, new ParameterizedTypeReference<List<Template>>() {
        }, "/api/followup/message-templates"));
        var timings = timings();
        var byType = new LinkedHashMap<String, List<Timing>>();
        for (var type : Labels.BOOKABLE_TYPES) {
            byType.put(type, timings.stream().filter(t -> t.appointmentType().equals(type)).toList());
        }
        model.addAttribute("timings", byType);
        model.addAttribute("saved", saved);
        model.addAttribute("replanned", replanned);
        return "admin/messages";
    }

    @GetMapping("/templates/{purpose}")
    String template(@PathVariable String purpose, Model model) {
        var current = one(purpose);
        return templateForm(model, current, Map.of("title", current.title(), "body", current.body(), "reason", ""),
                new FormErrors(), false);
    }

    @PostMapping("/templates/{purpose}")
    String changeTemplate(@PathVariable String purpose, @RequestParam long version,
                          @RequestParam Map<String, String> form, Model model) {
        var values = Map.of("title", form.getOrDefault("title", "").strip(),
                "body", form.getOrDefault("body", "").strip().replace("\r\n", "\n"),
                "reason", form.getOrDefault("reason", "").strip());
        var errors = new FormErrors();
        if (values.get("reason").isEmpty()) {
            errors.add("reason", "Say why you are changing the wording, for the record");
        }
        if (!errors.any()) {
            try {
                services.put(Part.FOLLOWUP, Template.class, values, "\"" + version + "\"",
                        "/api/followup/message-templates/{purpose}", purpose);
                return "redirect:/admin/messages?saved=" + purpose;
            } catch (ServiceProblem refused) {
                if (refused.stale()) {
                    var now = one(purpose);
                    return templateForm(model, now, Map.of("title", now.title(), "body", now.body(), "reason", ""),
                            new FormErrors(), true);
                }
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, TEMPLATE_FIELDS);
            }
        }
        var current = one(purpose);
        return templateForm(model, new TemplateWithHistory(current.purpose(), version, current.title(), current.body(),
                current.changedBy(), current.changedAt(), current.reason(), current.history()), values, errors, false);
    }

    @GetMapping("/timings/{type}/{purpose}")
    String timing(@PathVariable String type, @PathVariable String purpose, Model model) {
        var timing = oneTiming(type, purpose);
        return timingForm(model, timing, Map.of("leadHours", String.valueOf(timing.leadHours()),
                "channel", timing.channel()), new FormErrors(), false);
    }

    @PostMapping("/timings/{type}/{purpose}")
    String changeTiming(@PathVariable String type, @PathVariable String purpose, @RequestParam long version,
                        @RequestParam Map<String, String> form, Model model) {
        var timing = oneTiming(type, purpose);
        var typed = form.getOrDefault("leadHours", "").strip();
        var channel = form.getOrDefault("channel", "");
        var values = Map.of("leadHours", typed, "channel", channel);
        var errors = new FormErrors();
        if (!typed.matches("\\d{1,4}")) {
            errors.add("leadHours", typed.isEmpty() ? "Enter how many hours before the appointment it goes"
                    : "Hours before the appointment must be a whole number, for example 48");
        }
        if (!channel.equals("EMAIL") && !channel.equals("SMS")) {
            errors.add("channel", "Choose whether it goes first by email or by text message");
        }
        if (!errors.any()) {
            try {
                var changed = services.put(Part.FOLLOWUP, ChangedTiming.class,
                        Map.of("leadHours", Integer.parseInt(typed), "channel", channel), "\"" + version + "\"",
                        "/api/followup/reminder-timings/{type}/{purpose}", type, purpose);
                return "redirect:/admin/messages?saved=" + type + "." + purpose + "&replanned="
                        + (changed == null || changed.replanned() == null ? 0 : changed.replanned());
            } catch (ServiceProblem refused) {
                if (refused.stale()) {
                    var now = oneTiming(type, purpose);
                    return timingForm(model, now, Map.of("leadHours", String.valueOf(now.leadHours()),
                            "channel", now.channel()), new FormErrors(), true);
                }
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, TIMING_FIELDS);
            }
        }
        return timingForm(model, new Timing(type, purpose, timing.leadHours(), timing.channel(), version), values,
                errors, false);
    }

    private String templateForm(Model model, TemplateWithHistory template, Map<String, String> values,
                                FormErrors errors, boolean stale) {
        model.addAttribute("template", template);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        return "admin/message-template";
    }

    private String timingForm(Model model, Timing timing, Map<String, String> values, FormErrors errors,
                              boolean stale) {
        model.addAttribute("timing", timing);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        return "admin/reminder-timing";
    }

    private TemplateWithHistory one(String purpose) {
        return services.get(Part.FOLLOWUP, TemplateWithHistory.class, "/api/followup/message-templates/{purpose}",
                purpose);
    }

    private List<Timing> timings() {
        return services.get(Part.FOLLOWUP, new ParameterizedTypeReference<List<Timing>>() {
        }, "/api/followup/reminder-timings");
    }

    /** An unknown type or reminder is "not found", as followup-service would say of it. */
    private Timing oneTiming(String type, String purpose) {
        return timings().stream().filter(t -> t.appointmentType().equals(type) && t.purpose().equals(purpose))
                .findFirst().orElseThrow(() -> new ServiceProblem(404, "No such reminder", Map.of()));
    }
}
