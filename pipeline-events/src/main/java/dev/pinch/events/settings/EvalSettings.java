package dev.pinch.events.settings;

import dev.pinch.events.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Eval settings, read from an experiment's {@code eval} config (a JSON object): the one contract the
 * dataset-service checks on arrival and the evaluator plans by. Every key is optional; unknown keys are errors. A
 * null value means the evaluator's configured default ({@code pinch.evaluator.*}), named beside each.
 *
 * @param languages             eval languages (default: the experiment's languages that have prompts)
 * @param maxPromptsPerLanguage prompts per language, 0 = all ({@code max-prompts-per-language})
 * @param corpus                corpus whose split holds the prompts (default: the mix's corpus)
 * @param corpusVersion         its version (default: the mix's, else the latest)
 * @param split                 the corpus split ({@code split}, test)
 * @param promptsUri            a user's prompts JSONL in the artifact store (its URI), instead of a corpus
 * @param promptsPath           a user's prompts JSONL under the evaluator's prompts root
 *                              ({@code pinch.evaluator.prompts-root}), instead of a corpus: a relative path whose
 *                              segments are letters, digits and {@code ._-}, none starting with a dot
 * @param evalSet               the eval set's name (default: derived from the prompt source)
 * @param batchSize             prompts generated at once ({@code batch-size})
 * @param maxNewTokens          most tokens generated per response ({@code max-new-tokens})
 * @param temperature           sampling temperature in [0, 100], 0 = greedy ({@code temperature})
 * @param topP                  nucleus sampling share in (0, 1] ({@code top-p})
 * @param seed                  seed of the prompt sample and of sampling ({@code seed})
 * @param stopOnEos             stop a response at the end-of-sequence token ({@code stop-on-eos})
 * @param judge                 the SxS judge (default: the reference judge)
 * @param secondJudge           a second judge on the same pairs, for their agreement; null for none
 * @param device                {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}: a {@link ComputeDevice}
 *                              ({@code cuda}, {@code cuda:N} alike; {@code device})
 * @param precision             {@code auto} or {@code fp32} (the default: fp32), or {@code fp16} (on a GPU)
 *                              ({@link #PRECISIONS})
 * @param promptTemplate        {@code chat}, or a template containing {@code {instruction}} (default: plain)
 * @param includeIntermediate   also evaluate intermediate checkpoints ({@code include-intermediate})
 */
public record EvalSettings(List<String> languages, Integer maxPromptsPerLanguage, String corpus, String corpusVersion,
        String split, String promptsUri, String promptsPath, String evalSet, Integer batchSize, Integer maxNewTokens,
        Double temperature, Double topP, Long seed, Boolean stopOnEos, JudgeSettings judge, JudgeSettings secondJudge,
        ComputeDevice device, Precision precision, String promptTemplate, Boolean includeIntermediate) {

    /** Where an experiment spec holds these settings. */
    public static final String PATH = "eval";

    /** The precisions the evaluator generates in; bf16 is refused, since DJL's PyTorch JNI cannot hold it. */
    public static final Set<Precision> PRECISIONS = Set.of(Precision.AUTO, Precision.FP32, Precision.FP16);
    /** What {@code promptsPath} may be: relative, no {@code ..}, no hidden names. */
    static final String RELATIVE_PATH = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,15}";

    /** Parses an eval config; throws {@link InvalidSettingsException} naming every bad field. */
    public static EvalSettings from(Map<String, Object> config) {
        List<Violation> violations = new ArrayList<>();
        EvalSettings s = read(config, PATH, violations);
        InvalidSettingsException.throwIfAny(violations);
        return s;
    }

    /** Reads an eval config at {@code path}, recording every violation in {@code sink}. */
    public static EvalSettings read(Object config, String path, List<Violation> sink) {
        return read(config, path, sink, SettingsLimits.NONE);
    }

    /** {@link #read(Object, String, List)} within {@code limits}: a value over its bound is a violation naming it. */
    public static EvalSettings read(Object config, String path, List<Violation> sink, SettingsLimits limits) {
        SettingsReader r = SettingsReader.of(config, path, sink);
        EvalSettings s = new EvalSettings(languages(r, "languages"),
                r.has("maxPromptsPerLanguage")
                        ? r.integer("maxPromptsPerLanguage", 0, 0, limits.maxPromptsPerLanguage()) : null,
                r.stripped("corpus", null), r.stripped("corpusVersion", null), r.stripped("split", null),
                r.stripped("promptsUri", null), r.matching("promptsPath", null, RELATIVE_PATH, "a relative path under "
                        + "the evaluator's prompts root (pinch.evaluator.prompts-root): segments of letters, digits "
                        + "and ._-, none starting with a dot"),
                r.matching("evalSet", null, "[A-Za-z0-9][A-Za-z0-9._=+-]{0,150}", "letters, digits and ._=+-"),
                r.has("batchSize") ? r.integer("batchSize", 1, 1, limits.maxBatchSize()) : null,
                r.has("maxNewTokens") ? r.integer("maxNewTokens", 1, 1, limits.maxNewTokens()) : null,
                r.has("temperature") ? r.decimal("temperature", 0, 0, false, 100) : null,
                r.has("topP") ? r.decimal("topP", 1, 0, true, 1) : null,
                r.has("seed") ? r.longValue("seed", 0, Long.MIN_VALUE) : null,
                r.has("stopOnEos") ? r.bool("stopOnEos", true) : null,
                JudgeSettings.read(r, "judge"), JudgeSettings.read(r, "secondJudge"),
                r.device("device", null), r.precision("precision", null, PRECISIONS),
                template(r), r.has("includeIntermediate") ? r.bool("includeIntermediate", false) : null);
        if (s.promptsUri() != null && s.promptsPath() != null) {
            r.reject("promptsPath", "cannot be given together with promptsUri");
        }
        r.rejectUnknown();
        return s;
    }

    /** A non-empty list of language codes, without repeats; null when absent or bad. */
    private static List<String> languages(SettingsReader r, String key) {
        Object v = r.raw(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            r.reject(key, "must be a non-empty list of language codes");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            SettingValues.Checked<String> code = SettingValues.language(list.get(i));
            if (code.problem() != null) {
                r.reject(key + "[" + i + "]", code.problem());
            } else if (!out.contains(code.value())) {
                out.add(code.value());
            }
        }
        return out;
    }

    private static String template(SettingsReader r) {
        String template = r.stripped("promptTemplate", null);
        if (template != null && !template.equals(TrainingSettings.CHAT) && !template.contains("{instruction}")) {
            r.reject("promptTemplate", "must be 'chat' or contain {instruction}");
            return null;
        }
        return template;
    }
}
