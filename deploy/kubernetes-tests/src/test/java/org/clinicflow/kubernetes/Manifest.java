package org.clinicflow.kubernetes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One YAML document of a manifest file, as plain maps and lists (SnakeYAML's reading), with the file it came from.
 * Never null inside: a document without apiVersion, kind or a name is reported by {@link ManifestChecks}, and its
 * accessors answer "".
 */
record Manifest(Path file, Map<String, Object> document) {

    Manifest {
        Objects.requireNonNull(file);
        Objects.requireNonNull(document);
    }

    String apiVersion() {
        return document.get("apiVersion") instanceof String value ? value : "";
    }

    String kind() {
        return document.get("kind") instanceof String value ? value : "";
    }

    String name() {
        return Yaml.string(document, "metadata", "name");
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    /** The containers of a Deployment (or of a patch of one); empty for anything else. */
    List<Map<String, Object>> containers() {
        return Yaml.maps(Yaml.at(document, "spec", "template", "spec", "containers"));
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + file + ")";
    }
}
