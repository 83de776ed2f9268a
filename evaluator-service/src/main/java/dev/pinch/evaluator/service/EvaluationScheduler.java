package dev.pinch.evaluator.service;

import dev.pinch.evaluator.config.EvaluatorConfig;
import dev.pinch.support.WorkerPool;
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
public class EvaluationScheduler {

    private final EvaluatorConfig config;
    private final EvaluationRunner runner;
    private WorkerPool pool;

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

    /** Queues a job; a job already queued or running in this process is not queued twice. */
    public void submit(String jobId) {
        pool.submit(jobId);
    }

    /** Stops a generation at its next batch without changing its state, as a crash would. For tests and operators. */
    public void interrupt(String jobId) {
        pool.interrupt(jobId);
    }

    /** Whether the job is queued or running in this process. */
    public boolean isScheduled(String jobId) {
        return pool.isScheduled(jobId);
    }

    /** Jobs running right now. */
    public int active() {
        return pool.active();
    }

    /** Whether new jobs are accepted (false while shutting down). */
    public boolean accepting() {
        return pool.accepting();
    }

    /** The pool itself, for backpressure on the Kafka channel that feeds it. */
    public WorkerPool pool() {
        return pool;
    }
}
