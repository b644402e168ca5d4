package org.clinicflow.web.diary;

import org.clinicflow.web.appointment.Appointments;
import org.clinicflow.web.directory.Directory;
import org.clinicflow.web.platform.ClinicTime;
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

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One appointment: what it is, what happened to it and who did it, and the changes reception makes. Every change
 * names the version the page showed, so that a change someone else made meanwhile is never overwritten (412): the
 * page then shows the appointment as it is now and says so.
 */
@Controller
@RequestMapping("/diary/appointments/{id}")
@PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
class AppointmentController {

    /** The field booking-service names for a reason to go past a booking rule. */
    private static final String OVERRIDE = "overrideReason";
    /** The labels of the fields booking-service may name on these pages. */
    private static final Map<String, String> FIELDS = Map.of("startsAt", "The new time", OVERRIDE,
            "A reason for overriding", "reason", "Reason");

    /** What a finished change says on the page it returns to. */
    private static final Set<String> DONE = Set.of("checked-in", "no-show", "cancelled", "moved", "waiting",
            "not-waiting");

    private final Appointments appointments;
    private final Directory directory;
    private final Services services;

    AppointmentController(Appointments appointments, Directory directory, Services services) {
        this.appointments = appointments;
        this.directory = directory;
        this.services = services;
    }

    record Patient(UUID id, String givenName, String familyName, String nhsNumber) {
    }

    @GetMapping
    String show(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
        return page(id, done != null && DONE.contains(done) ? done : null, null, Map.of(), model);
    }

    @PostMapping("/check-in")
    String checkIn(@PathVariable UUID id, @RequestParam long version, Model model) {
        return change(id, "checked-in", model, () -> appointments.checkIn(id, etag(version)));
    }

    @PostMapping("/no-show")
    String noShow(@PathVariable UUID id, @RequestParam long version, Model model) {
        return change(id, "no-show", model, () -> appointments.noShow(id, etag(version)));
    }

    /**
     * Inside the type's cutoff booking-service refuses a cancellation unless reception gives a reason for overriding
     * it; the page then shows the rule and asks for that reason, keeping what was typed.
     */
    @PostMapping("/cancel")
    String cancel(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(required = false) String overrideReason, Model model) {
        model.addAttribute("cancelReason", reason);
        model.addAttribute("overrideAsked", overrideReason != null);
        if (reason.isBlank()) {
            return page(id, null, null, Map.of("reason", "Enter why the appointment is cancelled"), model);
        }
        if (reason.length() > 500) {
            return page(id, null, null, Map.of("reason", "Reason must be 500 characters or fewer"), model);
        }
        if (overrideReason != null && overrideReason.isBlank()) {
            return page(id, null, null, Map.of(OVERRIDE, "Enter why the rule should be overridden"), model);
        }
        try {
            appointments.cancel(id, etag(version), reason, overrideReason);
            return "redirect:/diary/appointments/" + id + "?done=cancelled";
        } catch (ServiceProblem refused) {
            if (refused.overridable() || refused.fieldErrors().containsKey(OVERRIDE)) {
                model.addAttribute("overrideAsked", true);
                return page(id, null, null, FormErrors.of(refused, FIELDS).all(), model);
            }
            if (refused.stale() || refused.conflict() || refused.invalid()) {
                return page(id, null, refused, Map.of(), model);
            }
            throw refused;
        }
    }

    /** The patient would come sooner: the waiting list offers them any earlier time with this clinician. */
    @PostMapping("/waiting-list")
    String joinWaitingList(@PathVariable UUID id, Model model) {
        return change(id, "waiting", model, () -> {
            appointments.joinWaitingList(id);
            return null;
        });
    }

    @PostMapping("/waiting-list/leave")
    String leaveWaitingList(@PathVariable UUID id, Model model) {
        return change(id, "not-waiting", model, () -> {
            appointments.leaveWaitingList(id);
            return null;
        });
    }

    @GetMapping("/move")
    String chooseNewTime(@PathVariable UUID id, @RequestParam(required = false) String taken, Model model) {
        return chooseNewTime(id, taken, model, null, new FormErrors());
    }

    /** @param overriding the time a move to was refused by a booking rule; null when none was */
    private String chooseNewTime(UUID id, String taken, Model model, OffsetDateTime overriding, FormErrors errors) {
        model.addAttribute("overriding", overriding);
        model.addAttribute("errors", errors);
        var appointment = appointments.read(id);
        var names = directory.names();
        model.addAttribute("appointment", appointment);
        model.addAttribute("patient", patient(appointment.patientId()));
        model.addAttribute("names", names);
        model.addAttribute("taken", taken != null);
        model.addAttribute("slots", appointments.earliest(appointment.appointmentType(), appointment.clinicianId(),
                null, 12).stream().filter(slot -> !slot.startsAt().isEqual(appointment.startsAt())).toList());
        return "diary/move";
    }

    /**
     * A move that breaks a booking rule (inside the cutoff, or a new time too soon, inside a buffer or on a full day)
     * comes back to the list of times with the rule named and a reason for overriding asked for.
     */
    @PostMapping("/move")
    String move(@PathVariable UUID id, @RequestParam long version, @RequestParam OffsetDateTime startsAt,
                @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String overrideReason,
                Model model) {
        if (overrideReason != null && overrideReason.isBlank()) {
            return chooseNewTime(id, null, model, startsAt,
                    new FormErrors().add(OVERRIDE, "Enter why the rule should be overridden"));
        }
        try {
            appointments.reschedule(id, etag(version), startsAt, reason.length() > 500 ? reason.substring(0, 500)
                    : reason, overrideReason);
            return "redirect:/diary/appointments/" + id + "?done=moved";
        } catch (ServiceProblem refused) {
            if (refused.overridable() || refused.fieldErrors().containsKey(OVERRIDE)) {
                // One input on this page: each rule's message beside it, whichever field the service named.
                return chooseNewTime(id, null, model, startsAt,
                        FormErrors.of(refused, FIELDS).renamed("startsAt", OVERRIDE));
            }
            if (refused.conflict()) {
                return "redirect:/diary/appointments/" + id + "/move?taken";
            }
            if (refused.stale()) {
                return page(id, null, refused, Map.of(), model);
            }
            throw refused;
        }
    }

    private String change(UUID id, String done, Model model, Supplier<?> change) {
        try {
            change.get();
            return "redirect:/diary/appointments/" + id + "?done=" + done;
        } catch (ServiceProblem refused) {
            if (refused.stale() || refused.conflict() || refused.invalid()) {
                return page(id, null, refused, Map.of(), model);
            }
            throw refused;
        }
    }

    private String page(UUID id, String done, ServiceProblem refused, Map<String, String> fieldErrors, Model model) {
        var appointment = appointments.read(id);
        model.addAttribute("appointment", appointment);
        model.addAttribute("patient", patient(appointment.patientId()));
        model.addAttribute("history", appointments.history(id));
        // A procedure's date is planned with the surgeon: it never waits for a freed time.
        var canWait = appointment.booked() && !appointment.procedure();
        model.addAttribute("canWait", canWait);
        model.addAttribute("waiting", canWait && appointments.waiting(id));
        model.addAttribute("names", directory.names());
        model.addAttribute("done", done);
        model.addAttribute("refused", refused);
        model.addAttribute("fieldErrors", fieldErrors);
        return "diary/appointment";
    }

    private Patient patient(UUID id) {
        return services.get(Part.BOOKING, Patient.class, "/api/booking/patients/{id}", id);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
