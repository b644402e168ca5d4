package org.clinicflow.web.desk;

import org.clinicflow.web.platform.PartUnavailable;
import org.clinicflow.web.platform.ServiceProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;
import java.util.UUID;

/**
 * A patient's details at the desk, with their sign-in at the clinic's website: reception sends the invitation again
 * when it went astray, and switches signing in off (and on) when the patient asks or the address was wrong.
 */
@Controller
@RequestMapping("/desk/patients")
@PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
class PatientController {

    private static final Set<String> CHANGES = Set.of("invitation", "disable", "enable");
    private static final Set<String> PROBLEMS = Set.of("disabled", "unavailable", "refused");

    private final Desk desk;

    PatientController(Desk desk) {
        this.desk = desk;
    }

    @GetMapping("/{id}")
    String patient(@PathVariable UUID id, @RequestParam(required = false) String done,
                   @RequestParam(required = false) String problem, Model model) {
        model.addAttribute("patient", desk.patient(id));
        model.addAttribute("account", desk.account(id).orElse(null));
        // Only the words this page itself put in the address are shown back.
        model.addAttribute("done", done != null && CHANGES.contains(done) ? done : null);
        model.addAttribute("problem", problem != null && PROBLEMS.contains(problem) ? problem : null);
        return "desk/patient";
    }

    /**
     * One change of the sign-in, answered by a redirect so that a refresh never sends a second invitation. A refusal
     * or Keycloak being away comes back as a message on the page, never as an error page.
     */
    @PostMapping("/{id}/account/{change}")
    String changeAccount(@PathVariable UUID id, @PathVariable String change) {
        if (!CHANGES.contains(change)) {
            return "redirect:/desk/patients/" + id;
        }
        try {
            desk.changeAccount(id, change);
            return "redirect:/desk/patients/" + id + "?done=" + change;
        } catch (ServiceProblem refused) {
            return "redirect:/desk/patients/" + id + "?problem=" + (refused.conflict() ? "disabled" : "refused");
        } catch (PartUnavailable away) {
            return "redirect:/desk/patients/" + id + "?problem=unavailable";
        }
    }
}
