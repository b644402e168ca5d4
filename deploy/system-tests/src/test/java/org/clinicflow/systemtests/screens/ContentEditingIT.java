package org.clinicflow.systemtests.screens;

import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicflow.systemtests.screens.ContentScreens.onAPhone;
import static org.clinicflow.systemtests.screens.ContentScreens.overview;

/**
 * Treatment content from an editor's draft to the public page, signed off by a surgeon in a second browser: a change
 * returned with a comment, made again, approved and published; then a draft discarded and the history.
 */
class ContentEditingIT extends ScreenTest {

    /** A demo placeholder treatment: no other test reads its words, and its key facts are still to be written. */
    private static final String SLUG = "facet-joint-injection";
    private static final String TITLE = "Facet joint injection";

    @Test
    void anEditorsChangeIsSignedOffByASurgeonAndReachesThePublicPage() {
        try (var ed = Browser.signedIn(system.gatewayUrl(), DemoUsers.CONTENT_EDITOR, "/content");
             var sue = Browser.signedIn(system.gatewayUrl(), DemoUsers.OTHER_SURGEON, "/content")) {
            var start = overview(ed, "content-1-overview");
            onAPhone(ed, "content-1-overview");
            assertThat(start.treatmentRow(SLUG)).contains("Version 1").contains("None");

            var draft = start.startNewVersion(SLUG, TITLE, "content-2-edit");
            assertThat(draft.markdown("risks")).contains("Not written yet");
            draft.keyFacts("About 20 minutes", "Local anaesthetic", true, "Under 1 in 100")
                    .section("risks", "[Demo text] The injection site may be **sore** for a day or two.\n\n"
                            + "- Infection is rare.");
            var preview = draft.preview("content-3-preview");
            onAPhone(ed, "content-3-preview");
            assertThat(preview.previewOf("risks").getText()).contains("may be sore for a day or two");
            assertThat(preview.previewOf("risks").findElement(org.openqa.selenium.By.tagName("strong")).getText())
                    .as("the Markdown is rendered").isEqualTo("sore");

            var submitted = preview.submit("content-4-submitted");
            assertThat(submitted.banner()).contains("submitted");
            assertThat(submitted.status()).contains("Waiting for sign-off");

            // The surgeon, in her own browser, finds it waiting and reads what changed.
            var waiting = overview(sue, "content-5-waiting");
            assertThat(waiting.waiting()).anySatisfy(line -> assertThat(line).contains(TITLE, "version 2"));
            var review = waiting.review(TITLE, "content-6-review");
            onAPhone(sue, "content-6-review");
            assertThat(review.changed()).contains("Key facts", "Risks").doesNotContain("Title", "Procedure");
            assertThat(review.added()).anySatisfy(line -> assertThat(line)
                    .startsWith("Added").contains("The injection site may be **sore** for a day or two."));
            assertThat(review.removed()).anySatisfy(line -> assertThat(line)
                    .startsWith("Removed").contains("Not written yet"));

            var noComment = review.returnWith("", "content-7-comment-needed");
            assertThat(noComment.commentError()).contains("Enter a comment");
            onAPhone(sue, "content-7-comment-needed");
            var returned = noComment.returned("Say how long the soreness lasts at most, and when to call us.",
                    "content-8-returned");
            assertThat(returned.banner()).contains("returned");
            assertThat(returned.status()).contains("Returned");

            // The editor sees the comment, changes the words and submits again.
            var mine = overview(ed, "content-9-mine");
            assertThat(mine.mine()).anySatisfy(line -> assertThat(line).contains(TITLE, "Returned"));
            var again = mine.open(TITLE, "content-10-returned-version");
            assertThat(again.reviewComment()).contains("Say how long the soreness lasts");
            var edit = again.edit("content-11-edit-again");
            assertThat(edit.reviewComment()).contains("Say how long the soreness lasts");
            edit.section("risks", "[Demo text] The injection site may be **sore** for up to three days; call us if "
                    + "it lasts longer.\n\n- Infection is rare.");
            assertThat(edit.submit("content-12-resubmitted").status()).contains("Waiting for sign-off");

            // Approved by the surgeon, published by the editor.
            var second = overview(sue, "content-13-waiting-again").review(TITLE, "content-14-review-again");
            assertThat(second.added()).anySatisfy(line -> assertThat(line).contains("for up to three days"));
            var approved = second.approve("content-15-approved");
            assertThat(approved.status()).contains("Approved");

            ed.open("/content/" + SLUG + "/versions/2");
            var published = new ContentScreens.VersionPage(ed, TITLE, "content-16-approved-for-editor")
                    .publish("content-17-published");
            assertThat(published.banner()).contains("published");
            assertThat(published.status()).contains("Published");
            onAPhone(ed, "content-17-published");
            assertThat(published.signOff()).contains("Reviewed", "A colleague").contains("Published", "You");
            assertThat(published.activity()).anySatisfy(step -> assertThat(step)
                    .contains("A colleague returned it", "Say how long the soreness lasts"));

            try (var reader = new Browser(system.gatewayUrl())) {
                reader.open("/treatments/" + SLUG);
                reader.arrive("content-18-public-page", TITLE);
                onAPhone(reader, "content-18-public-page");
                assertThat(reader.all("#kc-form-login")).as("no sign-in asked").isEmpty();
                assertThat(reader.text("#risks")).contains("sore for up to three days");
                assertThat(reader.text("#key-facts")).contains("About 20 minutes", "Local anaesthetic");
                assertThat(reader.text("#version")).startsWith("Version 2");
            }

            var history = published.history("content-19-history");
            onAPhone(ed, "content-19-history");
            assertThat(history.rows()).hasSize(2);
            assertThat(history.rows().get(0)).startsWith("2").contains("Published", "A colleague", "You");
            assertThat(history.rows().get(1)).startsWith("1").contains("Superseded");
        }
    }

    @Test
    void aDiscardedDraftLeavesTheWorkflowAndStaysInTheHistory() {
        var slug = "lumbar-decompression";
        var title = "Lumbar decompression";
        try (var ed = Browser.signedIn(system.gatewayUrl(), DemoUsers.CONTENT_EDITOR, "/content")) {
            var saved = overview(ed, "content-20-overview").startNewVersion(slug, title, "content-21-new-draft")
                    .section("outcomes", "[Demo text] A draft nobody will publish.").save("content-22-saved");
            assertThat(saved.banner()).contains("saved");
            var draft = ed.path().replaceFirst("\\?.*", "");
            assertThat(overview(ed, "content-23-with-draft").treatmentRow(slug)).contains("Draft");

            ed.open(draft);
            var page = new ContentScreens.VersionPage(ed, title, "content-24-draft").discard("content-25-discard");
            var refused = page.discardWithout("content-26-reason-needed");
            onAPhone(ed, "content-26-reason-needed");
            assertThat(refused.reasonError()).contains("Enter why");
            var after = refused.discard("Started by mistake.", "content-27-discarded");
            assertThat(after.banner()).contains("discarded");
            assertThat(after.treatmentRow(slug)).contains("None").doesNotContain("Draft");
            assertThat(after.mine()).noneSatisfy(line -> assertThat(line).contains(title));

            ed.open("/content/" + slug + "/history");
            var history = new ContentScreens.History(ed, title, "content-28-history-discarded");
            assertThat(history.rows()).hasSize(2);
            assertThat(history.rows().get(0)).startsWith("2").contains("Discarded");
            assertThat(history.rows().get(1)).startsWith("1").contains("Published");
        }
    }

    @Test
    void aSurgeonCannotSignOffWordsTheyWroteThemselves() {
        var slug = "lumbar-microdiscectomy";
        var title = "Lumbar microdiscectomy";
        try (var sam = Browser.signedIn(system.gatewayUrl(), DemoUsers.SURGEON, "/content")) {
            var submitted = overview(sam, "content-30-surgeon-overview")
                    .startNewVersion(slug, title, "content-31-surgeon-draft")
                    .keyFacts("About an hour", "General anaesthetic", false, "About 1 in 50")
                    .section("procedure", "[Demo text] Written by the surgeon who will then try to approve it.")
                    .submit("content-32-surgeon-submitted");
            assertThat(submitted.status()).contains("Waiting for sign-off");
            assertThat(overview(sam, "content-33-not-waiting-for-author").waiting())
                    .noneSatisfy(line -> assertThat(line).contains(title));

            sam.open("/content/" + slug + "/versions/2/review");
            var refused = new ContentScreens.ReviewPage(sam, title, "content-34-own-review").approveRefused(
                    "content-35-own-approval-refused");
            assertThat(refused.problem()).contains("You wrote or edited version 2");
            assertThat(refused.browser().text("body")).doesNotContain("Exception");
        }
    }

    @Test
    void aChangeSavedMeanwhileIsNotOverwrittenButShown() {
        var slug = "vertebroplasty";
        var title = "Vertebroplasty";
        try (var ed = Browser.signedIn(system.gatewayUrl(), DemoUsers.CONTENT_EDITOR, "/content");
             var sue = Browser.signedIn(system.gatewayUrl(), DemoUsers.OTHER_SURGEON, "/content")) {
            var mine = overview(ed, "content-40-overview").startNewVersion(slug, title, "content-41-edit");
            var draft = ed.path().replaceFirst("\\?.*", "");
            sue.open(draft);
            new ContentScreens.EditPage(sue, title, "content-42-colleague-edits")
                    .section("recovery", "[Demo text] Saved first by a colleague.").save("content-43-colleague-saved");

            var stale = mine.section("recovery", "[Demo text] Typed on a page that is out of date.")
                    .preview("content-44-stale");
            assertThat(stale.stale()).contains("Someone else changed this draft");
            assertThat(stale.markdown("recovery")).isEqualTo("[Demo text] Saved first by a colleague.");
        }
    }
}
