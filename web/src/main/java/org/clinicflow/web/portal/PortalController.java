package org.clinicflow.web.portal;

import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.Labels;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.WebProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in patient's own pages. Who may see them is the services' decision: they answer only a patient's token,
 * and anyone else gets the page that says they may not.
 */
@Controller
@RequestMapping("/my")
class PortalController {

    private static final Set<String> DONE = Set.of("moved", "cancelled", "preferences");

    private final Portal portal;
    private final Labels labels;
    private final WebProperties properties;
    private final Clock clock;

    PortalController(Portal portal, Labels labels, WebProperties properties, Clock clock) {
        this.portal = portal;
        this.labels = labels;
        this.properties = properties;
        this.clock = clock;
    }

    @ModelAttribute("clinicPhone")
    String clinicPhone() {
        return properties.clinicPhone();
    }

    /** What the appointment's page may confirm was just done; nothing else typed into the URL is echoed. */
    private static final Set<String> WAITING_LIST_DONE = Set.of("joined", "left");

    @GetMapping
    String appointments(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("appointments", portal.appointments());
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        return "portal/appointments";
    }

    @GetMapping("/appointments/{id}")
    String appointment(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
        var appointment = portal.appointment(id);
        model.addAttribute("appointment", appointment);
        // Procedures are planned with the surgeon, never taken from the waiting list.
        var canWait = appointment.status().equals("BOOKED") && !appointment.appointmentType().equals("PROCEDURE");
        model.addAttribute("canWait", canWait);
        model.addAttribute("waiting", canWait && portal.waiting(id));
        model.addAttribute("done", done != null && WAITING_LIST_DONE.contains(done) ? done : null);
        return "portal/appointment";
    }

    @PostMapping("/appointments/{id}/waiting-list")
    String joinWaitingList(@PathVariable UUID id) {
        try {
            portal.joinWaitingList(id);
        } catch (ServiceProblem refused) {
            if (refused.conflict()) {
                return "redirect:/my/appointments/" + id;
            }
            throw refused;
        }
        return "redirect:/my/appointments/" + id + "?done=joined";
    }

    @PostMapping("/appointments/{id}/waiting-list/leave")
    String leaveWaitingList(@PathVariable UUID id) {
        portal.leaveWaitingList(id);
        return "redirect:/my/appointments/" + id + "?done=left";
    }

    @GetMapping("/appointments/{id}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable UUID id) {
        var appointment = portal.appointment(id);
        var location = appointment.siteName() == null ? null
                : appointment.siteName() + (appointment.siteAddress() == null ? "" : ", " + appointment.siteAddress());
        var file = CalendarFile.of(appointment.id(), labels.type(appointment.appointmentType()) + " with "
                        + appointment.clinicianName() + " – Spine clinic", appointment.startsAt(), appointment.endsAt(),
                location, clock.instant());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("spine-clinic-appointment.ics").build().toString())
                .body(file.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/appointments/{id}/move")
    String moveForm(@PathVariable UUID id, Model model) {
        var appointment = portal.appointment(id);
        if (!appointment.changeable()) {
            return "redirect:/my/appointments/" + id;
        }
        return move(model, appointment, new FormErrors(), false);
    }

    @PostMapping("/appointments/{id}/move")
    String move(@PathVariable UUID id, @RequestParam(required = false) String startsAt, Model model) {
        var appointment = portal.appointment(id);
        if (startsAt == null || startsAt.isBlank()) {
            return move(model, appointment, new FormErrors().add("startsAt", "Choose a new time"), false);
        }
        try {
            portal.move(appointment, OffsetDateTime.parse(startsAt));
            return "redirect:/my?done=moved";
        } catch (DateTimeParseException notATime) {
            return move(model, appointment, new FormErrors().add("startsAt", "Choose one of the times shown"), false);
        } catch (ServiceProblem refused) {
            if (refused.conflict() && refused.member("changeableUntil").isPresent()) {
                return "redirect:/my/appointments/" + id;
            }
            if (refused.conflict() || refused.invalid() || refused.stale()) {
                // Taken meanwhile, or no longer far enough ahead: the page again, with fresh times.
                return move(model, portal.appointment(id), new FormErrors(), true);
            }
            throw refused;
        }
    }

    @GetMapping("/appointments/{id}/cancel")
    String cancelForm(@PathVariable UUID id, Model model) {
        var appointment = portal.appointment(id);
        if (!appointment.changeable()) {
            return "redirect:/my/appointments/" + id;
        }
        model.addAttribute("appointment", appointment);
        return "portal/cancel";
    }

    @PostMapping("/appointments/{id}/cancel")
    String cancel(@PathVariable UUID id) {
        var appointment = portal.appointment(id);
        try {
            portal.cancel(appointment);
        } catch (ServiceProblem refused) {
            if (refused.conflict() || refused.stale()) {
                return "redirect:/my/appointments/" + id;
            }
            throw refused;
        }
        return "redirect:/my?done=cancelled";
    }

    @GetMapping("/follow-up")
    String followUp(Model model) {
        model.addAttribute("followUps", portal.followUps());
        return "portal/follow-up";
    }

    @GetMapping("/messages")
    String messages(Model model) {
        model.addAttribute("messages", portal.messages());
        return "portal/messages";
    }

    @GetMapping("/contact")
    String contact(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("preferences", portal.preferences());
        model.addAttribute("done", "preferences".equals(done));
        return "portal/contact";
    }

    @PostMapping("/contact")
    String changeContact(@RequestParam(required = false) String email, @RequestParam(required = false) String sms) {
        // A ticked box means "send me messages this way"; the service keeps the opposite, an opt-out.
        portal.changePreferences(email == null, sms == null);
        return "redirect:/my/contact?done=preferences";
    }

    private String move(Model model, Portal.Appointment appointment, FormErrors errors, boolean taken) {
        model.addAttribute("appointment", appointment);
        model.addAttribute("alternatives", portal.alternatives(appointment.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("taken", taken);
        return "portal/move";
    }
}
