package org.clinicflow.web.editing;

import org.clinicflow.web.editing.TreatmentVersions.KeyFacts;
import org.clinicflow.web.editing.TreatmentVersions.Tagged;
import org.clinicflow.web.editing.TreatmentVersions.Version;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.ServiceProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writing a draft: the title, summary, key facts and each section's Markdown in one form. Every button saves first,
 * so nothing typed is lost. Preview shows the HTML content-service made from the saved Markdown through its own
 * allow-list sanitiser: the very HTML a patient would read, rather than a second renderer's guess at it.
 */
@Controller
@RequestMapping("/content/{slug}/versions/{number}/edit")
@PreAuthorize("hasAnyRole('content-editor', 'surgeon', 'clinic-admin')")
class DraftController {

    private final TreatmentVersions versions;

    DraftController(TreatmentVersions versions) {
        this.versions = versions;
    }

    /**
     * What the form holds, as typed: the key fact "home the same day" is {@code yes}, {@code no} or empty.
     *
     * @param sections Markdown by section key, in reading order; empty where nothing is written
     */
    record Draft(String title, String summary, String typicalDuration, String anaesthesia, String sameDayDischarge,
                 String complicationRate, Map<String, String> sections) {

        static Draft of(Version version) {
            var facts = version.facts();
            var sections = new LinkedHashMap<String, String>();
            TreatmentVersions.SECTIONS.keySet().forEach(key -> sections.put(key, orEmpty(version.markdown(key))));
            return new Draft(orEmpty(version.title()), orEmpty(version.summary()), orEmpty(facts.typicalDuration()),
                    orEmpty(facts.anaesthesia()), facts.sameDayDischarge() == null ? ""
                    : facts.sameDayDischarge() ? "yes" : "no", orEmpty(facts.complicationRate()), sections);
        }

        static Draft of(Map<String, String> form) {
            var sections = new LinkedHashMap<String, String>();
            TreatmentVersions.SECTIONS.keySet().forEach(key -> sections.put(key,
                    form.getOrDefault("sections." + key, "")));
            var discharge = form.getOrDefault("keyFacts.sameDayDischarge", "");
            return new Draft(form.getOrDefault("title", ""), form.getOrDefault("summary", ""),
                    form.getOrDefault("keyFacts.typicalDuration", ""), form.getOrDefault("keyFacts.anaesthesia", ""),
                    discharge.equals("yes") || discharge.equals("no") ? discharge : "",
                    form.getOrDefault("keyFacts.complicationRate", ""), sections);
        }

        /** The body content-service's edit takes; blank fields are sent as absent, which a draft may have. */
        Map<String, Object> content() {
            var facts = new KeyFacts(blankToNull(typicalDuration), blankToNull(anaesthesia),
                    sameDayDischarge.isEmpty() ? null : sameDayDischarge.equals("yes"), blankToNull(complicationRate));
            var markdown = new LinkedHashMap<String, String>();
            sections.forEach((key, text) -> {
                if (!text.isBlank()) {
                    markdown.put(key, text);
                }
            });
            return TreatmentVersions.content(title, summary, facts, markdown);
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    @GetMapping
    String edit(@PathVariable String slug, @PathVariable int number, @RequestParam(required = false) String done,
                Model model) {
        ContentController.treatment(slug);
        var tagged = versions.version(slug, number);
        model.addAttribute("done", done == null ? null : ContentController.DONE.get(done));
        return page(tagged, Draft.of(tagged.version()), new FormErrors(), false, false, model);
    }

    /** {@code action} is the button pressed: {@code preview}, {@code save} or {@code submit}. */
    @PostMapping
    String save(@PathVariable String slug, @PathVariable int number, @RequestParam String etag,
                @RequestParam(defaultValue = "save") String action, @RequestParam MultiValueMap<String, String> form,
                Model model) {
        ContentController.treatment(slug);
        var draft = Draft.of(form.toSingleValueMap());
        Tagged saved;
        try {
            saved = versions.edit(slug, number, etag, draft.content());
        } catch (ServiceProblem refused) {
            return refusal(slug, number, etag, draft, refused, model);
        }
        switch (action) {
            case "preview" -> {
                return page(saved, draft, new FormErrors(), true, false, model);
            }
            case "submit" -> {
                try {
                    versions.step(slug, number, saved.etag(), "submission", null);
                    return "redirect:/content/" + slug + "/versions/" + number + "?done=submitted";
                } catch (ServiceProblem refused) {
                    return refusal(slug, number, saved.etag(), draft, refused, model);
                }
            }
            default -> {
                return "redirect:/content/" + slug + "/versions/" + number + "?done=saved";
            }
        }
    }

    /**
     * A stale edit shows the version as it is now, so the editor can make their change again on top of it; a field
     * refused keeps what was typed with the message beside the field; anything else (a version no longer editable)
     * is said above the form.
     */
    private String refusal(String slug, int number, String etag, Draft draft, ServiceProblem refused, Model model) {
        if (refused.stale()) {
            var now = versions.version(slug, number);
            return page(now, Draft.of(now.version()), new FormErrors(), false, true, model);
        }
        var current = versions.version(slug, number);
        var fields = refused.invalid() && !refused.fieldErrors().isEmpty();
        model.addAttribute("refused", fields ? null : ContentController.explain(refused));
        // The ETag the typed words were based on is kept unless the save went through, so a later save is still
        // checked against what this editor last saw.
        return page(new Tagged(current.version(), etag), draft,
                fields ? FormErrors.of(refused, TreatmentVersions.LABELS) : new FormErrors(), false, false, model);
    }

    private String page(Tagged tagged, Draft draft, FormErrors errors, boolean preview, boolean stale, Model model) {
        model.addAttribute("v", tagged.version());
        model.addAttribute("etag", tagged.etag());
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute("stale", stale);
        model.addAttribute("sectionNames", TreatmentVersions.SECTIONS);
        return "editing/edit";
    }
}
