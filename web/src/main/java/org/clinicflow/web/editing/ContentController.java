package org.clinicflow.web.editing;

import org.clinicflow.web.editing.TreatmentVersions.Published;
import org.clinicflow.web.editing.TreatmentVersions.Summary;
import org.clinicflow.web.platform.FormErrors;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.clinicflow.web.platform.SignedIn;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The treatments with the version patients read and the one being worked on; a version's own page with the step it
 * is waiting for; starting the next version; publishing; discarding; the history. content-service decides who may do
 * each step: the buttons only follow the roles, and a refusal is explained on the page it came from.
 */
@Controller
@RequestMapping("/content")
@PreAuthorize("hasAnyRole('content-editor', 'surgeon', 'clinic-admin')")
class ContentController {

    /** Slugs as content-service names them; anything else is no treatment of ours and is not asked for. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+){0,10}");

    /** What the page says after a step went through; anything else in {@code done} is ignored. */
    static final Map<String, String> DONE = Map.of(
            "started", "A new draft was started from the published version.",
            "saved", "Your changes were saved.",
            "submitted", "The version was submitted for a surgeon's sign-off.",
            "approved", "You approved this version. A content editor can now publish it.",
            "returned", "You returned this version to its authors with your comment.",
            "published", "The version is published: patients and the public pages read it now.",
            "discarded", "The draft was discarded.");

    private final TreatmentVersions versions;
    private final Services services;

    ContentController(TreatmentVersions versions, Services services) {
        this.versions = versions;
        this.services = services;
    }

    /** A treatment with its published version (null if never published) and the version in the workflow, if any. */
    record Row(String slug, String title, Published published, Summary open) {
    }

    @GetMapping
    String overview(@RequestParam(required = false) String done, Model model) {
        return overview(done, null, model);
    }

    private String overview(String done, String refused, Model model) {
        var published = services.soon(versions::published);
        var open = services.soon(versions::inWorkflow);
        var due = services.soon(versions::reviewDue);
        var user = SignedIn.required();
        var openBySlug = open.get().stream().collect(Collectors.toMap(Summary::slug, Function.identity()));
        var rows = published.get().stream()
                .map(p -> new Row(p.slug(), p.title(), p, openBySlug.get(p.slug()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("mine", open.get().stream().filter(ContentController::mine).toList());
        model.addAttribute("waiting", user.surgeon() ? open.get().stream()
                .filter(v -> v.status().equals("IN_REVIEW") && !mine(v)).toList() : List.of());
        model.addAttribute("toPublish", user.editor() || user.admin()
                ? open.get().stream().filter(v -> v.status().equals("APPROVED")).toList() : List.of());
        model.addAttribute("reviewDue", due.get());
        model.addAttribute("done", done == null ? null : DONE.get(done));
        model.addAttribute("refused", refused);
        return "editing/overview";
    }

    /** Written, edited or submitted by the signed-in user: words a surgeon may not sign off themselves. */
    static boolean mine(Summary version) {
        var record = version.signOff();
        return record != null && (People.isMe(record.writtenBy()) || People.isMe(record.lastEditedBy())
                || People.isMe(record.submittedBy()));
    }

    @PostMapping("/{slug}/versions")
    String start(@PathVariable String slug, Model model) {
        treatment(slug);
        var published = versions.history(slug).stream().filter(v -> v.status().equals("PUBLISHED")).findFirst();
        if (published.isEmpty()) {
            return overview(null, "This treatment has no published version to start from.", model);
        }
        try {
            var draft = versions.start(slug, versions.version(slug, published.get().number()).version());
            return "redirect:/content/" + slug + "/versions/" + draft.version().number() + "/edit?done=started";
        } catch (ServiceProblem refused) {
            if (refused.conflict()) {
                // Someone started one since this page was read: the overview shows it now.
                return overview(null, "Another version of this treatment is already being worked on: carry on with"
                        + " that one, or discard it first.", model);
            }
            throw refused;
        }
    }

    @GetMapping("/{slug}/versions/{number}")
    String version(@PathVariable String slug, @PathVariable int number, @RequestParam(required = false) String done,
                   Model model) {
        treatment(slug);
        model.addAttribute("done", done == null ? null : DONE.get(done));
        return versionPage(versions.version(slug, number), null, model);
    }

    private String versionPage(TreatmentVersions.Tagged tagged, String refused, Model model) {
        model.addAttribute("v", tagged.version());
        model.addAttribute("etag", tagged.etag());
        model.addAttribute("refused", refused);
        model.addAttribute("sectionNames", TreatmentVersions.SECTIONS);
        return "editing/version";
    }

    @PostMapping("/{slug}/versions/{number}/submission")
    String submit(@PathVariable String slug, @PathVariable int number, @RequestParam String etag, Model model) {
        return step(slug, number, etag, "submission", "submitted", model);
    }

    @PostMapping("/{slug}/versions/{number}/publication")
    String publish(@PathVariable String slug, @PathVariable int number, @RequestParam String etag, Model model) {
        return step(slug, number, etag, "publication", "published", model);
    }

    private String step(String slug, int number, String etag, String step, String done, Model model) {
        treatment(slug);
        try {
            versions.step(slug, number, etag, step, null);
            return "redirect:/content/" + slug + "/versions/" + number + "?done=" + done;
        } catch (ServiceProblem refused) {
            return versionPage(versions.version(slug, number), explain(refused), model);
        }
    }

    @GetMapping("/{slug}/versions/{number}/discard")
    String discardForm(@PathVariable String slug, @PathVariable int number, Model model) {
        treatment(slug);
        return discardPage(versions.version(slug, number), "", new FormErrors(), model);
    }

    @PostMapping("/{slug}/versions/{number}/discard")
    String discard(@PathVariable String slug, @PathVariable int number, @RequestParam String etag,
                   @RequestParam(defaultValue = "") String reason, Model model) {
        treatment(slug);
        var errors = new FormErrors();
        if (reason.isBlank()) {
            errors.add("reason", "Enter why this draft is being discarded");
        } else {
            try {
                versions.step(slug, number, etag, "discard", Map.of("reason", reason.strip()));
                return "redirect:/content?done=discarded";
            } catch (ServiceProblem refused) {
                if (!refused.invalid()) {
                    model.addAttribute("refused", explain(refused));
                }
                errors = refused.invalid() ? FormErrors.of(refused, TreatmentVersions.LABELS) : errors;
            }
        }
        return discardPage(versions.version(slug, number), reason, errors, model);
    }

    private String discardPage(TreatmentVersions.Tagged tagged, String reason, FormErrors errors, Model model) {
        model.addAttribute("v", tagged.version());
        model.addAttribute("etag", tagged.etag());
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "editing/discard";
    }

    @GetMapping("/{slug}/history")
    String history(@PathVariable String slug, Model model) {
        treatment(slug);
        var history = versions.history(slug);
        model.addAttribute("slug", slug);
        model.addAttribute("treatmentTitle", history.getFirst().title());
        model.addAttribute("history", history);
        return "editing/history";
    }

    /** A refusal in words for the page it came from; field problems are for forms and are told as one sentence. */
    static String explain(ServiceProblem refused) {
        if (refused.stale()) {
            return "Someone else changed this version while you had it open. This is how it stands now: look at it"
                    + " again and repeat your step if it is still needed.";
        }
        if (refused.status() == 403) {
            return refused.detail().isBlank() ? "You may not take this step on this version." : refused.detail();
        }
        if (!refused.fieldErrors().isEmpty()) {
            return refused.fieldErrors().entrySet().stream()
                    .map(e -> TreatmentVersions.label(e.getKey()) + " " + e.getValue())
                    .collect(Collectors.joining("; "));
        }
        return refused.detail().isBlank() ? "content-service refused this step (" + refused.status() + ")."
                : refused.detail();
    }

    /** @throws ServiceProblem 404 for a slug content-service could not have given */
    static void treatment(String slug) {
        if (slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            throw new ServiceProblem(404, "No such treatment", Map.of());
        }
    }
}
