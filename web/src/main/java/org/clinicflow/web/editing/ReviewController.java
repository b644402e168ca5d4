package org.clinicflow.web.editing;

import org.clinicflow.web.editing.LineDiff.Line;
import org.clinicflow.web.editing.TreatmentVersions.KeyFacts;
import org.clinicflow.web.editing.TreatmentVersions.Tagged;
import org.clinicflow.web.editing.TreatmentVersions.Version;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.ServiceProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A surgeon's sign-off: what the version in review changes against the published one, field by field and line by
 * line, then approve it or return it with a comment. Whether this surgeon may sign it off (not their own words) is
 * content-service's rule; its refusal is shown on this page.
 */
@Controller
@RequestMapping("/content/{slug}/versions/{number}")
@PreAuthorize("hasRole('surgeon')")
class ReviewController {

    private final TreatmentVersions versions;

    ReviewController(TreatmentVersions versions) {
        this.versions = versions;
    }

    /** One part of the page compared; {@code lines} empty when both versions leave it out. */
    record FieldChange(String name, List<Line> lines, boolean changed) {

        static FieldChange of(String name, String before, String after) {
            var lines = LineDiff.between(before, after);
            return new FieldChange(name, lines, LineDiff.changed(lines));
        }
    }

    @GetMapping("/review")
    String review(@PathVariable String slug, @PathVariable int number, Model model) {
        ContentController.treatment(slug);
        return page(slug, versions.version(slug, number), "", new FormErrors(), null, model);
    }

    @PostMapping("/approval")
    String approve(@PathVariable String slug, @PathVariable int number, @RequestParam String etag, Model model) {
        ContentController.treatment(slug);
        try {
            versions.step(slug, number, etag, "approval", null);
            return "redirect:/content/" + slug + "/versions/" + number + "?done=approved";
        } catch (ServiceProblem refused) {
            return page(slug, versions.version(slug, number), "", new FormErrors(), ContentController.explain(refused),
                    model);
        }
    }

    @PostMapping("/return")
    String giveBack(@PathVariable String slug, @PathVariable int number, @RequestParam String etag,
                    @RequestParam(defaultValue = "") String comment, Model model) {
        ContentController.treatment(slug);
        var errors = new FormErrors();
        String refusal = null;
        if (comment.isBlank()) {
            errors.add("comment", "Enter a comment saying what needs to change before you can sign it off");
        } else {
            try {
                versions.step(slug, number, etag, "return", Map.of("comment", comment.strip()));
                return "redirect:/content/" + slug + "/versions/" + number + "?done=returned";
            } catch (ServiceProblem refused) {
                if (refused.invalid() && !refused.fieldErrors().isEmpty()) {
                    errors = FormErrors.of(refused, TreatmentVersions.LABELS);
                } else {
                    refusal = ContentController.explain(refused);
                }
            }
        }
        return page(slug, versions.version(slug, number), comment, errors, refusal, model);
    }

    /** @param refused a refusal of the whole step, said above the page; null when there is none */
    private String page(String slug, Tagged proposed, String comment, FormErrors errors, String refused,
                        Model model) {
        var published = versions.history(slug).stream().filter(v -> v.status().equals("PUBLISHED")).findFirst()
                .map(v -> versions.version(slug, v.number()).version());
        model.addAttribute("v", proposed.version());
        model.addAttribute("etag", proposed.etag());
        model.addAttribute("published", published.orElse(null));
        model.addAttribute("changes", changes(published.orElse(null), proposed.version()));
        model.addAttribute("comment", comment);
        model.addAttribute("errors", errors);
        model.addAttribute("refused", refused);
        return "editing/review";
    }

    /** Every part of the page in reading order, compared; {@code published} null for a treatment never published. */
    static List<FieldChange> changes(Version published, Version proposed) {
        var changes = new ArrayList<FieldChange>();
        changes.add(FieldChange.of("Title", published == null ? null : published.title(), proposed.title()));
        changes.add(FieldChange.of("Summary", published == null ? null : published.summary(), proposed.summary()));
        changes.add(FieldChange.of("Key facts", published == null ? null : facts(published.keyFacts()),
                facts(proposed.keyFacts())));
        TreatmentVersions.SECTIONS.forEach((key, heading) -> changes.add(FieldChange.of(heading,
                published == null ? null : published.markdown(key), proposed.markdown(key))));
        return changes;
    }

    /** The key facts as lines, so that a changed fact reads as one changed line. */
    private static String facts(KeyFacts facts) {
        if (facts == null) {
            return null;
        }
        var lines = new ArrayList<String>();
        lines.add("How long it takes: " + given(facts.typicalDuration()));
        lines.add("Anaesthesia: " + given(facts.anaesthesia()));
        lines.add("Home the same day: " + (facts.sameDayDischarge() == null ? "not given"
                : facts.sameDayDischarge() ? "usually" : "usually not"));
        lines.add("Complications: " + given(facts.complicationRate()));
        return String.join("\n", lines);
    }

    private static String given(String fact) {
        return fact == null ? "not given" : fact;
    }
}
