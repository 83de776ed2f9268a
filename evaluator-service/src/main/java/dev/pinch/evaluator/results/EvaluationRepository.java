package dev.pinch.evaluator.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.events.EventCodec;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoint evaluations in the artifact store, under
 * {@code evaluations/<experiment id>/<checkpoint id>/<eval set>.<judge>.json}. The responses behind them live
 * deeper, under {@code evaluations/<experiment id>/<checkpoint id>/responses/} (see {@code ResponseLog}).
 */
@ApplicationScoped
public class EvaluationRepository {

    private static final ObjectMapper MAPPER = EventCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArtifactStore store;

    public EvaluationRepository(ArtifactStore store) {
        this.store = store;
    }

    public Artifact save(CheckpointEvaluation evaluation) {
        try {
            return store.writeBytes(key(evaluation.experimentId(), evaluation.checkpointId(), evaluation.evalSet(),
                    evaluation.judge()), MAPPER.writeValueAsBytes(evaluation));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evaluation of " + evaluation.checkpointId(), e);
        }
    }

    public Optional<CheckpointEvaluation> find(String experimentId, String checkpointId, String evalSet, String judge) {
        try {
            Optional<java.net.URI> artifact = store.locate(key(experimentId, checkpointId, evalSet, judge));
            return artifact.isEmpty() ? Optional.empty() : Optional.of(read(artifact.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The experiment's evaluations of final checkpoints: the newest (by checkpoint id order) per mix and training
     * seed, so an experiment with {@code seeds} gives one per seed of each mix.
     */
    public List<CheckpointEvaluation> finalPerMix(String experimentId) {
        try {
            Map<String, CheckpointEvaluation> byMix = new LinkedHashMap<>();
            for (String key : store.list("evaluations/" + experimentId)) {
                if (!isEvaluationKey(key)) {
                    continue; // responses/<evalSet>/<lang>.jsonl and other files beside the evaluations
                }
                CheckpointEvaluation e = read(store.locate(key).orElseThrow());
                if (e.finalCheckpoint()) {
                    byMix.merge(e.mixId() + "@" + e.seed(), e, (a, b) -> a.checkpointId().compareTo(b.checkpointId()) >= 0 ? a : b);
                }
            }
            return new ArrayList<>(byMix.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code evaluations/<experiment>/<checkpoint>/<evalSet>.<judge>.json}, nothing deeper. */
    static boolean isEvaluationKey(String key) {
        return key.endsWith(".json") && key.split("/").length == 4;
    }

    private CheckpointEvaluation read(java.net.URI artifact) throws IOException {
        return MAPPER.readValue(store.readBytes(artifact), CheckpointEvaluation.class);
    }

    private static String key(String experimentId, String checkpointId, String evalSet, String judge) {
        return "evaluations/" + experimentId + "/" + checkpointId + "/" + evalSet + "." + judge + ".json";
    }
}
