package dev.pinch.evaluator.messaging;

import dev.pinch.evaluator.config.EvaluatorConfig;
import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.results.EvaluationAnnouncer;
import dev.pinch.events.EvaluationReady;
import dev.pinch.events.Events;
import dev.pinch.store.Artifact;
import dev.pinch.support.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Sends EvaluationReady on {@code pinch.evaluations.v1}, keyed by checkpoint id, with CloudEvents headers, once the
 * evaluation is durable in the store. Its {@code scores} map holds, per eval language, {@code language_ok} (share of
 * responses in the prompt's language, 0..1), {@code task} (0..100; absent without references), {@code sxs} (0..100;
 * absent while there is no baseline) and {@code prompts}.
 */
@ApplicationScoped
public class EvaluationEvents implements EvaluationAnnouncer {

    private final MutinyEmitter<String> evaluations;
    private final EvaluatorConfig config;

    public EvaluationEvents(@Channel("evaluations-out") MutinyEmitter<String> evaluations, EvaluatorConfig config) {
        this.evaluations = evaluations;
        this.config = config;
    }

    /** Sends the EvaluationReady of a stored evaluation and blocks until the broker acknowledges it, or throws. */
    @Override
    public EvaluationReady evaluationReady(CheckpointEvaluation e, Artifact stored) {
        EvaluationReady event = new EvaluationReady(Events.newId(), EvaluationReady.TYPE, e.experimentId(), Events.now(),
                e.checkpointId(), e.mixId(), e.evalSet(), e.judge(), stored.uri().toString(), stored.sha256(),
                scores(e));
        evaluations.sendMessage(EventMessages.of(event, config.eventSource())).await().atMost(config.publishTimeout());
        return event;
    }

    /** The per-language score map of an evaluation. */
    static Map<String, Map<String, Double>> scores(CheckpointEvaluation e) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (LanguageScore s : e.scores()) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("language_ok", s.languageRate());
            if (!Double.isNaN(s.taskScore())) {
                m.put("task", s.taskScore());
            }
            if (s.sxs() != null) {
                m.put("sxs", s.sxs());
            }
            putRate(m, "degenerate", s.degenerateRate());
            putRate(m, "line_pass", s.linePassRate());
            putRate(m, "word_pass", s.wordPassRate());
            m.put("prompts", (double) s.prompts());
            out.put(s.lang(), m);
        }
        return out;
    }

    private static void putRate(Map<String, Double> m, String key, Double rate) {
        if (rate != null) {
            m.put(key, rate);
        }
    }
}
