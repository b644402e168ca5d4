package org.clinicflow.content.signoff;

import org.clinicflow.content.treatment.KeyFacts;
import org.clinicflow.content.treatment.Section;
import org.clinicflow.content.treatment.TreatmentContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A version's way from draft to published, without a database: which step may follow which, and who wrote it. */
class TreatmentVersionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aDraftIsSubmittedApprovedAndPublishedInThatOrderOnly() {
        var version = draft();
        assertThatThrownBy(() -> version.approve("sue", NOW)).isInstanceOf(VersionRefused.class);
        assertThatThrownBy(() -> version.publish("ed", NOW, LocalDate.of(2027, 12, 3)))
                .isInstanceOf(VersionRefused.class);
        version.submit("ed", NOW);
        assertThat(version.status()).isEqualTo(VersionStatus.IN_REVIEW);
        assertThatThrownBy(() -> version.edit(content("Changed"), "ed", NOW)).as("not while in review")
                .isInstanceOf(VersionRefused.class);
        version.approve("sue", NOW);
        version.publish("ed", NOW, LocalDate.of(2027, 12, 3));
        assertThat(version.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThatThrownBy(() -> version.discard("ed", "Too late", NOW)).as("published words are not discarded")
                .isInstanceOf(VersionRefused.class);
        assertThat(version.activity()).extracting(VersionActivity::action).containsExactly(
                VersionActivity.Action.WROTE, VersionActivity.Action.SUBMITTED, VersionActivity.Action.APPROVED,
                VersionActivity.Action.PUBLISHED);
    }

    @Test
    void aReturnedVersionIsEditedIntoADraftAgainAndTheCommentStaysOnRecord() {
        var version = draft();
        version.submit("ed", NOW);
        version.returnToAuthor("sue", "Say how long recovery takes", NOW);
        assertThat(version.status()).isEqualTo(VersionStatus.RETURNED);
        version.edit(content("Recovery takes about a week"), "ed", NOW);
        assertThat(version.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(version.activity()).anySatisfy(step -> assertThat(step.comment())
                .isEqualTo("Say how long recovery takes"));
    }

    @Test
    void whoeverWroteOrEditedTheWordsIsAnAuthorAndTheReviewerIsNot() {
        var version = draft();
        version.edit(content("A colleague's change"), "kim", NOW);
        version.submit("ed", NOW);
        version.returnToAuthor("sue", "Shorter, please", NOW);
        assertThat(version.isAuthor("ed")).isTrue();
        assertThat(version.isAuthor("kim")).isTrue();
        assertThat(version.isAuthor("sue")).as("returning with a comment writes no words").isFalse();
    }

    private static TreatmentVersion draft() {
        return TreatmentVersion.draft("balloon-kyphoplasty", 2, content("Most people go home the same day"), "ed",
                NOW);
    }

    private static TreatmentContent content(String recovery) {
        return new TreatmentContent("Balloon kyphoplasty", "Restoring a collapsed vertebra", KeyFacts.NONE,
                Map.of(Section.RECOVERY, recovery));
    }
}
