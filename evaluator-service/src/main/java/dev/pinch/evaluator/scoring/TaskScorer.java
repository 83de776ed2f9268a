package dev.pinch.evaluator.scoring;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The task score of one response against its reference, on a 0-100 scale: label match (100 or 0) for classification
 * tasks (the built-in corpus's {@code topic} and {@code language-id}); exact match (100 or 0, after Unicode NFKC and
 * collapsing white space, case kept) for {@code copy}; sentence-level chrF for everything else (generation and
 * translation: the built-in corpus's {@code continuation} and {@code translation}, and any task it does not know).
 * Thread-safe.
 */
public final class TaskScorer {

    /** The built-in corpus's classification tasks and the generic name {@code classification}. */
    public static final Set<String> DEFAULT_CLASSIFICATION_TASKS = Set.of("topic", "language-id", "classification");
    /** Tasks whose answer must equal the reference: the built-in corpus's {@code copy}. */
    public static final Set<String> EXACT_TASKS = Set.of("copy");

    private static final Pattern EDGES = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Set<String> classificationTasks;
    private final ChrF chrf;

    /** Default classification tasks, chrF with sacrebleu 2.x defaults. */
    public TaskScorer() {
        this(DEFAULT_CLASSIFICATION_TASKS, ChrF.chrF());
    }

    /** A scorer treating {@code classificationTasks} (case-insensitive) as label tasks and scoring the rest with {@code chrf}. */
    public TaskScorer(Set<String> classificationTasks, ChrF chrf) {
        this.classificationTasks = Set.copyOf(classificationTasks.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
        this.chrf = chrf;
    }

    /**
     * Scores {@code response} against {@code reference} for {@code task}.
     *
     * @return 100 or 0 for a classification task; sentence chrF (0-100) otherwise
     * @throws IllegalArgumentException when the reference is missing
     */
    public double score(String task, String response, String reference) {
        if (reference == null) {
            throw new IllegalArgumentException("no reference to score task '" + task + "' against");
        }
        String hyp = response == null ? "" : response;
        if (isClassification(task)) {
            return labelsMatch(hyp, reference) ? 100.0 : 0.0;
        }
        if (task != null && EXACT_TASKS.contains(task.toLowerCase(Locale.ROOT))) {
            return exact(hyp).equals(exact(reference)) ? 100.0 : 0.0;
        }
        return chrf.sentenceScore(hyp, reference);
    }

    /** Whether {@code task} is scored by exact label match. */
    public boolean isClassification(String task) {
        return task != null && classificationTasks.contains(task.toLowerCase(Locale.ROOT));
    }

    /** Whether two labels are equal after {@link #normaliseLabel(String)}. */
    public static boolean labelsMatch(String response, String reference) {
        return normaliseLabel(response).equals(normaliseLabel(reference));
    }

    private static String exact(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip()).replaceAll(" ");
    }

    /**
     * Normalises a label for comparison: Unicode NFKC, lower case, whitespace runs collapsed to one space, and
     * punctuation, symbols and whitespace stripped from both ends ({@code " **Sport.** "} → {@code "sport"}).
     */
    public static String normaliseLabel(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = EDGES.matcher(s).replaceAll("");
        return SPACES.matcher(s).replaceAll(" ");
    }
}
