package dev.pinch.broker;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an embedded broker's logging at WARNING. Kafka logs through SLF4J; the SLF4J providers this module
 * meets (slf4j-jboss-logmanager under Quarkus and in tests, slf4j-jdk14 in the standalone main) both end in
 * {@code java.util.logging} loggers, so levels set here apply. A level configured explicitly elsewhere (a
 * {@code logging.properties}, {@code quarkus.log.category}) is left alone.
 */
final class BrokerLogging {

    /** Strong references: java.util.logging forgets the level of a logger that is garbage collected. */
    private static final List<Logger> KAFKA_LOGGERS = List.of(
            Logger.getLogger("kafka"),
            Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("state.change.logger"));

    private BrokerLogging() {
    }

    static synchronized void quietUnlessConfigured() {
        for (Logger logger : KAFKA_LOGGERS) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }
}
