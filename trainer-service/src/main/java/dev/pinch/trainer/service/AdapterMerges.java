package dev.pinch.trainer.service;

import dev.pinch.lm.LoraAdapter;
import dev.pinch.lm.LoraMerge;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import dev.pinch.store.ModelLocations;
import dev.pinch.support.problem.ProblemException;
import dev.pinch.events.Violation;
import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.Run;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Merges a LoRA checkpoint's adapter into its base model, as PEFT's {@code merge_and_unload} and
 * {@code save_pretrained} would ({@link LoraMerge}), and publishes the full Hugging Face checkpoint in the store at
 * {@code merged/<runId>/step-N}. A merge that exists is returned as it is.
 */
@ApplicationScoped
public class AdapterMerges {

    private static final Logger LOG = Logger.getLogger(AdapterMerges.class);

    /** A merged checkpoint in the store; {@code created} is false when it existed already. */
    public record Merged(String runId, long step, String key, String uri, String sha256, String baseModel,
            boolean created) {
    }

    private final RunService runs;
    private final ArtifactStore store;
    private final TrainerConfig config;

    public AdapterMerges(RunService runs, ArtifactStore store, TrainerConfig config) {
        this.runs = runs;
        this.store = store;
        this.config = config;
    }

    /**
     * Merges checkpoint {@code step} of run {@code runId}.
     *
     * @throws RunNotFoundException for an unknown run
     * @throws ProblemException 404 for a step the run has no checkpoint of, 409 for a checkpoint with full weights
     */
    public synchronized Merged merge(String runId, long step) throws IOException {
        Run run = runs.get(runId);
        CheckpointRecord checkpoint = run.checkpoints().stream().filter(c -> c.step() == step).findFirst()
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found", "run '" + runId
                        + "' has no checkpoint at step " + step, List.of(new Violation("step", "no checkpoint "
                        + "at step " + step + "; the run has " + run.checkpoints().stream()
                        .map(c -> Long.toString(c.step())).toList()))));
        Path adapter = store.localPath(URI.create(checkpoint.uri()));
        if (!LoraAdapter.isAdapter(adapter)) {
            throw new ProblemException(409, "not-an-adapter", "Nothing to merge", "checkpoint "
                    + checkpoint.checkpointId() + " holds full weights, not a LoRA adapter",
                    List.of(new Violation("step", "checkpoint " + step + " is not a LoRA adapter")));
        }
        String key = "merged/" + runId + "/" + Path.of(checkpoint.key()).getFileName();
        String baseName = LoraAdapter.baseModelOf(adapter);
        Optional<Artifact> existing = store.find(key);
        if (existing.isPresent()) {
            return merged(runId, step, key, existing.get(), baseName, false);
        }
        Path base = baseDirectory(baseName, checkpoint);
        Path staging = Files.createDirectories(Path.of(config.workDir(), "merges"))
                .resolve(runId + ".step-" + step + ".tmp-" + System.nanoTime());
        try {
            LoraMerge.write(base, adapter, staging);
            Artifact written = store.writeDirectory(key, staging);
            LOG.infof("run %s: merged the adapter of step %d into %s at %s", runId, step, baseName, key);
            return merged(runId, step, key, written, baseName, true);
        } finally {
            RunExecutor.deleteQuietly(staging);
        }
    }

    private static Merged merged(String runId, long step, String key, Artifact a, String base, boolean created) {
        return new Merged(runId, step, key, a.uri().toString(), a.sha256(), base, created);
    }

    /** The base the adapter names: a built-in model as stored ({@code models/builtin-<hash>}), or a directory. */
    private Path baseDirectory(String name, CheckpointRecord checkpoint) throws IOException {
        return ModelLocations.directory(name, store).orElseThrow(() -> new ProblemException(409, "base-missing",
                "Base model missing", "checkpoint " + checkpoint.checkpointId() + " names base model '" + name
                        + "', which is neither stored nor a model directory on this trainer",
                List.of(new Violation("step", "its base model is missing"))));
    }
}
