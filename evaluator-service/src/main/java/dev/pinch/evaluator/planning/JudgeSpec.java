package dev.pinch.evaluator.planning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.pinch.events.settings.JudgeSettings;

/**
 * The judge an experiment asked for ({@link JudgeSettings}, from {@code eval.judge}), with the evaluator's default
 * tie margin applied. An LLM judge is only a name: its endpoint, model and key are the operator's
 * ({@code pinch.evaluator.judges.<judge>.*}, resolved by {@link Judges}).
 *
 * @param type      {@code reference} or {@code llm}
 * @param tieMargin reference judge: task-score differences up to this tie
 * @param judge     llm: the name of a judge configured on this evaluator
 * @param template  llm: pairwise prompt template, or null for the default
 */
public record JudgeSpec(String type, double tieMargin, String judge, String template) {

    /** The reference judge type. */
    public static final String REFERENCE = "reference";
    /** The LLM judge type. */
    public static final String LLM = "llm";

    /** The reference judge with a tie margin. */
    public static JudgeSpec reference(double tieMargin) {
        return new JudgeSpec(REFERENCE, tieMargin, null, null);
    }

    /** Whether this is the deterministic reference judge. */
    @JsonIgnore
    public boolean isReference() {
        return REFERENCE.equals(type);
    }

    /** The judge's name in store keys and events: {@code reference}, or {@code llm-<judge>}. */
    public String name() {
        return isReference() ? REFERENCE : "llm-" + judge;
    }

    /** The judge of typed settings; null settings, or no tie margin, take {@code defaultTieMargin}. */
    static JudgeSpec of(JudgeSettings judge, double defaultTieMargin) {
        if (judge == null) {
            return reference(defaultTieMargin);
        }
        double margin = judge.tieMargin() != null ? judge.tieMargin() : defaultTieMargin;
        if (judge.isReference()) {
            return reference(margin);
        }
        return new JudgeSpec(LLM, margin, judge.name(), judge.template());
    }
}
