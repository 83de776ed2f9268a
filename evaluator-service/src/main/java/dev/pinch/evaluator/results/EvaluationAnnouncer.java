package dev.pinch.evaluator.results;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.events.EvaluationReady;
import dev.pinch.store.Artifact;

/**
 * How stored evaluations are announced; the service owns this interface and messaging implements it (on Kafka:
 * {@code EvaluationEvents}), so that the service never depends on messaging.
 */
public interface EvaluationAnnouncer {

    /** Announces a stored evaluation and returns its event once the announcement is acknowledged, or throws. */
    EvaluationReady evaluationReady(CheckpointEvaluation evaluation, Artifact stored);
}
