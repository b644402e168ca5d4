package org.clinicflow.localstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), run in this JVM with Apache Kafka's own
 * server classes. It can be stopped and started again on the same port and log directory, which is how tests prove that
 * nothing is lost while the broker is down.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final KafkaConfig config;
    private final int port;
    private KafkaRaftServer server;

    private KafkaBroker(KafkaConfig config, int port) {
        this.config = config;
        this.port = port;
    }

    /**
     * @param port   0 picks a free port
     * @param logDir formatted on first use; an already formatted directory is reused, so the local run keeps its topics
     */
    public static KafkaBroker start(int port, Path logDir) {
        int brokerPort = port > 0 ? port : FreePorts.pick();
        int controllerPort = FreePorts.pick();
        var properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDir.toAbsolutePath().toString());
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "true");
        // One node: internal topics cannot be replicated, and consumers should not wait for more members.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("log.flush.interval.messages", "1");
        var config = KafkaConfig.fromProps(properties, false);
        format(logDir);
        var broker = new KafkaBroker(config, brokerPort);
        broker.startServer();
        return broker;
    }

    private static void format(Path logDir) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka's log directory " + logDir, e);
        }
    }

    private synchronized void startServer() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        var raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        log.info("Kafka broker ready on {} in {} ms", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker but keeps its data, as if its process had been killed and its disk survived. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    /** Starts the broker again on the same port, with the data it had. */
    public void restart() {
        startServer();
    }

    @Override
    public void close() {
        stop();
    }
}
