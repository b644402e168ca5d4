package org.clinicflow.content.treatment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sections every treatment page has, in reading order. The key is what the API and the event use; the enum name is
 * what the database stores.
 */
public enum Section {
    PURPOSE("purpose", "What it is for and who it suits"),
    PROCEDURE("procedure", "The procedure"),
    OUTCOMES("outcomes", "How well it works"),
    RISKS("risks", "Risks"),
    RECOVERY("recovery", "Recovery"),
    FURTHER_READING("furtherReading", "Further reading"),
    REFERENCES("references", "References");

    private final String key;
    private final String heading;

    Section(String key, String heading) {
        this.key = key;
        this.heading = heading;
    }

    public String key() {
        return key;
    }

    public String heading() {
        return heading;
    }

    public static Optional<Section> byKey(String key) {
        return Arrays.stream(values()).filter(section -> section.key.equals(key)).findFirst();
    }
}
