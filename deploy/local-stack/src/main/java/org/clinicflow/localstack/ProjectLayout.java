package org.clinicflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build put things: written into {@code clinicflow-local-stack.properties} by Maven resource filtering. */
final class ProjectLayout {

    private static final Properties PROPERTIES = load();

    private ProjectLayout() {
    }

    static Path root() {
        return path("project.root");
    }

    /** The runnable jar of a service module, e.g. {@code booking-service/target/booking-service-0.1.0-SNAPSHOT.jar}. */
    static Path serviceJar(String module) {
        return root().resolve(module).resolve("target")
                .resolve(module + "-" + value("project.version") + ".jar");
    }

    /** The realm that Keycloak imports: deploy/keycloak/clinic-realm.json. */
    static Path realmFile() {
        return path("keycloak.realm-file");
    }

    /** Where the build unpacked keycloak-quarkus-dist. */
    static Path keycloakHome() {
        return path("keycloak.home");
    }

    /** The Zipkin server's executable jar, copied from Maven Central by the build. */
    static Path zipkinJar() {
        return path("zipkin.jar");
    }

    private static Path path(String key) {
        return Path.of(value(key)).toAbsolutePath().normalize();
    }

    private static String value(String key) {
        var value = PROPERTIES.getProperty(key, "");
        // Run from an IDE without Maven's resource filtering, the placeholders would reach us unresolved.
        if (value.isBlank() || value.contains("@")) {
            throw new IllegalStateException(key + " is not set in clinicflow-local-stack.properties (\"" + value
                    + "\"): build local-stack with Maven so that the resource is filtered");
        }
        return value;
    }

    private static Properties load() {
        var properties = new Properties();
        try (var in = ProjectLayout.class.getResourceAsStream("/clinicflow-local-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("clinicflow-local-stack.properties missing: build local-stack first");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
