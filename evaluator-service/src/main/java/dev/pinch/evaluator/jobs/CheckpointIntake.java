package dev.pinch.evaluator.jobs;

import static dev.pinch.evaluator.jobs.EvaluationJob.BASE_DESIGN;

import dev.pinch.evaluator.planning.BaselineIndex;
import dev.pinch.evaluator.planning.EvalPlan;
import dev.pinch.evaluator.planning.EvalPlans;
import dev.pinch.evaluator.planning.ExperimentCatalog;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.DesignRef;
import dev.pinch.events.Events;
import dev.pinch.store.ArtifactAccessException;
import dev.pinch.store.ArtifactStore;
import dev.pinch.store.ModelLocations;
import dev.pinch.store.Keys;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a CheckpointReady into a durable QUEUED evaluation job (before the message is acknowledged) and queues it on
 * a worker. Idempotent per (checkpoint, eval set, judge): a redelivered checkpoint whose job exists is acknowledged
 * and nothing is scored again (a FAILED job is queued again). Checkpoints that cannot be evaluated (missing fields,
 * an unusable eval config, a checkpoint directory missing from the store, a sha256 mismatch) are rejected with the
 * reason, for the dead-letter topic; so is a checkpoint of an experiment the dataset-service never accepted (no
 * {@code experiments/<id>/experiment.json} in the shared store, which the dataset-service writes before it announces
 * any mix), so that a forged CheckpointReady costs no evaluation.
 */
@ApplicationScoped
public class CheckpointIntake {

    private static final Logger LOG = Logger.getLogger(CheckpointIntake.class);

    /** What became of a checkpoint. */
    public enum Outcome { ACCEPTED, DUPLICATE, SKIPPED, REJECTED }

    /**
     * @param outcome what happened
     * @param jobId   the job, when there is one
     * @param reason  why it was rejected or skipped
     */
    public record Result(Outcome outcome, String jobId, String reason) {
    }

    private final EvalPlans plans;
    private final JobRepository jobs;
    private final BaselineIndex baselines;
    private final EvaluationScheduler scheduler;
    private final ArtifactStore store;
    private final ExperimentCatalog experiments;

    public CheckpointIntake(EvalPlans plans, JobRepository jobs, BaselineIndex baselines,
            EvaluationScheduler scheduler, ArtifactStore store, ExperimentCatalog experiments) {
        this.experiments = experiments;
        this.plans = plans;
        this.jobs = jobs;
        this.baselines = baselines;
        this.scheduler = scheduler;
        this.store = store;
    }

    /** Accepts, skips or rejects one checkpoint. */
    public Result accept(CheckpointReady c) {
        try {
            requireFields(c);
            if (!experiments.exists(c.experimentId())) {
                return new Result(Outcome.REJECTED, null, "experiment " + c.experimentId() + " is not in the artifact "
                        + "store: the checkpoint is not of an experiment the dataset-service accepted");
            }
            if (!plans.wanted(c)) {
                LOG.debugf("checkpoint %s is intermediate; not evaluated", c.checkpointId());
                return new Result(Outcome.SKIPPED, null, "intermediate checkpoint");
            }
            EvalPlan plan = plans.plan(c);
            String jobId = EvaluationJob.id(c.checkpointId(), plan.evalSet(), plan.judge().name());
            Optional<EvaluationJob> existing = jobs.find(jobId);
            if (existing.isPresent() && existing.get().state() != JobState.FAILED) {
                LOG.infof("checkpoint %s: evaluation %s exists (%s); nothing to do", c.checkpointId(), jobId,
                        existing.get().state());
                return new Result(Outcome.DUPLICATE, jobId, null);
            }
            checkArtifact(c);
            baselines.register(c.experimentId(), c.mixId(), c.checkpointId(), c.design(), c.finalCheckpoint(),
                    c.seed());
            if (existing.isPresent()) {
                jobs.update(jobId, j -> j.moveTo(JobState.QUEUED, Events.now()));
                LOG.infof("checkpoint %s: failed evaluation %s queued again", c.checkpointId(), jobId);
            } else if (!jobs.create(EvaluationJob.queued(c, plan, Events.now()))) {
                return new Result(Outcome.DUPLICATE, jobId, null);
            }
            scheduler.submit(jobId);
            baseReference(c, plan);
            return new Result(Outcome.ACCEPTED, jobId, null);
        } catch (IllegalArgumentException e) { // InvalidSettingsException, InvalidEvalConfigException among them
            return new Result(Outcome.REJECTED, null, e.getMessage());
        }
    }

    /**
     * Queues, once per experiment, the evaluation of the untuned base model its checkpoints start from, as the
     * report's reference row (design {@value EvaluationJob#BASE_DESIGN}): when the base is the built-in model, which
     * is in the store as {@code models/<name>}. A base given as a directory is only on the trainer's machine, so it has no row.
     */
    private void baseReference(CheckpointReady c, EvalPlan plan) {
        String name = c.baseModel();
        if (!ModelLocations.isBuiltin(name)) {
            return;
        }
        try {
            var artifact = ModelLocations.stored(name, store);
            if (artifact.isEmpty()) {
                return;
            }
            String id = c.experimentId() + "." + BASE_DESIGN;
            CheckpointReady base = new CheckpointReady(c.eventId(), c.eventType(), c.experimentId(), c.timestamp(), id,
                    id, id, new DesignRef(BASE_DESIGN, BASE_DESIGN, List.of(), Map.of("model", name)), 0, true,
                    artifact.get().uri().toString(), artifact.get().sha256(), name, c.device(), c.precision(),
                    c.evalConfig(), null);
            if (jobs.create(EvaluationJob.queued(base, plan, Events.now()))) {
                LOG.infof("experiment %s: the untuned base model %s is evaluated too, as the reference row",
                        c.experimentId(), name);
                scheduler.submit(EvaluationJob.id(id, plan.evalSet(), plan.judge().name()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("experiment %s: the base model %s cannot be evaluated (%s); the report has no base row",
                    c.experimentId(), name, e.getMessage());
        }
    }

    private static void requireFields(CheckpointReady c) {
        require(c.runId(), "runId");
        require(c.checkpointId(), "checkpointId");
        require(c.mixId(), "mixId");
        require(c.uri(), "uri");
        require(c.sha256(), "sha256");
        if (c.step() < 0) {
            throw new IllegalArgumentException("step must be 0 or more, was " + c.step());
        }
        try {
            Keys.check(c.experimentId() + "/" + c.checkpointId());
        } catch (ArtifactAccessException e) {
            throw new IllegalArgumentException("experimentId/checkpointId cannot name stored results: " + e.getMessage());
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private void checkArtifact(CheckpointReady c) {
        URI uri;
        try {
            uri = URI.create(c.uri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("uri is not a URI: " + c.uri());
        }
        try {
            Path dir = store.localPath(uri);
            if (!Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve("config.json"))
                    && !Files.isRegularFile(dir.resolve("adapter_config.json"))) {
                throw new IllegalArgumentException("checkpoint " + c.uri() + " is not a checkpoint directory"
                        + " (no config.json, nor a LoRA adapter's adapter_config.json)");
            }
            String actual = store.sha256(uri);
            if (!actual.equals(c.sha256())) {
                throw new IllegalArgumentException("checkpoint " + c.uri() + " has sha256 " + actual
                        + " but the CheckpointReady event announced " + c.sha256());
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("checkpoint directory " + c.uri() + " does not exist in the artifact store");
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint " + c.uri() + " is not readable: " + e.getMessage());
        }
    }
}
