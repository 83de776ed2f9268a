package dev.pinch.trainer.service;

import dev.pinch.support.WorkersReadiness;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code trainer-workers}: UP while the worker pool accepts runs. */
@Readiness
@Singleton // no client proxy: the base class takes its parts in its constructor
public class WorkersHealthCheck extends WorkersReadiness {

    public WorkersHealthCheck(RunScheduler scheduler, RunRecovery recovery) {
        super("trainer-workers", scheduler, recovery::done);
    }
}
