package dev.pinch.evaluator.jobs;

import dev.pinch.evaluator.config.EvaluatorConfig;
import dev.pinch.support.WorkerPool;
import dev.pinch.support.Workers;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The evaluator's worker pool: {@code pinch.evaluator.concurrency} threads that run queued evaluations in order,
 * never on a Kafka thread. A generation stops between batches when it is {@linkplain #interrupt interrupted} (as a
 * crash would) or the service shuts down; it stays GENERATING and resumes from its stored responses at the next start.
 */
@ApplicationScoped
public class EvaluationScheduler extends Workers {

    private final EvaluatorConfig config;
    private final EvaluationRunner runner;

    public EvaluationScheduler(EvaluatorConfig config, EvaluationRunner runner) {
        this.config = config;
        this.runner = runner;
    }

    @PostConstruct
    void start() {
        pool = new WorkerPool("evaluator-worker", config.concurrency(), runner::execute, jobId -> false);
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.stop(config.shutdownGrace());
    }
}
