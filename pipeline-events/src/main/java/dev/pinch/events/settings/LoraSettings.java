package dev.pinch.events.settings;

import dev.pinch.events.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code training.lora} setting: LoRA adapters instead of full fine-tuning. Every key is optional.
 *
 * @param rank          rank r of each adapter (default 16)
 * @param alpha         scaling numerator, the update being (alpha / r)·BA (default 32, so a scale of 2)
 * @param dropout       dropout on the adapters' input, in [0, 1) (default 0.0, PEFT's default); its masks are seeded
 *                      from the run's seed and data position, so runs stay reproducible and resume bit for bit
 * @param targetModules the projections that get adapters (default every attention and MLP projection: q/k/v/o_proj,
 *                      gate/up/down_proj)
 */
public record LoraSettings(int rank, double alpha, double dropout, List<String> targetModules) {

    public static final int DEFAULT_RANK = 16;
    public static final double DEFAULT_ALPHA = 32;
    /** Every attention and MLP projection of a Llama-family block. */
    public static final List<String> ALL_PROJECTIONS =
            List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

    public LoraSettings {
        targetModules = List.copyOf(targetModules);
    }

    /** Reads {@code training.lora}: null when absent (full fine-tuning); bad values are recorded in {@code sink}. */
    static LoraSettings read(Object config, String path, List<Violation> sink) {
        if (config == null) {
            return null;
        }
        SettingsReader r = SettingsReader.of(config, path, sink);
        int rank = r.integer("rank", DEFAULT_RANK, 1, 65_536);
        double alpha = r.decimal("alpha", DEFAULT_ALPHA, 0, true, Double.MAX_VALUE);
        double dropout = r.decimal("dropout", 0.0, 0, false, 0.999);
        List<String> targets = ALL_PROJECTIONS;
        Object raw = r.raw("targetModules");
        if (raw != null) {
            if (raw instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(
                    o -> o instanceof String s && ALL_PROJECTIONS.contains(s))) {
                targets = new ArrayList<>(list.stream().map(String.class::cast).toList());
            } else {
                r.reject("targetModules", "must be a non-empty list of " + ALL_PROJECTIONS + ", was " + raw);
            }
        }
        r.rejectUnknown();
        return new LoraSettings(rank, alpha, dropout, targets);
    }

    /** As a plain map (for trainer_state.json and the config hash), keys sorted. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", alpha);
        m.put("dropout", dropout);
        m.put("rank", rank);
        m.put("targetModules", targetModules);
        return m;
    }
}
