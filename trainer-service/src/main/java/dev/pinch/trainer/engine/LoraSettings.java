package dev.pinch.trainer.engine;

import dev.pinch.lm.LoraSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code lora} training setting: absent (or null) for full fine-tuning, else an object whose keys are all
 * optional: {@code rank} (default 16), {@code alpha} (default 32, so scaling alpha/rank = 2), {@code dropout}
 * (default 0.0, PEFT's default, which keeps runs deterministic and resumable bit for bit) and
 * {@code targetModules} (default every attention and MLP projection: q/k/v/o_proj, gate/up/down_proj).
 */
final class LoraSettings {

    static final int DEFAULT_RANK = 16;
    static final double DEFAULT_ALPHA = 32;

    private LoraSettings() {
    }

    /** The spec, or null for full fine-tuning. */
    static LoraSpec parse(Map<String, Object> lora) {
        if (lora == null) {
            return null;
        }
        Map<String, Object> scalars = new LinkedHashMap<>(lora);
        List<String> targets = targets(scalars.remove("targetModules"));
        try {
            SettingsReader r = new SettingsReader(scalars);
            int rank = r.integer("rank", DEFAULT_RANK, 1);
            double alpha = r.positive("alpha", DEFAULT_ALPHA);
            double dropout = r.fraction("dropout", 0.0);
            r.rejectUnknown();
            return new LoraSpec(rank, alpha, dropout, targets);
        } catch (IllegalArgumentException e) {
            throw new InvalidTrainingConfigException("lora", e.getMessage());
        }
    }

    private static List<String> targets(Object v) {
        if (v == null) {
            return LoraSpec.ALL_PROJECTIONS;
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new InvalidTrainingConfigException("lora", "targetModules must be a list of names, was " + v);
        }
        List<String> out = new ArrayList<>();
        list.forEach(o -> out.add((String) o));
        return out;
    }

    /** The spec as a plain map that {@link #parse} reads back (for trainer_state.json and the config hash). */
    static Map<String, Object> asMap(LoraSpec spec) {
        if (spec == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", spec.alpha());
        m.put("dropout", spec.dropout());
        m.put("rank", spec.rank());
        m.put("targetModules", spec.targetModules());
        return m;
    }
}
