package dev.pinch.broker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} field of a test that uses {@link KafkaBrokerTestResource}: the resource sets it to
 * the embedded broker's bootstrap servers, e.g. {@code localhost:41234}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface KafkaBootstrapServers {
}
