package dev.pinch.trainer.service;

import dev.pinch.events.Events;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** What the REST API does with runs: list, look up, cancel. */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final RunRepository runs;

    public RunService(RunRepository runs) {
        this.runs = runs;
    }

    /** Every run, oldest first. */
    public List<Run> list() {
        return runs.all();
    }

    public Run get(String runId) {
        return runs.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    /**
     * Cancels a run: a QUEUED one becomes CANCELLED at once; a RUNNING one is flagged and the engine stops it at
     * its next step (it then becomes CANCELLED); cancelling a CANCELLED run changes nothing.
     *
     * @throws RunNotFoundException when there is no such run
     * @throws RunConflictException when the run is DONE or FAILED
     */
    public Run cancel(String runId) {
        Run run = runs.update(runId, r -> switch (r.state()) {
            case QUEUED -> r.moveTo(RunState.CANCELLED, Events.now());
            case RUNNING -> r.cancelRequested() ? r : r.requestCancel(Events.now());
            case CANCELLED -> r;
            case DONE, FAILED -> throw new RunConflictException(runId, "run " + runId + " is " + r.state()
                    + "; only QUEUED or RUNNING runs can be cancelled");
        });
        LOG.infof("run %s: cancel requested, now %s", runId, run.state());
        return run;
    }
}
