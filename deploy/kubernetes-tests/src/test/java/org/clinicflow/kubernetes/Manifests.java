package org.clinicflow.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every YAML file under {@code deploy/kubernetes}: the kustomization files apart, each document of the others as a
 * {@link Manifest}. Base documents and overlay patches alike: a variable an overlay's patch sets is checked as one the
 * base sets.
 */
record Manifests(Path directory, List<Manifest> all, Map<Path, Map<String, Object>> kustomizations) {

    static final String KUSTOMIZATION = "kustomization.yaml";

    static Manifests load(Path directory) {
        var manifests = new ArrayList<Manifest>();
        var kustomizations = new LinkedHashMap<Path, Map<String, Object>>();
        for (var file : yamlFiles(directory)) {
            var documents = Yaml.documents(file);
            if (file.getFileName().toString().equals(KUSTOMIZATION)) {
                kustomizations.put(file.getParent(), documents.isEmpty() ? Map.of() : documents.getFirst());
            } else {
                documents.forEach(document -> manifests.add(new Manifest(file, document)));
            }
        }
        return new Manifests(directory, List.copyOf(manifests), kustomizations);
    }

    private static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Stream<Manifest> ofKind(String kind) {
        return all.stream().filter(manifest -> manifest.is(kind));
    }

    Stream<Manifest> named(String kind, String name) {
        return ofKind(kind).filter(manifest -> manifest.name().equals(name));
    }

    Path overlay(String name) {
        return directory.resolve("overlays").resolve(name);
    }

    /**
     * The files a kustomization brings in, through its resources (directories followed to their own kustomization)
     * and its patches. Entries that do not exist are left out here and reported by {@link ManifestChecks}.
     */
    Set<Path> included(Path kustomizationDirectory) {
        var files = new LinkedHashSet<Path>();
        var kustomization = kustomizations.get(kustomizationDirectory);
        if (kustomization == null) {
            return files;
        }
        for (var entry : entries(kustomization)) {
            var target = kustomizationDirectory.resolve(entry).normalize();
            if (Files.isDirectory(target)) {
                files.addAll(included(target));
            } else if (Files.isRegularFile(target)) {
                files.add(target);
            }
        }
        return files;
    }

    /** What a kustomization names: its resources and the paths of its patches. */
    static List<String> entries(Map<String, Object> kustomization) {
        var entries = new ArrayList<String>();
        if (kustomization.get("resources") instanceof List<?> resources) {
            resources.forEach(resource -> entries.add(resource.toString()));
        }
        for (var patch : Yaml.maps(kustomization.get("patches"))) {
            if (patch.get("path") != null) {
                entries.add(patch.get("path").toString());
            }
        }
        return entries;
    }
}
