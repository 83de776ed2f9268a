package dev.pinch.dataset.experiment;

import dev.pinch.dataset.corpus.CorpusRegistry;
import dev.pinch.dataset.config.DatasetConfig;
import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.events.Violation;
import dev.pinch.events.settings.BaseModelCheck;
import dev.pinch.events.settings.EvalSettings;
import dev.pinch.events.settings.JudgeSettings;
import dev.pinch.events.settings.SettingsLimits;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an experiment's {@code training} and {@code eval} settings on arrival, with the parsers the trainer and
 * the evaluator use ({@link TrainingSettings}, {@link EvalSettings}), and that what they name exists here: the base
 * model directory, the eval prompts' corpus (and version) or store URI (a prompts file lies under the evaluator's
 * prompts root, which this service does not see: the parser checks its form), an LLM judge the evaluator offers
 * ({@code pinch.dataset.judges}); and the upper bounds {@code pinch.dataset.max-*}. Every violation is listed.
 */
@ApplicationScoped
public class SettingsChecks {

    private final CorpusRegistry corpora;
    private final ArtifactStore store;
    private final List<String> judges;
    private final SettingsLimits limits;
    private final int maxMixes;

    public SettingsChecks(CorpusRegistry corpora, ArtifactStore store, DatasetConfig config) {
        this.corpora = corpora;
        this.store = store;
        this.judges = config.judges().orElse(List.of());
        this.limits = new SettingsLimits(config.maxSteps(), config.maxEpochs(), config.maxBatchSize(),
                config.maxSeqLen(), config.maxNewTokens(), config.maxPromptsPerLanguage());
        this.maxMixes = config.maxMixes();
    }

    /** A violation when the experiment plans more mixes than {@code pinch.dataset.max-mixes}. */
    public List<Violation> mixCount(int mixes) {
        return mixes <= maxMixes ? List.of() : List.of(new Violation("designs", "plan " + mixes
                + " mixes, more than the " + maxMixes + " an experiment may have (pinch.dataset.max-mixes)"));
    }

    /** Every violation of the spec's settings; empty when the trainer and the evaluator can use them. */
    public List<Violation> violations(ExperimentSpec spec) {
        List<Violation> out = new ArrayList<>();
        int before = out.size();
        TrainingSettings training = TrainingSettings.read(spec.training(), TrainingSettings.PATH, out, limits);
        if (noneAt(out, before, TrainingSettings.PATH + ".baseModel")) {
            BaseModelCheck.problem(training.baseModel())
                    .ifPresent(reason -> out.add(new Violation(TrainingSettings.PATH + ".baseModel", reason)));
        }
        before = out.size();
        EvalSettings eval = EvalSettings.read(spec.eval(), EvalSettings.PATH, out, limits);
        if (out.size() == before) {
            promptSource(eval, out);
            judge(eval.judge(), "judge", out);
            judge(eval.secondJudge(), "secondJudge", out);
        }
        return out;
    }

    private void judge(JudgeSettings judge, String key, List<Violation> out) {
        if (judge != null && !judge.isReference() && !judges.contains(judge.name())) {
            out.add(new Violation(EvalSettings.PATH + "." + key + ".name", "no judge named '" + judge.name()
                    + "' is offered here (offered: " + judges + "; the operator configures them)"));
        }
    }

    private void promptSource(EvalSettings eval, List<Violation> out) {
        String at = EvalSettings.PATH + ".";
        if (eval.promptsUri() != null && !readable(eval.promptsUri())) {
            out.add(new Violation(at + "promptsUri", "cannot be read: " + eval.promptsUri()));
        } else if (eval.corpus() != null && corpora.manifest(eval.corpus()).isEmpty()) {
            out.add(new Violation(at + "corpus", "unknown corpus '" + eval.corpus() + "'"));
        }
        if (eval.corpusVersion() != null && eval.corpus() != null
                && corpora.manifest(eval.corpus(), eval.corpusVersion()).isEmpty()) {
            out.add(new Violation(at + "corpusVersion", "corpus '" + eval.corpus() + "' has no version '"
                    + eval.corpusVersion() + "'"));
        }
    }

    private boolean readable(String uri) {
        try {
            URI parsed = URI.create(uri);
            try (InputStream in = store.open(parsed)) {
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean noneAt(List<Violation> violations, int from, String field) {
        return violations.subList(from, violations.size()).stream().noneMatch(v -> v.field().equals(field));
    }
}
