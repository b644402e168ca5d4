package org.clinicflow.systemtests;

import org.clinicflow.localstack.ClinicInfrastructure;
import org.clinicflow.localstack.ClinicSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole system with its default settings, started once for all test classes of this JVM that need nothing
 * special (starting it takes a minute or two of the two cores CI has); it stops with the JVM.
 */
public final class RunningSystem {

    private static ClinicSystem system;

    private RunningSystem() {
    }

    public static synchronized ClinicSystem shared() {
        if (system == null) {
            try {
                system = ClinicSystem.start(ClinicInfrastructure.shared(), ClinicSystem.Ports.anyFree(),
                        Files.createDirectories(Path.of("target", "service-logs", "shared")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return system;
    }
}
