package dev.pinch.support;

import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of a service's workers: UP while they accept work; reports how many items run and whether the start-up
 * recovery finished. Subclasses are the {@code @Readiness} beans.
 */
public abstract class WorkersReadiness implements HealthCheck {

    private final String name;
    private final Workers workers;
    private final BooleanSupplier recovered;

    protected WorkersReadiness(String name, Workers workers, BooleanSupplier recovered) {
        this.name = name;
        this.workers = workers;
        this.recovered = recovered;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(name).status(workers.accepting())
                .withData("active", workers.active()).withData("recovered", recovered.getAsBoolean()).build();
    }
}
