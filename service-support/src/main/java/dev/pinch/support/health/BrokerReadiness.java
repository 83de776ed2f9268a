package dev.pinch.support.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Kafka broker, answered within {@code pinch.health.broker-timeout} (default 1 s) whether the
 * broker is up or not: DOWN (so {@code /q/health/ready} is a 503) while it does not answer, UP again once it does.
 * It replaces Quarkus' own Kafka check ({@code quarkus.kafka.health.enabled=false}), which waits for the admin
 * client's default API timeout (60 s) while the broker is down, so that readiness hung instead of answering.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final String bootstrapServers;
    private final Duration timeout;
    private Admin admin;

    public BrokerReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "pinch.health.broker-timeout", defaultValue = "PT1S") Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        int millis = (int) timeout.toMillis();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes()
                    .get(millis + 200L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("Kafka broker").up().withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down("no answer from " + bootstrapServers + " within " + millis + " ms");
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("Kafka broker").down().withData("reason", reason).build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int millis = (int) timeout.toMillis();
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000,
                    AdminClientConfig.CLIENT_ID_CONFIG, "pinch-readiness"));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }
}
