package dev.pinch.evaluator.jobs;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Picks up after a crash or a restart, in the background at start-up: unfinished jobs (QUEUED, GENERATING, SCORING)
 * are queued again and continue from their stored responses; finished jobs whose SxS waits for a baseline are
 * re-scored if the baseline's responses are complete by now; results never acknowledged by the broker are announced.
 */
@ApplicationScoped
public class EvaluationRecovery {

    private static final Logger LOG = Logger.getLogger(EvaluationRecovery.class);

    private final JobRepository jobs;
    private final EvaluationScheduler scheduler;
    private final JobResults results;
    private final AtomicBoolean done = new AtomicBoolean();

    public EvaluationRecovery(JobRepository jobs, EvaluationScheduler scheduler, JobResults results) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.results = results;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().name("evaluation-recovery").daemon().start(() -> {
            try {
                recover();
            } catch (RuntimeException e) {
                LOG.error("evaluation recovery failed", e);
            } finally {
                done.set(true);
            }
        });
    }

    /** True once the start-up recovery has finished. */
    public boolean done() {
        return done.get();
    }

    /** Re-queues unfinished jobs and refreshes finished ones; returns how many were re-queued. */
    public synchronized int recover() {
        int requeued = 0;
        for (EvaluationJob job : jobs.all()) {
            if (job.state().unfinished() && !scheduler.isScheduled(job.jobId())) {
                LOG.infof("evaluation %s was %s when the service stopped; resuming it", job.jobId(), job.state());
                scheduler.submit(job.jobId());
                requeued++;
            } else if (job.state() == JobState.DONE && (!job.pendingSxs().isEmpty() || !job.announced())) {
                try {
                    results.refresh(job.jobId());
                } catch (RuntimeException e) {
                    LOG.warnf("evaluation %s: cannot refresh it: %s", job.jobId(), e.getMessage());
                }
            }
        }
        return requeued;
    }
}
