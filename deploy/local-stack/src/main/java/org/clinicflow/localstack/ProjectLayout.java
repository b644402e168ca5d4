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
        return Path.of(PROPERTIES.getProperty("project.root")).toAbsolutePath().normalize();
    }

    /** The runnable jar of a service module, e.g. {@code booking-service/target/booking-service-0.1.0-SNAPSHOT.jar}. */
    static Path serviceJar(String module) {
        return root().resolve(module).resolve("target")
                .resolve(module + "-" + PROPERTIES.getProperty("project.version") + ".jar");
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
