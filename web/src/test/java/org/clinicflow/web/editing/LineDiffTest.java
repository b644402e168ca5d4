package org.clinicflow.web.editing;

import org.clinicflow.web.editing.LineDiff.Change;
import org.clinicflow.web.editing.LineDiff.Line;
import org.clinicflow.web.editing.TreatmentVersions.KeyFacts;
import org.clinicflow.web.editing.TreatmentVersions.Section;
import org.clinicflow.web.editing.TreatmentVersions.Version;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

    @Test
    void identicalTextsHaveNoChange() {
        var lines = LineDiff.between("One.\n\nTwo.", "One.\n\nTwo.");

        assertThat(lines).extracting(Line::change).containsOnly(Change.SAME);
        assertThat(LineDiff.changed(lines)).isFalse();
    }

    @Test
    void aChangedLineIsRemovedThenAddedBetweenTheLinesAround() {
        var lines = LineDiff.between("Walk the next day.\nNo heavy lifting.\nAn ice pack helps.",
                "Walk the next day.\nNo heavy lifting for six weeks.\nAn ice pack helps.");

        assertThat(lines).containsExactly(
                new Line(Change.SAME, "Walk the next day."),
                new Line(Change.REMOVED, "No heavy lifting."),
                new Line(Change.ADDED, "No heavy lifting for six weeks."),
                new Line(Change.SAME, "An ice pack helps."));
        assertThat(LineDiff.changed(lines)).isTrue();
    }

    @Test
    void insertionsAndDeletionsKeepTheSharedLinesInOrder() {
        var lines = LineDiff.between("a\nb\nc\nd", "a\nc\nd\ne");

        assertThat(lines).containsExactly(new Line(Change.SAME, "a"), new Line(Change.REMOVED, "b"),
                new Line(Change.SAME, "c"), new Line(Change.SAME, "d"), new Line(Change.ADDED, "e"));
    }

    @Test
    void aTextWithNothingBeforeIsAllAddedAndOneLeftOutIsAllRemoved() {
        assertThat(LineDiff.between(null, "New.\nText.")).extracting(Line::change)
                .containsExactly(Change.ADDED, Change.ADDED);
        assertThat(LineDiff.between("Old.", "  ")).containsExactly(new Line(Change.REMOVED, "Old."));
        assertThat(LineDiff.between(null, null)).isEmpty();
    }

    @Test
    void lineEndsFromAnotherSystemAndOuterWhitespaceAreNoChange() {
        assertThat(LineDiff.changed(LineDiff.between("One.\nTwo.", "One.\r\nTwo.\r\n\n"))).isFalse();
    }

    @Test
    void blankLinesBetweenParagraphsAreLinesToo() {
        var lines = LineDiff.between("One.\nTwo.", "One.\n\nTwo.");

        assertThat(lines).containsExactly(new Line(Change.SAME, "One."), new Line(Change.ADDED, ""),
                new Line(Change.SAME, "Two."));
    }

    @Test
    void aReviewComparesEveryPartOfThePageAndMarksOnlyWhatChanged() {
        var facts = new KeyFacts("About 15 minutes", "Local anaesthetic with sedation", true, "Under 1 in 100");
        var published = version(1, facts, "Cement can leak.");
        var proposed = version(2, new KeyFacts("About 20 minutes", facts.anaesthesia(), true,
                facts.complicationRate()), "Cement can leak.\n\nInfection is rare.");

        var changes = ReviewController.changes(published, proposed);

        assertThat(changes).extracting(ReviewController.FieldChange::name).startsWith("Title", "Summary",
                "Key facts").contains("Risks", "References").hasSize(3 + TreatmentVersions.SECTIONS.size());
        assertThat(changes).filteredOn(ReviewController.FieldChange::changed)
                .extracting(ReviewController.FieldChange::name).containsExactly("Key facts", "Risks");
        var keyFacts = changes.get(2).lines();
        assertThat(keyFacts).contains(new Line(Change.REMOVED, "How long it takes: About 15 minutes"),
                new Line(Change.ADDED, "How long it takes: About 20 minutes"),
                new Line(Change.SAME, "Anaesthesia: Local anaesthetic with sedation"));
    }

    @Test
    void aTreatmentNeverPublishedIsAllNew() {
        var changes = ReviewController.changes(null, version(1, null, "Cement can leak."));

        assertThat(changes.getFirst().lines()).containsExactly(new Line(Change.ADDED, "Kyphoplasty"));
        assertThat(changes).filteredOn(c -> c.name().equals("Risks")).singleElement()
                .satisfies(c -> assertThat(c.lines()).containsExactly(new Line(Change.ADDED, "Cement can leak.")));
        assertThat(changes).filteredOn(c -> c.name().equals("Key facts")).singleElement()
                .satisfies(c -> assertThat(c.changed()).isFalse());
    }

    private static Version version(int number, KeyFacts facts, String risks) {
        return new Version("balloon-kyphoplasty", number, number == 1 ? "PUBLISHED" : "IN_REVIEW", false,
                "Kyphoplasty", "A short procedure.", facts,
                List.of(new Section("risks", "Risks", risks, "<p>" + risks + "</p>")), null, List.of());
    }
}
