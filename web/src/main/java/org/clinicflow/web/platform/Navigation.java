package org.clinicflow.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.ArrayList;
import java.util.List;

/** The navigation of every page: only what the signed-in role may do, with the current section marked. */
@ControllerAdvice
class Navigation {

    record Item(String label, String href, boolean current) {
    }

    @ModelAttribute("signedIn")
    SignedIn signedIn() {
        return SignedIn.current().orElse(null);
    }

    @ModelAttribute("navigation")
    List<Item> navigation(HttpServletRequest request) {
        var user = SignedIn.current();
        var items = new ArrayList<Item>();
        if (user.isEmpty()) {
            return items;
        }
        var path = request.getRequestURI();
        if (user.get().desk()) {
            items.add(item("New enquiry", "/desk", path));
            items.add(item("To do", "/todo", path));
            items.add(item("Diary", "/diary", path));
            items.add(item("Waiting list", "/waiting-list", path));
        }
        if (user.get().surgeon() || user.get().desk()) {
            items.add(item(user.get().surgeon() ? "My lists" : "Clinicians' lists", "/lists", path));
        }
        if (user.get().editor() || user.get().surgeon() || user.get().admin()) {
            items.add(item("Treatment content", "/content", path));
        }
        if (user.get().admin()) {
            items.add(item("Administration", "/admin", path));
        }
        if (user.get().patient()) {
            items.add(item("My appointments", "/my", path, "/my/appointments"));
            items.add(item("My follow-up", "/my/follow-up", path));
            items.add(item("My messages", "/my/messages", path));
            items.add(item("Contact preferences", "/my/contact", path));
        }
        return items;
    }

    private static Item item(String label, String href, String path) {
        return new Item(label, href, path.equals(href) || path.startsWith(href + "/"));
    }

    /** An item whose section is not everything under its own path ("/my" holds the patient's other items too). */
    private static Item item(String label, String href, String path, String section) {
        return new Item(label, href, path.equals(href) || path.startsWith(section + "/"));
    }
}
