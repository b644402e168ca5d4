package org.clinicflow.content.treatment;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TreatmentContentTest {

    private static final KeyFacts FACTS = new KeyFacts("About 15 minutes", "Local", true, "Under 1 in 100");

    @Test
    void theSameWordsGiveTheSameHashWhateverTheLineEndsOrOuterSpaces() {
        var unix = new TreatmentContent("Title", "Summary", FACTS, Map.of(Section.RISKS, "line one\nline two"));
        var windows = new TreatmentContent(" Title ", "Summary\r\n", FACTS,
                Map.of(Section.RISKS, "line one\r\nline two\r\n"));
        assertThat(windows.contentHash("kyphoplasty")).isEqualTo(unix.contentHash("kyphoplasty"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anyChangeGivesAnotherHash() {
        var base = new TreatmentContent("Title", "Summary", FACTS, Map.of(Section.RISKS, "Under 1%"));
        var hash = base.contentHash("kyphoplasty");
        assertThat(new TreatmentContent("Title", "Summary", FACTS, Map.of(Section.RISKS, "Under 2%"))
                .contentHash("kyphoplasty")).isNotEqualTo(hash);
        assertThat(base.contentHash("vertebroplasty")).isNotEqualTo(hash);
        assertThat(new TreatmentContent("Title", "Summary", new KeyFacts("About 15 minutes", "Local", false,
                "Under 1 in 100"), Map.of(Section.RISKS, "Under 1%")).contentHash("kyphoplasty")).isNotEqualTo(hash);
        // The same text under another section is other content.
        assertThat(new TreatmentContent("Title", "Summary", FACTS, Map.of(Section.RECOVERY, "Under 1%"))
                .contentHash("kyphoplasty")).isNotEqualTo(hash);
        // Moving a character across a field boundary is a change too.
        assertThat(new TreatmentContent("TitleS", "ummary", FACTS, Map.of(Section.RISKS, "Under 1%"))
                .contentHash("kyphoplasty")).isNotEqualTo(hash);
    }

    @Test
    void aBlankSectionIsAbsentAndReviewNeedsEverySectionAndFact() {
        var content = new TreatmentContent("Title", "Summary", KeyFacts.NONE, Map.of(Section.PURPOSE, "  "));
        assertThat(content.sections()).isEmpty();
        assertThat(content.firstMissingForReview()).contains("sections.purpose");

        var allSections = new java.util.EnumMap<Section, String>(Section.class);
        for (Section section : Section.values()) {
            allSections.put(section, "text");
        }
        assertThat(new TreatmentContent("T", "S", KeyFacts.NONE, allSections).firstMissingForReview())
                .contains("keyFacts.typicalDuration");
        assertThat(new TreatmentContent("T", "S", FACTS, allSections).firstMissingForReview()).isEmpty();
    }
}
