package org.clinicflow.web.admin;

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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic's clinicians, sites and rooms. A clinician who still has patients booked cannot be made inactive
 * (booking-service refuses, 409), and the page says so; a change made by someone else meanwhile (412) is not
 * overwritten.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('clinic-admin')")
class ClinicPlacesController {

    private static final Map<String, String> FIELDS = Map.of("displayName", "Name", "specialty", "Specialty",
            "profession", "Profession", "name", "Name", "address", "Address", "rooms", "Rooms");

    private final Services services;
    private final Directory directory;

    ClinicPlacesController(Services services, Directory directory) {
        this.services = services;
        this.directory = directory;
    }

    record Clinician(UUID id, String displayName, String profession, String specialty, boolean active) {
    }

    @GetMapping("/clinicians")
    String clinicians(@RequestParam(required = false) String done, Model model) {
        return cliniciansPage(model, new FormErrors(), Map.of(), "added".equals(done) ? "added"
                : "changed".equals(done) ? "changed" : null);
    }

    @PostMapping("/clinicians")
    String addClinician(@RequestParam(defaultValue = "") String displayName,
                        @RequestParam(defaultValue = "") String profession,
                        @RequestParam(defaultValue = "") String specialty, Model model) {
        var errors = new FormErrors();
        if (displayName.isBlank()) {
            errors.add("displayName", "Enter the clinician's name as patients see it, for example Mr Samuel Reid");
        }
        if (!profession.equals("SURGEON") && !profession.equals("SPECIALIST")) {
            errors.add("profession", "Choose surgeon or specialist");
        }
        if (specialty.isBlank()) {
            errors.add("specialty", "Enter the specialty, for example Spinal surgery");
        }
        if (!errors.any()) {
            try {
                services.post(Part.BOOKING, Clinician.class, Map.of("displayName", displayName.strip(),
                        "profession", profession, "specialty", specialty.strip()), null, "/api/booking/clinicians");
                directory.forget();
                return "redirect:/admin/clinicians?done=added";
            } catch (ServiceProblem refused) {
                if (!refused.invalid()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, FIELDS);
            }
        }
        return cliniciansPage(model, errors, Map.of("displayName", displayName, "profession", profession,
                "specialty", specialty), null);
    }

    /** Stops or restarts a clinician taking appointments; the name and specialty stay as they are. */
    @PostMapping("/clinicians/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, Model model) {
        var path = "/api/booking/clinicians/{id}";
        var etag = services.etag(Part.BOOKING, path, id);
        var clinician = services.get(Part.BOOKING, Clinician.class, path, id);
        try {
            services.put(Part.BOOKING, Clinician.class, Map.of("displayName", clinician.displayName(),
                    "specialty", clinician.specialty(), "active", active), etag, path, id);
            directory.forget();
            return "redirect:/admin/clinicians?done=changed";
        } catch (ServiceProblem refused) {
            if (!refused.conflict() && !refused.stale()) {
                throw refused;
            }
            var errors = new FormErrors().add("clinician-" + id, refused.stale()
                    ? "Someone else changed this clinician meanwhile. Check the list and try again"
                    : clinician.displayName() + " still has patients booked. Move or cancel their appointments"
                    + " first");
            return cliniciansPage(model, errors, Map.of(), null);
        }
    }

    @GetMapping("/sites")
    String sites(@RequestParam(required = false) String done, Model model) {
        return sitesPage(model, new FormErrors(), Map.of(), "added".equals(done));
    }

    @PostMapping("/sites")
    String addSite(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String address,
                   @RequestParam(defaultValue = "") String rooms, Model model) {
        var errors = new FormErrors();
        if (name.isBlank()) {
            errors.add("name", "Enter the site's name, for example London Bridge");
        }
        if (address.isBlank()) {
            errors.add("address", "Enter the site's address");
        }
        var roomNames = Arrays.stream(rooms.split("\\R")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        if (!errors.any()) {
            try {
                services.post(Part.BOOKING, Map.class, Map.of("name", name.strip(), "address", address.strip(),
                        "rooms", roomNames), null, "/api/booking/sites");
                directory.forget();
                return "redirect:/admin/sites?done=added";
            } catch (ServiceProblem refused) {
                if (!refused.invalid() && !refused.conflict()) {
                    throw refused;
                }
                errors = FormErrors.of(refused, FIELDS).collapse("rooms", "Each room name must be 60 characters or"
                        + " fewer").renamed("general", "name");
            }
        }
        return sitesPage(model, errors, Map.of("name", name, "address", address, "rooms", rooms), false);
    }

    @PostMapping("/sites/{id}/rooms")
    String addRoom(@PathVariable UUID id, @RequestParam(defaultValue = "") String room, Model model) {
        if (room.isBlank()) {
            return sitesPage(model, new FormErrors().add("room-" + id, "Enter the room's name"), Map.of(), false);
        }
        try {
            services.post(Part.BOOKING, Map.class, Map.of("name", room.strip()), null,
                    "/api/booking/sites/{id}/rooms", id);
            directory.forget();
            return "redirect:/admin/sites?done=added";
        } catch (ServiceProblem refused) {
            if (!refused.invalid() && !refused.conflict()) {
                throw refused;
            }
            return sitesPage(model, new FormErrors().add("room-" + id, refused.conflict()
                    ? "This site already has a room of that name" : "Room name must be 60 characters or fewer"),
                    Map.of(), false);
        }
    }

    private String cliniciansPage(Model model, FormErrors errors, Map<String, String> values, String done) {
        // Those no longer taking appointments too: they can be restarted from here.
        model.addAttribute("clinicians", services.get(Part.BOOKING,
                new org.springframework.core.ParameterizedTypeReference<List<Clinician>>() {
                }, "/api/booking/clinicians?includeInactive=true"));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("done", done);
        return "admin/clinicians";
    }

    private String sitesPage(Model model, FormErrors errors, Map<String, String> values, boolean done) {
        List<Directory.Site> sites = directory.sites().stream().map(site -> directory.site(site.id())).toList();
        model.addAttribute("sites", sites);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("done", done);
        return "admin/sites";
    }
}
