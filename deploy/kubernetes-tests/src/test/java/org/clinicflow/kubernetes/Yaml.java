package org.clinicflow.kubernetes;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading YAML as maps and lists, and walking into them without a cast at every step. */
final class Yaml {

    private Yaml() {
    }

    /** Every non-empty document of a file, in order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        try (var reader = Files.newBufferedReader(file)) {
            var documents = new ArrayList<Map<String, Object>>();
            for (var document : new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document instanceof Map<?, ?> map) {
                    documents.add((Map<String, Object>) map);
                } else if (document != null) {
                    throw new IllegalArgumentException(file + " holds a document that is not a mapping: " + document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a path of keys, or null when any step is missing or not a mapping. */
    static Object at(Object node, String... keys) {
        var current = node;
        for (var key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String string(Object node, String... keys) {
        var value = at(node, keys);
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        if (!(list instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
