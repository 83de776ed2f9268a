package dev.pinch.trainer.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the worker pool: UP while it accepts runs; reports active runs and whether recovery finished. */
@Readiness
@ApplicationScoped
public class WorkersHealthCheck implements HealthCheck {

    private final RunScheduler scheduler;
    private final RunRecovery recovery;

    public WorkersHealthCheck(RunScheduler scheduler, RunRecovery recovery) {
        this.scheduler = scheduler;
        this.recovery = recovery;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("trainer-workers")
                .status(scheduler.accepting())
                .withData("activeRuns", scheduler.active())
                .withData("recoveryDone", recovery.done())
                .build();
    }
}
