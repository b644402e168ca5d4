package org.clinicflow.content.treatment;

import jakarta.validation.constraints.Size;

import java.util.EnumMap;
import java.util.Map;

/**
 * Section bodies in Markdown, as an editor sends them; a section not yet written is null. One field per section keeps
 * the API self-describing and lets a problem name the section ({@code sections.risks}).
 */
public record SectionTexts(@Size(max = SectionTexts.MAX) String purpose,
                           @Size(max = SectionTexts.MAX) String procedure,
                           @Size(max = SectionTexts.MAX) String outcomes,
                           @Size(max = SectionTexts.MAX) String risks,
                           @Size(max = SectionTexts.MAX) String recovery,
                           @Size(max = SectionTexts.MAX) String furtherReading,
                           @Size(max = SectionTexts.MAX) String references) {

    static final int MAX = 20_000;

    public Map<Section, String> toMap() {
        var map = new EnumMap<Section, String>(Section.class);
        put(map, Section.PURPOSE, purpose);
        put(map, Section.PROCEDURE, procedure);
        put(map, Section.OUTCOMES, outcomes);
        put(map, Section.RISKS, risks);
        put(map, Section.RECOVERY, recovery);
        put(map, Section.FURTHER_READING, furtherReading);
        put(map, Section.REFERENCES, references);
        return map;
    }

    private static void put(Map<Section, String> map, Section section, String markdown) {
        if (markdown != null) {
            map.put(section, markdown);
        }
    }
}
