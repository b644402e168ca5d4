package org.clinicflow.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test data: treatment content as the editorial API takes it. Complete by default, so that it can go to review;
 * tests change one thing at a time with {@link #with(String, String)}.
 */
public final class TreatmentDrafts {

    private TreatmentDrafts() {
    }

    /** Section key to Markdown for a complete test treatment. */
    public static Map<String, String> completeSections() {
        var sections = new LinkedHashMap<String, String>();
        sections.put("purpose", "For a painful test fracture that has not healed.");
        sections.put("procedure", "Needles, a balloon, then **bone cement**; about 15 minutes.");
        sections.put("outcomes", "Pain is usually much better straight away.");
        sections.put("risks", "Fewer than 1 in 100 have a complication.");
        sections.put("recovery", "Walk from the next day; no heavy lifting while you recover.");
        sections.put("furtherReading", "Ask the clinic.");
        sections.put("references", "[NICE TA279](https://www.nice.org.uk/guidance/ta279)");
        return sections;
    }

    public static String complete() {
        return content("Test treatment", "A test summary.", completeSections());
    }

    /** Complete content, except that section {@code key} has {@code markdown} (null leaves it out). */
    public static String with(String key, String markdown) {
        var sections = completeSections();
        if (markdown == null) {
            sections.remove(key);
        } else {
            sections.put(key, markdown);
        }
        return content("Test treatment", "A test summary.", sections);
    }

    public static String content(String title, String summary, Map<String, String> sections) {
        var json = new StringBuilder("{\"title\":").append(quote(title)).append(",\"summary\":").append(quote(summary))
                .append(",\"keyFacts\":{\"typicalDuration\":\"About 15 minutes\",\"anaesthesia\":\"Local\",")
                .append("\"sameDayDischarge\":true,\"complicationRate\":\"Under 1 in 100\"},\"sections\":{");
        var first = true;
        for (var entry : sections.entrySet()) {
            json.append(first ? "" : ",").append(quote(entry.getKey())).append(':').append(quote(entry.getValue()));
            first = false;
        }
        return json.append("}}").toString();
    }

    /** The same content as a new-treatment request. */
    public static String withSlug(String slug, String content) {
        return "{\"slug\":" + quote(slug) + "," + content.substring(1);
    }

    private static String quote(String text) {
        return ContentServiceIT.json.writeValueAsString(text);
    }
}
