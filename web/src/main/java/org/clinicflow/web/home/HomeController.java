package org.clinicflow.web.home;

import org.clinicflow.web.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Everyone starts at {@code /}; a signed-in person goes straight to the work of their role. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return SignedIn.current().map(user -> {
            if (user.desk()) {
                return "redirect:/todo";
            }
            if (user.surgeon()) {
                return "redirect:/lists";
            }
            if (user.editor()) {
                return "redirect:/content";
            }
            if (user.patient()) {
                return "redirect:/my";
            }
            return "home/no-screens";
        }).orElse("home/start");
    }
}
