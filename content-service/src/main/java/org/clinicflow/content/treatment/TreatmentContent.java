package org.clinicflow.content.treatment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a patient reads about a treatment in one version: what a surgeon signs off and what the content hash
 * covers. Text is normalised on the way in (line ends to LF, outer whitespace removed, blank to absent) so that the
 * same words always give the same hash, whichever editor or operating system sent them.
 *
 * @param keyFacts never null; its facts may be
 * @param sections Markdown per section; a section not yet written is absent, never blank
 */
public record TreatmentContent(String title, String summary, KeyFacts keyFacts, Map<Section, String> sections) {

    /** Bumped only if the canonical form below changes; old versions keep the hash they were published with. */
    private static final String HASH_FORMAT = "clinicflow-treatment-content/1";

    public TreatmentContent {
        title = clean(title);
        summary = clean(summary);
        keyFacts = keyFacts == null ? KeyFacts.NONE : keyFacts;
        var cleaned = new EnumMap<Section, String>(Section.class);
        if (sections != null) {
            sections.forEach((section, markdown) -> {
                var text = clean(markdown);
                if (text != null) {
                    cleaned.put(section, text);
                }
            });
        }
        sections = Collections.unmodifiableMap(cleaned);
    }

    /**
     * SHA-256 over a canonical, length-prefixed form of the slug and every field, as 64 lowercase hex digits. Equal
     * content gives an equal hash in any version; any change of a character gives another.
     */
    public String contentHash(String slug) {
        var canonical = new StringBuilder(HASH_FORMAT).append('\n');
        field(canonical, "slug", slug);
        field(canonical, "title", title);
        field(canonical, "summary", summary);
        field(canonical, "keyFacts.typicalDuration", keyFacts.typicalDuration());
        field(canonical, "keyFacts.anaesthesia", keyFacts.anaesthesia());
        field(canonical, "keyFacts.sameDayDischarge",
                keyFacts.sameDayDischarge() == null ? null : keyFacts.sameDayDischarge().toString());
        field(canonical, "keyFacts.complicationRate", keyFacts.complicationRate());
        for (Section section : Section.values()) {
            field(canonical, "sections." + section.key(), sections.get(section));
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The words that search looks in. */
    public String searchText() {
        var text = new StringBuilder(title).append('\n').append(summary);
        sections.values().forEach(markdown -> text.append('\n').append(markdown));
        return text.toString();
    }

    /** The first field, by API name, that must be filled before a surgeon can review this; empty when complete. */
    public Optional<String> firstMissingForReview() {
        for (Section section : Section.values()) {
            if (!sections.containsKey(section)) {
                return Optional.of("sections." + section.key());
            }
        }
        return keyFacts.firstMissing();
    }

    /** Absent ("~") and empty are told apart, and the length prefix keeps one field from running into the next. */
    private static void field(StringBuilder canonical, String name, String value) {
        canonical.append(name).append('=');
        if (value == null) {
            canonical.append('~');
        } else {
            canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        canonical.append('\n');
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        var normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return normalised.isEmpty() ? null : normalised;
    }
}
