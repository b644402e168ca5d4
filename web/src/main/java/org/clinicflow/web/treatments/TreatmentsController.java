package org.clinicflow.web.treatments;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Public pages of treatment information. content-service publishes a version only after a surgeon who did not write
 * it has signed it off, and turns its Markdown into HTML through an allow-list sanitiser; the page shows that HTML as
 * given and says which version it is.
 */
@Controller
class TreatmentsController {

    /** Slugs as content-service names them; anything else is no treatment of ours and is not asked for. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Services services;
    private final PublishedTreatments published;

    TreatmentsController(Services services, PublishedTreatments published) {
        this.services = services;
        this.published = published;
    }

    record Summary(String slug, String title, String summary, int version, boolean demo) {
    }

    record Section(String key, String heading, String html) {
    }

    record KeyFacts(String typicalDuration, String anaesthesia, Boolean sameDayDischarge, String complicationRate) {
    }

    record Treatment(String slug, String title, String summary, int version, boolean demo, OffsetDateTime publishedAt,
                     KeyFacts keyFacts, List<Section> sections) {
    }

    @GetMapping("/treatments")
    String treatments(Model model) {
        model.addAttribute("treatments", services.get(Part.CONTENT, new ParameterizedTypeReference<List<Summary>>() {
        }, "/api/content/treatments"));
        return "treatments/treatments";
    }

    @GetMapping("/treatments/{slug}")
    String treatment(@PathVariable String slug, Model model) {
        if (slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            throw new ServiceProblem(404, "No such treatment", java.util.Map.of());
        }
        model.addAttribute("treatment", published.read(slug));
        return "treatments/treatment";
    }
}
