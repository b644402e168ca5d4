package org.clinicflow.web.waitlist;

import org.clinicflow.web.appointment.Appointments;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
class WaitingListController {

    private final Appointments appointments;

    WaitingListController(Appointments appointments) {
        this.appointments = appointments;
    }

    @GetMapping("/waiting-list")
    String waitingList(Model model) {
        model.addAttribute("waiting", appointments.waitingList());
        return "waitlist/waiting-list";
    }
}
