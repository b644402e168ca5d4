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
 * A real Kafka node in KRaft mode (combined broker and controller), run in this JVM with Apache Kafka's own server
 * classes: alone, or as one member of a {@link KafkaCluster}. It can be stopped and started again on the same port and
 * log directory, which is how tests prove that nothing is lost while a broker is down.
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
     * A single-node cluster: what the integration tests use, since a replicated one costs start-up time they do not
     * need.
     *
     * @param port   0 picks a free port
     * @param logDir formatted on first use; an already formatted directory is reused, so the local run keeps its topics
     */
    public static KafkaBroker start(int port, Path logDir) {
        int brokerPort = port > 0 ? port : FreePorts.pick();
        int controllerPort = FreePorts.pick();
        var broker = node(1, brokerPort, controllerPort, "1@localhost:" + controllerPort, 1, logDir,
                Uuid.randomUuid().toString());
        broker.startServer();
        return broker;
    }

    /**
     * One member of a cluster, formatted but not started.
     *
     * @param voters      every controller of the cluster, as {@code id@host:port,...}
     * @param replication how many copies each partition keeps; writes wait for all in sync, and need at least two
     *                    copies whenever there are three
     */
    static KafkaBroker node(int nodeId, int brokerPort, int controllerPort, String voters, int replication,
                            Path logDir, String clusterId) {
        var replicas = Integer.toString(replication);
        var minInSync = Integer.toString(replication >= 3 ? 2 : 1);
        var properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(nodeId));
        properties.put("controller.quorum.voters", voters);
        properties.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDir.toAbsolutePath().toString());
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "true");
        // Topics the services create by first use, and Kafka's own topics (consumer offsets, transactions), keep the
        // same number of copies; with three, an acknowledged write (acks=all) is on at least two nodes, so losing one
        // loses nothing and writes go on.
        properties.put("default.replication.factor", replicas);
        properties.put("min.insync.replicas", minInSync);
        properties.put("offsets.topic.replication.factor", replicas);
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", replicas);
        properties.put("transaction.state.log.min.isr", minInSync);
        properties.put("share.coordinator.state.topic.replication.factor", replicas);
        properties.put("share.coordinator.state.topic.min.isr", minInSync);
        // A replica is dropped from the in-sync set soon after its node goes, so writes do not wait long for it.
        properties.put("replica.lag.time.max.ms", "5000");
        if (replication > 1) {
            // A stopped node goes as if it crashed, without first asking the controllers to move its partitions'
            // leadership: that is the failure the cluster is there for, and it lets the last nodes of a cluster that
            // is closing stop at all (a controlled shutdown waits for a quorum that has already gone).
            properties.put("controlled.shutdown.enable", "false");
        }
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("log.flush.interval.messages", "1");
        var config = KafkaConfig.fromProps(properties, false);
        format(logDir, nodeId, clusterId);
        return new KafkaBroker(config, brokerPort);
    }

    private static void format(Path logDir, int nodeId, String clusterId) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
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

    /** Blocks until the node has joined its cluster; in a cluster, call it for several nodes at once. */
    synchronized void startServer() {
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
