package org.clinicflow.web.offer;

import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.WebProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The page an offer's link opens. It shows the offer as booking-service holds it now, so a patient who comes back to
 * the link after answering (or too late) reads what became of it rather than a button that no longer works.
 */
@Controller
@RequestMapping("/offers/{id}")
class OfferController {

    /** An offer's key as booking-service makes them; anything else is not looked up. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{20,64}");

    private final Offers offers;
    private final WebProperties properties;

    OfferController(Offers offers, WebProperties properties) {
        this.offers = offers;
        this.properties = properties;
    }

    @ModelAttribute("clinicPhone")
    String clinicPhone() {
        return properties.clinicPhone();
    }

    @GetMapping
    String offer(@PathVariable UUID id, @RequestParam(required = false) String key, Model model) {
        model.addAttribute("offer", offers.read(id, checked(key)));
        model.addAttribute("key", key);
        return "offer/offer";
    }

    @PostMapping("/accept")
    String accept(@PathVariable UUID id, @RequestParam(required = false) String key) {
        return answer(id, key, "accept");
    }

    @PostMapping("/decline")
    String decline(@PathVariable UUID id, @RequestParam(required = false) String key) {
        return answer(id, key, "decline");
    }

    /** Taken, gone or lapsed: booking-service has recorded which, and the offer's page says it. */
    private String answer(UUID id, String key, String answer) {
        try {
            offers.answer(id, checked(key), answer);
        } catch (ServiceProblem tooLate) {
            if (!tooLate.conflict() && tooLate.status() != 410) {
                throw tooLate;
            }
        }
        return "redirect:/offers/" + id + "?key=" + key;
    }

    private static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ServiceProblem(404, "No such offer", Map.of());
        }
        return key;
    }
}
