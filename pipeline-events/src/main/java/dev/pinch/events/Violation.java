package dev.pinch.events;

/**
 * One thing wrong with an input (an experiment spec, its settings, a request parameter, an event): where, and why.
 * Every service reports refusals as a list of these, in REST problem details and in dead-letter reasons.
 *
 * @param field  path of the offending field, e.g. {@code budget}, {@code designs[0].percents[1]},
 *               {@code training.learningRate}, {@code eval.judge.baseUrl}; {@code body} for the input as a whole
 * @param reason what is wrong, with the offending value and, where useful, what is allowed
 */
public record Violation(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
