package org.clinicflow.web.admin;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.PartUnavailable;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events a service gave up processing, from booking and follow-up: what they were, which consumer failed and why, and
 * a replay. A replay is safe to press twice: each consumer drops an event it has already processed.
 */
@Controller
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('clinic-admin')")
class DeadLettersController {

    /** The services whose dead letters the page shows, and the path of each one's list. */
    private static final Map<String, Part> SERVICES = Map.of("booking", Part.BOOKING, "followup", Part.FOLLOWUP);

    private final Services services;

    DeadLettersController(Services services) {
        this.services = services;
    }

    record DeadLetter(UUID id, String consumerGroup, String topic, String recordKey, UUID eventId, String eventType,
                      String reason, OffsetDateTime failedAt, OffsetDateTime replayedAt, String replayedBy) {
    }

    /** One service's dead letters, or why they could not be read. */
    record FromService(String service, List<DeadLetter> deadLetters, boolean unavailable) {
    }

    @GetMapping
    String deadLetters(@RequestParam(required = false) String replayed, Model model) {
        model.addAttribute("services", List.of(read("booking"), read("followup")));
        model.addAttribute("replayed", replayed != null);
        return "admin/dead-letters";
    }

    @PostMapping("/{service}/{id}/replay")
    String replay(@PathVariable String service, @PathVariable UUID id) {
        var part = SERVICES.get(service);
        if (part == null) {
            throw new ServiceProblem(404, "No such service", Map.of());
        }
        services.post(part, Map.class, Map.of(), null, "/api/" + service + "/dead-letters/{id}/replay", id);
        return "redirect:/admin/dead-letters?replayed";
    }

    private FromService read(String service) {
        try {
            return new FromService(service, services.get(SERVICES.get(service),
                    new ParameterizedTypeReference<List<DeadLetter>>() {
                    }, "/api/" + service + "/dead-letters"), false);
        } catch (PartUnavailable unavailable) {
            // One service away must not hide the other's dead letters.
            return new FromService(service, List.of(), true);
        }
    }
}
