package dev.pinch.evaluator.jobs;

import dev.pinch.support.WorkersReadiness;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code evaluator-workers}: UP while the worker pool accepts evaluations. */
@Readiness
@Singleton // no client proxy: the base class takes its parts in its constructor
public class WorkersHealthCheck extends WorkersReadiness {

    public WorkersHealthCheck(EvaluationScheduler scheduler, EvaluationRecovery recovery) {
        super("evaluator-workers", scheduler, recovery::done);
    }
}
