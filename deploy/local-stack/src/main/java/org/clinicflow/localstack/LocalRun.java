package org.clinicflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole of clinicflow on this machine: PostgreSQL, Kafka, Keycloak, Redis, a mail server, Zipkin, the three services and
 * the gateway, with demo data. Started by {@code ./run-local.sh}; Ctrl-C stops everything it started.
 * <p>
 * Every run starts clean (fresh databases, topics and realm), so the demo data is always what the README describes.
 */
public final class LocalRun {

    private LocalRun() {
    }

    /**
     * @param args {@code --instances N}: N instances of each service, of the screens and of the gateway (default 1);
     *             {@code --kafka-brokers B}: a KRaft cluster of B brokers (default 1 for one instance, else 3)
     */
    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        var options = Options.read(args);
        var workDir = ProjectLayout.root().resolve(".local-stack");
        clean(workDir);
        say("Starting clinicflow (" + options.instances() + " instance(s) of each part, " + options.kafkaBrokers()
                + " Kafka broker(s)). Logs: " + workDir.resolve("logs"));

        var infrastructure = ClinicInfrastructure.start(ClinicInfrastructure.Ports.LOCAL_RUN, workDir,
                options.kafkaBrokers());
        infrastructure.mailbox().keepCopiesIn(workDir.resolve("mail"), saved -> say("Mail sent: " + saved));
        ClinicSystem system;
        try {
            say("Infrastructure ready; starting the services and the gateway ...");
            system = ClinicSystem.start(infrastructure, ClinicSystem.Ports.LOCAL_RUN, options.instances(),
                    workDir.resolve("logs"), Map.of());
            // Keycloak's demo realm lets sign-ins return to the first gateway only; the others are added here.
            for (var ports : system.instances().subList(1, system.instances().size())) {
                KeycloakAdmin.allowGatewayRedirect(infrastructure.keycloakUrl(), "http://localhost:" + ports.gateway());
            }
        } catch (Exception e) {
            infrastructure.close();
            throw e;
        }

        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping clinicflow ...");
            system.close();
            infrastructure.close();
            say("Stopped; nothing left running.");
            stopped.countDown();
        }, "clinicflow-stop"));

        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        say("""

                clinicflow is up (started in %d s).

                  Screens:   %s/         (open in a browser and sign in as a demo user below)
                  Gateway:   %s          (API under /api/booking, /api/content, /api/followup)
                  Gateways:  %s
                  Kafka:     %s
                  Keycloak:  %s         (admin console: admin / admin)
                  Redis:     localhost:%d     (the gateway's sessions and rate limits)
                  Zipkin:    %s         (traces; a request's X-Correlation-Id is its trace id)
                  Mail:      SMTP localhost:%d, IMAP localhost:%d (any login); every message the
                             system sends is also saved in %s

                  Demo logins (password for all: demo)
                    rita.reception   receptionist
                    sam.surgeon      surgeon        (also sue.surgeon)
                    pat.patient      patient        (also paula.patient)
                    ed.editor        content-editor
                    ada.admin        clinic-admin

                  Memory (proportional set size): %s

                Ctrl-C stops everything.
                """.formatted(seconds, system.gatewayUrl(), system.gatewayUrl(), gateways(system),
                        infrastructure.kafkaBootstrapServers(), infrastructure.keycloakUrl(),
                        infrastructure.redisPort(), infrastructure.zipkinUrl(), infrastructure.mailbox().smtpPort(),
                        infrastructure.mailbox().imapPort(),
                        workDir.resolve("mail"), memory(system)));
        stopped.await();
    }

    /** What the command line asked for. */
    record Options(int instances, int kafkaBrokers) {

        static Options read(String[] args) {
            int instances = 1;
            Integer brokers = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--instances" -> instances = number(args, ++i, "--instances");
                    case "--kafka-brokers" -> brokers = number(args, ++i, "--kafka-brokers");
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; use --instances N and --kafka-brokers B");
                }
            }
            return new Options(instances, brokers != null ? brokers : instances > 1 ? 3 : 1);
        }

        private static int number(String[] args, int index, String option) {
            try {
                int value = Integer.parseInt(args[index]);
                if (value < 1 || value > 9) {
                    throw new IllegalArgumentException(option + " takes a number from 1 to 9");
                }
                return value;
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a number from 1 to 9");
            }
        }
    }

    private static String gateways(ClinicSystem system) {
        var text = new StringBuilder();
        for (var ports : system.instances()) {
            text.append(text.isEmpty() ? "" : ", ").append("http://localhost:").append(ports.gateway());
        }
        return text + (system.instances().size() > 1 ? "  (a load balancer would spread browsers over them)" : "");
    }

    /** Resident memory of each part, so that people can see what the system costs on their machine. */
    private static String memory(ClinicSystem system) {
        var text = new StringBuilder();
        for (var process : system.processes()) {
            text.append(process.name()).append(' ').append(process.memoryKiB() / 1024).append(" MiB, ");
        }
        long keycloak = 0;
        long postgres = 0;
        for (var process : (Iterable<ProcessHandle>) ProcessHandle.allProcesses()::iterator) {
            var command = process.info().commandLine().orElse("");
            if (command.contains("-Dkc.home.dir=")) {
                keycloak += ServiceProcess.memoryKiB(process.pid());
            } else if (command.contains("postgres") && command.contains(".local-stack")
                    || process.parent().map(p -> p.info().commandLine().orElse("").contains(".local-stack/postgres"))
                    .orElse(false)) {
                postgres += ServiceProcess.memoryKiB(process.pid());
            }
        }
        text.append("Keycloak ").append(keycloak / 1024).append(" MiB, PostgreSQL (all its processes) ")
                .append(postgres / 1024).append(" MiB, this launcher with Kafka ")
                .append(ServiceProcess.memoryKiB(ProcessHandle.current().pid()) / 1024).append(" MiB");
        return text.toString();
    }

    private static void clean(Path workDir) {
        if (!Files.exists(workDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
