package dev.pinch.evaluator.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code evaluator-workers}: up while the worker pool accepts jobs, with the running count. */
@Readiness
@ApplicationScoped
public class WorkersHealthCheck implements HealthCheck {

    private final EvaluationScheduler scheduler;
    private final EvaluationRecovery recovery;

    public WorkersHealthCheck(EvaluationScheduler scheduler, EvaluationRecovery recovery) {
        this.scheduler = scheduler;
        this.recovery = recovery;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("evaluator-workers").status(scheduler.accepting())
                .withData("active", scheduler.active()).withData("recovered", recovery.done()).build();
    }
}
