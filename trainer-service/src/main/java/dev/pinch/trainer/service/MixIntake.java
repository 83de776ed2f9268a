package dev.pinch.trainer.service;

import dev.pinch.events.Events;
import dev.pinch.events.InvalidEventException;
import dev.pinch.events.MixReady;
import dev.pinch.events.settings.InvalidSettingsException;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.store.ArtifactAccessException;
import dev.pinch.store.Keys;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a MixReady into a run. The run is stored durably before this returns, so the caller may then acknowledge
 * the message: QUEUED and handed to the workers, or FAILED when the mix cannot train (missing or altered artifact,
 * invalid training config, missing base model). A mix whose run exists already (a redelivery) changes nothing. A
 * MixReady carrying a training seed (experiments with {@code seeds}) is one replicate: its run id carries the seed.
 */
@ApplicationScoped
public class MixIntake {

    private static final Logger LOG = Logger.getLogger(MixIntake.class);

    /** What became of a MixReady. */
    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    /** The outcome, the run, and for REJECTED the reason (also the run's error). */
    public record Result(Outcome outcome, Run run, String reason) {
    }

    private final RunRepository runs;
    private final MixChecks checks;
    private final RunScheduler scheduler;

    public MixIntake(RunRepository runs, MixChecks checks, RunScheduler scheduler) {
        this.runs = runs;
        this.checks = checks;
        this.scheduler = scheduler;
    }

    /**
     * The training config a run of {@code mix} trains with: the experiment's, with {@code seed} set to the mix's
     * training seed when the experiment lists {@code seeds} (one MixReady per seed).
     */
    public static Map<String, Object> trainingConfig(MixReady mix) {
        if (mix.seed() == null) {
            return mix.trainingConfig();
        }
        Map<String, Object> config = new LinkedHashMap<>(mix.trainingConfig() == null ? Map.of() : mix.trainingConfig());
        config.put("seed", mix.seed());
        return config;
    }

    /**
     * Records the run of {@code mix}.
     *
     * @throws InvalidEventException when the mix id cannot name a run (not a valid store key)
     */
    public Result accept(MixReady mix) {
        TrainingSettings settings = null;
        String configHash;
        Optional<String> problem;
        Map<String, Object> config = trainingConfig(mix);
        try {
            settings = TrainingSettings.from(config);
            configHash = settings.configHash();
            problem = Optional.empty();
        } catch (InvalidSettingsException e) {
            configHash = RunIds.rawConfigHash(config);
            problem = Optional.of("invalid training config: " + e.getMessage());
        }
        String runId = RunIds.runId(mix.mixId(), configHash, mix.seed());
        try {
            Keys.check(RunIds.runKey(runId));
        } catch (ArtifactAccessException e) {
            throw new InvalidEventException("mixId '" + mix.mixId() + "' cannot name a run: " + e.getMessage());
        }
        Optional<Run> existing = runs.find(runId);
        if (existing.isPresent()) {
            LOG.infof("mix %s: run %s exists (%s); redelivery ignored", mix.mixId(), runId, existing.get().state());
            return new Result(Outcome.DUPLICATE, existing.get(), null);
        }
        Optional<String> forged = checks.provenanceProblem(mix);
        if (forged.isPresent()) {
            LOG.warnf("mix %s: refused, no run: %s", mix.mixId(), forged.get());
            return new Result(Outcome.REJECTED, null, forged.get());
        }
        if (problem.isEmpty()) {
            problem = checks.problem(mix, settings);
        }
        String baseModel = settings != null ? settings.baseModel() : String.valueOf(
                mix.trainingConfig() == null ? null : mix.trainingConfig().get("baseModel"));
        Run run = Run.queued(runId, configHash, baseModel, mix, Events.now());
        if (problem.isPresent()) {
            run = run.fail(problem.get(), Events.now());
        }
        if (!runs.create(run)) {
            return new Result(Outcome.DUPLICATE, runs.find(runId).orElseThrow(), null);
        }
        if (problem.isPresent()) {
            LOG.warnf("mix %s: run %s FAILED: %s", mix.mixId(), runId, problem.get());
            return new Result(Outcome.REJECTED, run, problem.get());
        }
        LOG.infof("mix %s: run %s QUEUED", mix.mixId(), runId);
        scheduler.submit(runId);
        return new Result(Outcome.ACCEPTED, run, null);
    }
}
