package org.clinicflow.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a service's {@code application.yml} (every document of it, profiles included) says it reads and serves: the
 * environment variables of its {@code ${NAME:default}} placeholders, its property names (for Spring's relaxed binding
 * of variables such as {@code SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES}), its ports and its health probes; and the
 * profiles it knows, from the file's profile documents and its code's {@code @Profile}s.
 */
record ServiceConfiguration(String module, Map<String, Object> properties, Set<String> placeholders,
                            Set<String> profiles) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

    private static final Pattern PROFILE = Pattern.compile("@Profile\\(\"([^\"!]+)\"\\)");

    /** The module's configuration, read from {@code <module>/src/main/resources/application.yml} and its code. */
    static ServiceConfiguration of(Path root, String module) {
        var sources = root.resolve(module).resolve("src/main");
        var configuration = of(module, sources.resolve("resources/application.yml"));
        var profiles = new LinkedHashSet<>(configuration.profiles());
        try (var files = Files.walk(sources.resolve("java"))) {
            for (var file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                var matcher = PROFILE.matcher(Files.readString(file));
                while (matcher.find()) {
                    profiles.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfiguration(module, configuration.properties(), configuration.placeholders(), profiles);
    }

    static ServiceConfiguration of(String module, Path applicationYml) {
        var properties = new LinkedHashMap<String, Object>();
        var profiles = new LinkedHashSet<String>();
        for (var document : Yaml.documents(applicationYml)) {
            flatten("", document, properties);
            var profile = Yaml.at(document, "spring", "config", "activate", "on-profile");
            if (profile != null) {
                profiles.add(profile.toString());
            }
        }
        var placeholders = new LinkedHashSet<String>();
        for (var value : properties.values()) {
            var matcher = PLACEHOLDER.matcher(String.valueOf(value));
            while (matcher.find()) {
                placeholders.add(matcher.group(1));
            }
        }
        return new ServiceConfiguration(module, properties, placeholders, profiles);
    }

    private static void flatten(String prefix, Object node, Map<String, Object> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(prefix, node);
        }
    }

    /**
     * Whether an environment variable names a property of this file by Spring's relaxed binding: lower case,
     * underscores for dots, dashes dropped ({@code SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES} is
     * {@code server.tomcat.remoteip.internal-proxies}).
     */
    boolean bindsProperty(String variable) {
        var wanted = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        // Both spellings bind: dashes dropped (the canonical form) or, as Spring's legacy form, read as underscores.
        return properties.keySet().stream()
                .anyMatch(key -> key.replace("-", "").equals(wanted) || key.replace('-', '.').equals(wanted));
    }

    /** A property whose value is a placeholder, such as {@code server.port: ${BOOKING_PORT:8081}}. */
    Optional<Placeholder> placeholder(String property) {
        var matcher = PLACEHOLDER.matcher(String.valueOf(properties.get(property)));
        return matcher.matches() ? Optional.of(new Placeholder(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** Spring Boot serves /actuator/health/liveness and /readiness only with the probes on and health exposed. */
    boolean servesProbes() {
        var exposed = List.of(String.valueOf(properties.get("management.endpoints.web.exposure.include")).split(","));
        return Boolean.TRUE.equals(properties.get("management.endpoint.health.probes.enabled"))
                && (exposed.contains("health") || exposed.contains("*"));
    }

    /** An environment variable and its default; null default when the placeholder has none. */
    record Placeholder(String variable, String defaultValue) {
    }
}
