package dev.pinch.evaluator.judge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a verdict from an LLM's free-text answer, tolerating the usual decorations: {@code "A"}, {@code "**B**"},
 * {@code "Response A"}, {@code "[[A]]"}, {@code "Answer: tie"}, {@code "The better response is B."},
 * {@code "A. It answers in Finnish"}, and reasoning blocks ({@code <think>...</think>}, ignored). An answer that
 * names both responses without a clear verdict is not parsed.
 */
final class VerdictParser {

    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    private static final Pattern DECORATION = Pattern.compile("[*_`#>\"“”‘’«»\\[\\]()]");
    private static final String CHOICE = "(a|b|tie|draw)";
    private static final String NAMED = "(?:(?:response|assistant|output|option|answer|model)\\s+)?";
    private static final Pattern WHOLE = Pattern.compile("^(?:(?:the\\s+)?(?:final\\s+)?"
            + "(?:answer|verdict|choice|winner|decision|judgement|judgment)\\s*(?:is)?\\s*[:=-]?\\s*)?"
            + NAMED + CHOICE + "\\s*[.!]?$");
    private static final Pattern VERDICT = Pattern.compile("(?:answer|verdict|choice|winner|decision|judge?ment"
            + "|better(?:\\s+response)?|i\\s+prefer|preferred(?:\\s+response)?)\\s*(?:is|would\\s+be)?\\s*[:=-]?\\s*"
            + NAMED + CHOICE + "\\b");
    private static final Pattern BETTER = Pattern.compile("(?:^|\\b(?:response|assistant|output)\\s+)(a|b)\\s+is\\s+"
            + "(?:clearly\\s+|much\\s+|slightly\\s+)?(?:the\\s+)?(?:better|best|preferred|superior|stronger)\\b");
    private static final Pattern LEADING = Pattern.compile("^" + NAMED + "(a|b)(?:[.,:;!]|$)|^(tie|draw)\\b");
    private static final Pattern MENTION = Pattern.compile("\\b(?:response|assistant|output)\\s+(a|b)\\b|\\b(tie)\\b");

    private VerdictParser() {
    }

    /** The verdict in {@code answer}, or empty when there is none or it is ambiguous. */
    static Optional<Verdict.Choice> parse(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String s = THINK.matcher(answer).replaceAll(" ");
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = DECORATION.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
        Matcher m = WHOLE.matcher(s);
        if (m.find()) {
            return choice(m.group(1));
        }
        String verdict = null;
        for (m = VERDICT.matcher(s); m.find(); ) {
            verdict = m.group(1);
        }
        if (verdict != null) {
            return choice(verdict);
        }
        String better = null;
        for (m = BETTER.matcher(s); m.find(); ) {
            better = m.group(1);
        }
        if (better != null) {
            return choice(better);
        }
        m = LEADING.matcher(s);
        if (m.find()) {
            return choice(m.group(1) != null ? m.group(1) : m.group(2));
        }
        String only = null;
        for (m = MENTION.matcher(s); m.find(); ) {
            String c = m.group(1) != null ? m.group(1) : m.group(2);
            if (only != null && !only.equals(c)) {
                return Optional.empty();
            }
            only = c;
        }
        return only == null ? Optional.empty() : choice(only);
    }

    private static Optional<Verdict.Choice> choice(String token) {
        return Optional.of(switch (token) {
            case "a" -> Verdict.Choice.A;
            case "b" -> Verdict.Choice.B;
            default -> Verdict.Choice.TIE;
        });
    }
}
