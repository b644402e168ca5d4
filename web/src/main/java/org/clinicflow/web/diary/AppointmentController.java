package org.clinicflow.web.diary;

import org.clinicflow.web.appointment.Appointments;
import org.clinicflow.web.directory.Directory;
import org.clinicflow.web.platform.ClinicTime;
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

    @PostMapping("/cancel")
    String cancel(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
                  Model model) {
        if (reason.isBlank()) {
            return page(id, null, null, Map.of("reason", "Enter why the appointment is cancelled"), model);
        }
        if (reason.length() > 500) {
            return page(id, null, null, Map.of("reason", "Reason must be 500 characters or fewer"), model);
        }
        return change(id, "cancelled", model, () -> appointments.cancel(id, etag(version), reason));
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

    @PostMapping("/move")
    String move(@PathVariable UUID id, @RequestParam long version, @RequestParam OffsetDateTime startsAt,
                @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            appointments.reschedule(id, etag(version), startsAt, reason.length() > 500 ? reason.substring(0, 500)
                    : reason);
            return "redirect:/diary/appointments/" + id + "?done=moved";
        } catch (ServiceProblem refused) {
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
