package org.clinicflow.content.signoff;

import org.clinicflow.content.ContentServiceIT;
import org.clinicflow.content.TreatmentDrafts;
import org.clinicflow.contracts.EventContracts;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SignOffIT extends ContentServiceIT {

    @Test
    void aDraftIsWrittenReviewedByAnotherSurgeonPublishedAndEveryStepIsRecorded() {
        var slug = newSlug();
        var created = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.complete()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(versionPath(slug, 1));
        assertThat(body(created).get("status").asString()).isEqualTo("DRAFT");
        // Nothing is public before publication.
        assertThat(get("/api/content/treatments/" + slug, null).status()).isEqualTo(404);

        var submitted = step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, created.header("ETag"), null);
        assertThat(body(submitted).get("status").asString()).isEqualTo("IN_REVIEW");
        // Frozen while in review.
        assertThat(call("PUT", versionPath(slug, 1), DemoUsers.CONTENT_EDITOR, TreatmentDrafts.complete(),
                "If-Match", submitted.header("ETag")).status()).isEqualTo(409);

        var returned = step(slug, 1, "return", DemoUsers.SURGEON, submitted.header("ETag"),
                "{\"comment\":\"Say how long the patient should avoid lifting.\"}");
        assertThat(body(returned).get("status").asString()).isEqualTo("RETURNED");
        assertThat(body(returned).at("/signOff/reviewComment").asString()).contains("avoid lifting");

        var edited = call("PUT", versionPath(slug, 1), DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.with("recovery", "No heavy lifting for six weeks."), "If-Match", returned.header("ETag"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(body(edited).get("status").asString()).isEqualTo("DRAFT");
        assertThat(body(edited).get("contentHash").asString())
                .isNotEqualTo(body(created).get("contentHash").asString());

        var resubmitted = step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, edited.header("ETag"), null);
        var approved = step(slug, 1, "approval", DemoUsers.OTHER_SURGEON, resubmitted.header("ETag"), null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(body(approved).get("status").asString()).isEqualTo("APPROVED");
        // Approval is for these exact words: they can no longer be edited.
        assertThat(call("PUT", versionPath(slug, 1), DemoUsers.CONTENT_EDITOR, TreatmentDrafts.complete(),
                "If-Match", approved.header("ETag")).status()).isEqualTo(409);

        var published = step(slug, 1, "publication", DemoUsers.CONTENT_EDITOR, approved.header("ETag"), null);
        assertThat(published.status()).isEqualTo(200);
        var record = body(published).get("signOff");
        assertThat(record.get("writtenBy").asString()).isEqualTo(subjectOf(DemoUsers.CONTENT_EDITOR));
        assertThat(record.get("reviewedBy").asString()).isEqualTo(subjectOf(DemoUsers.OTHER_SURGEON));
        assertThat(record.get("publishedBy").asString()).isEqualTo(subjectOf(DemoUsers.CONTENT_EDITOR));
        assertThat(record.get("publishedAt").isNull()).isFalse();
        assertThat(LocalDate.parse(record.get("reviewDue").asString()))
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/London")).plusYears(1));
        assertThat(body(published).get("activity").valueStream().map(a -> a.get("action").asString()).toList())
                .containsExactly("WROTE", "SUBMITTED", "RETURNED", "EDITED", "SUBMITTED", "APPROVED", "PUBLISHED");

        var read = get("/api/content/treatments/" + slug, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(body(read).get("version").asInt()).isEqualTo(1);
        assertThat(body(read).get("demo").asBoolean()).isFalse();
        assertThat(body(read).get("contentHash").asString()).isEqualTo(body(edited).get("contentHash").asString());
        assertThat(read.body()).contains("No heavy lifting for six weeks.");
    }

    @Test
    void aSurgeonMayNotApproveOrReturnWordsTheyWroteOrEdited() {
        var slug = newSlug();
        var created = call("POST", "/api/content/treatments", DemoUsers.SURGEON,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.complete()));
        var submitted = step(slug, 1, "submission", DemoUsers.SURGEON, created.header("ETag"), null);

        var ownApproval = step(slug, 1, "approval", DemoUsers.SURGEON, submitted.header("ETag"), null);
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.contentType()).startsWith("application/problem+json");
        assertThat(body(ownApproval).get("detail").asString()).contains("another surgeon");
        assertThat(step(slug, 1, "return", DemoUsers.SURGEON, submitted.header("ETag"), "{\"comment\":\"fine\"}")
                .status()).isEqualTo(403);
        assertThat(count("select count(*) from treatment_version where treatment_slug = ? and status = 'IN_REVIEW'",
                slug)).isEqualTo(1);

        // A surgeon who only edited someone else's draft is an author too.
        var returned = step(slug, 1, "return", DemoUsers.OTHER_SURGEON, submitted.header("ETag"),
                "{\"comment\":\"Please expand the risks.\"}");
        var edited = call("PUT", versionPath(slug, 1), DemoUsers.OTHER_SURGEON,
                TreatmentDrafts.with("risks", "Fewer than 1 in 100; rarely, paralysis."), "If-Match",
                returned.header("ETag"));
        var resubmitted = step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, edited.header("ETag"), null);
        assertThat(step(slug, 1, "approval", DemoUsers.OTHER_SURGEON, resubmitted.header("ETag"), null).status())
                .isEqualTo(403);
        assertThat(step(slug, 1, "approval", DemoUsers.SURGEON, resubmitted.header("ETag"), null).status())
                .isEqualTo(403);
    }

    @Test
    void onlySurgeonsReviewAndOnlyEditorsOrAdminsPublish() {
        var slug = newSlug();
        var created = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.complete()));
        var submitted = step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, created.header("ETag"), null);

        assertThat(step(slug, 1, "approval", DemoUsers.CLINIC_ADMIN, submitted.header("ETag"), null).status())
                .isEqualTo(403);
        assertThat(step(slug, 1, "approval", DemoUsers.RECEPTIONIST, submitted.header("ETag"), null).status())
                .isEqualTo(403);
        assertThat(step(slug, 1, "approval", null, submitted.header("ETag"), null).status()).isEqualTo(401);
        assertThat(get(versionPath(slug, 1), DemoUsers.PATIENT).status()).isEqualTo(403);
        assertThat(get(versionPath(slug, 1), null).status()).isEqualTo(401);

        var approved = step(slug, 1, "approval", DemoUsers.SURGEON, submitted.header("ETag"), null);
        assertThat(step(slug, 1, "publication", DemoUsers.SURGEON, approved.header("ETag"), null).status())
                .isEqualTo(403);
        assertThat(step(slug, 1, "publication", DemoUsers.CLINIC_ADMIN, approved.header("ETag"), null).status())
                .isEqualTo(200);
    }

    @Test
    void aStaleEditIsRefusedWith412AndAnEditWithoutIfMatchWith428() {
        var slug = newSlug();
        var created = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.complete()));
        var seenByBoth = created.header("ETag");

        var first = call("PUT", versionPath(slug, 1), DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.with("risks", "First editor's risks."), "If-Match", seenByBoth);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(seenByBoth);

        var second = call("PUT", versionPath(slug, 1), DemoUsers.SURGEON,
                TreatmentDrafts.with("risks", "Second editor's risks."), "If-Match", seenByBoth);
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.contentType()).startsWith("application/problem+json");

        var blind = call("PUT", versionPath(slug, 1), DemoUsers.SURGEON,
                TreatmentDrafts.with("risks", "Blind overwrite."));
        assertThat(blind.status()).isEqualTo(428);
        assertThat(blind.contentType()).startsWith("application/problem+json");
        assertThat(step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, "*", null).status()).isEqualTo(428);

        var now = get(versionPath(slug, 1), DemoUsers.CONTENT_EDITOR);
        assertThat(now.body()).contains("First editor's risks.").doesNotContain("Second editor", "Blind overwrite");
        assertThat(now.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void ofManyEditsRacingFromTheSameVersionExactlyOneWins() throws Exception {
        var slug = newSlug();
        var etag = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.complete())).header("ETag");
        int racers = 8;
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < racers; i++) {
            var risks = "Racer " + i + " wrote this.";
            tasks.add(() -> call("PUT", versionPath(slug, 1), DemoUsers.CONTENT_EDITOR,
                    TreatmentDrafts.with("risks", risks), "If-Match", etag).status());
        }
        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(racers)) {
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                statuses.add(result.get());
            }
        }
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(racers - 1);
        assertThat(count("""
                select count(*) from treatment_version_activity a join treatment_version v on v.id = a.version_id
                where v.treatment_slug = ? and a.action = 'EDITED'""", slug)).isEqualTo(1);
    }

    @Test
    void publishingEmitsExactlyOneEventThatHonoursTheContract() {
        var slug = newSlug();
        var published = publishNewTreatment(slug, TreatmentDrafts.complete());

        var records = recordsFor(slug, Duration.ofSeconds(8));
        assertThat(records).hasSize(1);
        var record = records.getFirst();
        assertThat(EventContracts.violations(record.value())).isEmpty();
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        var event = json.readTree(record.value());
        assertThat(event.get("type").asString()).isEqualTo("clinic.content.treatment-published.v1");
        assertThat(event.get("subject").asString()).isEqualTo(slug);
        assertThat(event.at("/data/version").asInt()).isEqualTo(1);
        assertThat(event.at("/data/contentHash").asString()).isEqualTo(published.get("contentHash").asString());
        assertThat(event.at("/data/sections/recovery/markdown").asString()).contains("no heavy lifting");
        // Drafting, submitting and approving emit nothing; only publication does.
        assertThat(count("select count(*) from outbox_event where record_key = ?", slug)).isEqualTo(1);
    }

    @Test
    void aNewPublicationSupersedesTheOldOneWhichStaysReadableByNumber() {
        var slug = newSlug();
        var first = publishNewTreatment(slug, TreatmentDrafts.with("recovery", "Version one recovery."));

        var draft = call("POST", "/api/content/treatments/" + slug + "/versions", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.with("recovery", "Version two recovery."));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.header("Location")).endsWith(versionPath(slug, 2));
        // One version in the workflow at a time.
        var another = call("POST", "/api/content/treatments/" + slug + "/versions", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.complete());
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.body()).contains("\"rule\":\"ONE_OPEN_VERSION\"");
        var submitted = step(slug, 2, "submission", DemoUsers.CONTENT_EDITOR, draft.header("ETag"), null);
        var approved = step(slug, 2, "approval", DemoUsers.OTHER_SURGEON, submitted.header("ETag"), null);
        var second = step(slug, 2, "publication", DemoUsers.CLINIC_ADMIN, approved.header("ETag"),
                "{\"reviewDue\":\"" + LocalDate.now().plusMonths(6) + "\"}");
        assertThat(second.status()).isEqualTo(200);

        var current = get("/api/content/treatments/" + slug, null);
        assertThat(body(current).get("version").asInt()).isEqualTo(2);
        assertThat(current.body()).contains("Version two recovery.").doesNotContain("Version one recovery.");

        var old = get(versionPath(slug, 1), DemoUsers.SURGEON);
        assertThat(old.status()).isEqualTo(200);
        assertThat(body(old).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(body(old).get("contentHash").asString()).isEqualTo(first.get("contentHash").asString());
        assertThat(old.body()).contains("Version one recovery.");
        assertThat(body(old).at("/signOff/supersededAt").isNull()).isFalse();

        var history = body(get("/api/content/treatments/" + slug + "/versions", DemoUsers.CLINIC_ADMIN));
        assertThat(history.valueStream().map(v -> v.get("number").asInt()).toList()).containsExactly(2, 1);
        assertThat(history.get(0).at("/signOff/publishedBy").asString()).isEqualTo(subjectOf(DemoUsers.CLINIC_ADMIN));
        assertThat(count("select count(*) from treatment_version where treatment_slug = ? and status = 'PUBLISHED'",
                slug)).isEqualTo(1);
        assertThat(recordsFor(slug, Duration.ofSeconds(8))).hasSize(2);
    }

    @Test
    void contentPastItsReviewDateIsListedForTheEditors() {
        var slug = newSlug();
        publishNewTreatment(slug, TreatmentDrafts.complete());
        assertThat(get("/api/content/review-due", DemoUsers.CONTENT_EDITOR).body()).doesNotContain(slug);

        // Time passes: the only way to get a past date, since publishing refuses one.
        jdbc.sql("update treatment_version set review_due = current_date - 1 where treatment_slug = ?")
                .param(slug).update();
        var due = get("/api/content/review-due", DemoUsers.CONTENT_EDITOR);
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.body()).contains(slug, "vertebroplasty");
        assertThat(get("/api/content/review-due", DemoUsers.PATIENT).status()).isEqualTo(403);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() {
        long versionsBefore = count("select count(*) from treatment_version");
        long eventsBefore = count("select count(*) from outbox_event");
        var slug = newSlug();

        var noTitle = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.complete().replace("\"Test treatment\"", "\"  \"")));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(body(noTitle).at("/errors/0/field").asString()).isEqualTo("title");

        var badSlug = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug("Not A Slug!", TreatmentDrafts.complete()));
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(body(badSlug).at("/errors/0/field").asString()).isEqualTo("slug");

        var tooLong = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.with("risks", "x".repeat(20_001))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(body(tooLong).at("/errors/0/field").asString()).isEqualTo("sections.risks");

        var wrongType = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.complete().replace("true", "\"perhaps\"")));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(body(wrongType).at("/errors/0/field").asString()).isEqualTo("keyFacts.sameDayDischarge");

        var malformed = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR, "{\"slug\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        var notANumber = get("/api/content/treatments/" + slug + "/versions/first", DemoUsers.CONTENT_EDITOR);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(body(notANumber).at("/errors/0/field").asString()).isEqualTo("number");

        assertThat(get(versionPath("no-such-treatment", 1), DemoUsers.CONTENT_EDITOR).status()).isEqualTo(404);
        assertThat(call("POST", "/api/content/treatments/no-such-treatment/versions", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.complete()).status()).isEqualTo(404);

        assertThat(count("select count(*) from treatment_version")).isEqualTo(versionsBefore);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(eventsBefore);
    }

    @Test
    void anIncompleteDraftCannotGoToReviewAndAPastReviewDateCannotBePublished() {
        var slug = newSlug();
        var created = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.with("risks", null)));
        assertThat(created.status()).isEqualTo(201);

        var incomplete = step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, created.header("ETag"), null);
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(body(incomplete).at("/errors/0/field").asString()).isEqualTo("sections.risks");

        var edited = call("PUT", versionPath(slug, 1), DemoUsers.CONTENT_EDITOR, TreatmentDrafts.complete(),
                "If-Match", created.header("ETag"));
        var submitted = step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, edited.header("ETag"), null);
        var approved = step(slug, 1, "approval", DemoUsers.SURGEON, submitted.header("ETag"), null);
        var past = step(slug, 1, "publication", DemoUsers.CONTENT_EDITOR, approved.header("ETag"),
                "{\"reviewDue\":\"" + LocalDate.now().minusDays(1) + "\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(body(past).at("/errors/0/field").asString()).isEqualTo("reviewDue");
        assertThat(body(get(versionPath(slug, 1), DemoUsers.CONTENT_EDITOR)).get("status").asString())
                .isEqualTo("APPROVED");
        assertThat(count("select count(*) from outbox_event where record_key = ?", slug)).isZero();
    }

    @Test
    void anAbandonedDraftIsDiscardedWithAReasonStaysReadableAndMakesRoomForANewDraft() {
        var slug = newSlug();
        var created = call("POST", "/api/content/treatments", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.withSlug(slug, TreatmentDrafts.complete()));
        // While version 1 is open, no second draft can start.
        assertThat(call("POST", "/api/content/treatments/" + slug + "/versions", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.complete()).status()).isEqualTo(409);

        var noReason = step(slug, 1, "discard", DemoUsers.CONTENT_EDITOR, created.header("ETag"), "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(body(noReason).at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(call("POST", versionPath(slug, 1) + "/discard", DemoUsers.CONTENT_EDITOR,
                "{\"reason\":\"Started twice\"}").status()).isEqualTo(428);

        var discarded = step(slug, 1, "discard", DemoUsers.CONTENT_EDITOR, created.header("ETag"),
                "{\"reason\":\"Started twice\"}");
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(body(discarded).get("status").asString()).isEqualTo("DISCARDED");
        var kept = get(versionPath(slug, 1), DemoUsers.CONTENT_EDITOR);
        assertThat(body(kept).get("activity").valueStream().map(a -> a.get("action").asString()).toList())
                .containsExactly("WROTE", "DISCARDED");
        assertThat(kept.body()).contains("Started twice");
        // A discarded version goes nowhere: not to review, and not back to editing.
        assertThat(step(slug, 1, "submission", DemoUsers.CONTENT_EDITOR, discarded.header("ETag"), null).status())
                .isEqualTo(409);

        var next = call("POST", "/api/content/treatments/" + slug + "/versions", DemoUsers.CONTENT_EDITOR,
                TreatmentDrafts.complete());
        assertThat(next.status()).isEqualTo(201);
        assertThat(body(next).get("number").asInt()).isEqualTo(2);
        assertThat(get("/api/content/treatments/" + slug, null).status()).isEqualTo(404);
    }
}
