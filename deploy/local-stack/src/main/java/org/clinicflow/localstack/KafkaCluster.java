package org.clinicflow.localstack;

import org.apache.kafka.common.Uuid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Three (or more) {@link KafkaBroker} nodes in KRaft mode, each a broker and a controller, in this JVM: what a
 * production cluster looks like in miniature. Partitions keep three copies and a write needs two of them, so one node
 * can go without losing an acknowledged event or stopping the services.
 */
public final class KafkaCluster implements Broker, AutoCloseable {

    private final List<KafkaBroker> nodes;

    private KafkaCluster(List<KafkaBroker> nodes) {
        this.nodes = nodes;
    }

    /**
     * @param firstPort the first node's client port, the others following it; 0 picks free ones
     */
    public static KafkaCluster start(int size, int firstPort, Path workDir) {
        var clusterId = Uuid.randomUuid().toString();
        var brokerPorts = new int[size];
        var controllerPorts = new int[size];
        for (int i = 0; i < size; i++) {
            brokerPorts[i] = firstPort > 0 ? firstPort + i : FreePorts.pick();
            controllerPorts[i] = FreePorts.pick();
        }
        var voters = IntStream.range(0, size).mapToObj(i -> (i + 1) + "@localhost:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        var nodes = new ArrayList<KafkaBroker>();
        for (int i = 0; i < size; i++) {
            nodes.add(KafkaBroker.node(i + 1, brokerPorts[i], controllerPorts[i], voters, size,
                    workDir.resolve("node-" + (i + 1)), clusterId));
        }
        var cluster = new KafkaCluster(List.copyOf(nodes));
        try {
            startTogether(nodes);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    @Override
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    /** One node, numbered from 1 as its node id. */
    public KafkaBroker node(int id) {
        return nodes.get(id - 1);
    }

    /** Stops every node, keeping their data. */
    @Override
    public void stop() {
        nodes.reversed().forEach(KafkaBroker::stop);
    }

    /** Starts every stopped node again, together. */
    @Override
    public void restart() {
        startTogether(nodes);
    }

    /**
     * Each node on a thread of its own: a node's start-up blocks until a quorum of controllers has formed, which one
     * node alone never sees (and the common pool may have a single thread on a small machine).
     */
    private static void startTogether(List<KafkaBroker> nodes) {
        try (var threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("kafka-start-", 1).factory())) {
            var started = nodes.stream().map(node -> threads.submit(node::startServer)).toList();
            for (var future : started) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka started", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A Kafka node did not start", e.getCause());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
