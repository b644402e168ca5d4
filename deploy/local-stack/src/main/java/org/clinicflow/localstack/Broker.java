package org.clinicflow.localstack;

/** The Kafka broker as tests see it: an address, and the power to take it away and bring it back with its data. */
public interface Broker {

    String bootstrapServers();

    /** Makes the broker unreachable, keeping every record it holds. */
    void stop();

    /** Brings it back on the same address. */
    void restart();
}
