package org.clinicflow.web.todo;

import org.clinicflow.web.directory.Directory;
import org.clinicflow.web.platform.ClinicTime;
import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.PartUnavailable;
import org.clinicflow.web.platform.ServiceProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Reception's start page. */
@Controller
@PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
class TodoController {

    private static final Set<String> DONE = Set.of("retried", "review-booked", "review-taken", "not-retried",
            "called-back", "acknowledged", "not-acknowledged", "letter-sent", "task-changed");

    private final Worklists worklists;
    private final Directory directory;
    private final ClinicTime time;

    TodoController(Worklists worklists, Directory directory, ClinicTime time) {
        this.worklists = worklists;
        this.directory = directory;
        this.time = time;
    }

    /** An enquiry as the list shows it: how urgent it is, in words and in colour. */
    record EnquiryRow(Worklists.Enquiry enquiry, String patientName, String urgency) {
    }

    @GetMapping("/todo")
    String todo(@RequestParam(required = false) String done, Model model, Authentication user) {
        var unavailable = new ArrayList<Part>();
        var names = new HashMap<UUID, String>();
        var enquiries = load(unavailable, Part.BOOKING, () -> worklists.enquiriesToBook().items().stream()
                .map(e -> new EnquiryRow(e, e.patientId() == null ? null : name(e.patientId(), names),
                        urgency(e))).toList());
        var reviews = load(unavailable, Part.BOOKING, () -> worklists.reviewsToBook().items());
        var followUp = load(unavailable, Part.FOLLOWUP, worklists::followUp);
        if (reviews != null) {
            reviews.forEach(review -> name(review.patientId(), names));
        }
        if (followUp != null) {
            followUp.accessAlerts().stream().filter(alert -> alert.patientId() != null)
                    .forEach(alert -> name(alert.patientId(), names));
            followUp.overdueTasks().forEach(task -> name(task.patientId(), names));
            followUp.failedMessages().forEach(message -> name(message.patientId(), names));
            followUp.reviewsNotBooked().forEach(review -> name(review.patientId(), names));
            followUp.startedPathways().forEach(pathway -> name(pathway.patientId(), names));
        }
        model.addAttribute("enquiries", enquiries);
        model.addAttribute("reviews", reviews);
        model.addAttribute("followUp", followUp);
        model.addAttribute("patients", names);
        model.addAttribute("unavailable", unavailable);
        model.addAttribute("names", unavailable.contains(Part.BOOKING) ? null : directory.names());
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        if (user.getAuthorities().stream().anyMatch(role -> role.getAuthority().equals("ROLE_clinic-admin"))) {
            // An event a service could not process is an admin's to do: something a patient is owed may hang on it.
            var booking = load(unavailable, Part.BOOKING, () -> worklists.deadLettersWaiting(Part.BOOKING,
                    "booking"));
            var followup = load(unavailable, Part.FOLLOWUP, () -> worklists.deadLettersWaiting(Part.FOLLOWUP,
                    "followup"));
            model.addAttribute("deadLetters", (booking == null ? 0 : booking) + (followup == null ? 0 : followup));
        }
        return "todo/todo";
    }

    @PostMapping("/todo/messages/{id}/retry")
    String retry(@PathVariable UUID id) {
        try {
            worklists.retry(id);
            return "redirect:/todo?done=retried";
        } catch (ServiceProblem refused) {
            if (refused.conflict() || refused.status() == 404) {
                return "redirect:/todo?done=not-retried";
            }
            throw refused;
        }
    }

    @PostMapping("/todo/access-alerts/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id, @RequestParam long version) {
        try {
            worklists.acknowledge(id, version);
            return "redirect:/todo?done=acknowledged";
        } catch (ServiceProblem refused) {
            // Someone else acknowledged it meanwhile (409, or 412 on the version): it is off the list either way.
            if (refused.conflict() || refused.status() == 412 || refused.status() == 404) {
                return "redirect:/todo?done=not-acknowledged";
            }
            throw refused;
        }
    }

    /** The GP letter went out: a bone-density task stays on the list, waiting for the scan's result. */
    @PostMapping("/todo/tasks/{id}/sent")
    String letterSent(@PathVariable UUID id, @RequestParam long version) {
        try {
            worklists.letterSent(id, version);
            return "redirect:/todo?done=letter-sent";
        } catch (ServiceProblem refused) {
            // Marked sent (or closed) by someone else meanwhile: the fresh list shows where it stands.
            if (refused.conflict() || refused.stale()) {
                return "redirect:/todo?done=task-changed";
            }
            throw refused;
        }
    }

    @PostMapping("/todo/reviews/{id}/bookings")
    String bookReview(@PathVariable UUID id, @RequestParam UUID patient, @RequestParam UUID surgeon,
                      @RequestParam(defaultValue = "POST_PROCEDURE_REVIEW") String type,
                      @RequestParam OffsetDateTime startsAt) {
        try {
            worklists.bookReview(id, patient, surgeon, type, startsAt);
            return "redirect:/todo?done=review-booked";
        } catch (ServiceProblem refused) {
            if (refused.conflict()) {
                return "redirect:/todo?done=review-taken";
            }
            throw refused;
        }
    }

    /**
     * Red flags waiting for a call back before anything; then breached once the deadline has passed, at risk once
     * booking-service's warning time has.
     */
    private String urgency(Worklists.Enquiry enquiry) {
        if (enquiry.urgent()) {
            return "red-flags";
        }
        if (time.passed(enquiry.deadline())) {
            return "breached";
        }
        if (time.passed(enquiry.atRiskAt()) || time.passed(enquiry.deadline().minusHours(12))) {
            return "at-risk";
        }
        return "on-track";
    }

    /** A patient's name for the page; the booking part being down shows the id's absence, not an error. */
    private String name(UUID patient, Map<UUID, String> names) {
        return names.computeIfAbsent(patient, id -> {
            try {
                return worklists.patient(id).name();
            } catch (PartUnavailable | ServiceProblem e) {
                return "a patient";
            }
        });
    }

    private static <T> T load(List<Part> unavailable, Part part, Supplier<T> loader) {
        try {
            return loader.get();
        } catch (PartUnavailable e) {
            if (!unavailable.contains(e.part())) {
                unavailable.add(e.part());
            }
            return null;
        }
    }
}
