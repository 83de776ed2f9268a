package dev.pinch.broker;

/** Stops and restarts the broker of a running {@link KafkaBrokerTestResource} (a platform MBean). */
public interface TestBrokerControlMBean {

    /** Shuts the broker down; its data and port are kept for {@link #restart()}. */
    void stop();

    /** Starts the broker again on the same port and data. */
    void restart();
}
