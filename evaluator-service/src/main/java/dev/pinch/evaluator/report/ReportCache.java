package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last reports built, per experiment and pretraining shares, reused while the experiment's evaluations are the
 * same (compared by value): the bootstrap behind a report of the paper's whole design takes seconds, and the JSON, CSV,
 * HTML and each chart ask for the same report. At most {@value #SIZE} reports are kept, least recently used first out.
 */
public final class ReportCache {

    static final int SIZE = 16;

    private record Cached(List<CheckpointEvaluation> evaluations, ExperimentReport report) {
    }

    private final Map<String, Cached> entries = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > SIZE;
        }
    };

    /** The cached report of {@code key} if it was built from equal evaluations, else a new one from {@code build}. */
    public ExperimentReport get(String key, List<CheckpointEvaluation> evaluations, Supplier<ExperimentReport> build) {
        synchronized (entries) {
            Cached e = entries.get(key);
            if (e != null && e.evaluations().equals(evaluations)) {
                return e.report();
            }
        }
        ExperimentReport report = build.get();
        synchronized (entries) {
            entries.put(key, new Cached(List.copyOf(evaluations), report));
        }
        return report;
    }
}
