package dev.pinch.events.settings;

import dev.pinch.events.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading a training config into {@link TrainingSettings}, and the settings' map and config hash. */
final class TrainingSettingsParser {

    private TrainingSettingsParser() {
    }

    /** {@link TrainingSettings#read(Object, String, List, SettingsLimits)}. */
    static TrainingSettings read(Object config, String path, List<Violation> sink, SettingsLimits limits) {
        SettingsReader r = SettingsReader.of(config, path, sink);
        int max = Integer.MAX_VALUE;
        TrainingSettings s = new TrainingSettings(
                r.integer("maxSteps", 0, 0, limits.maxSteps()), r.integer("epochs", 1, 1, limits.maxEpochs()),
                r.integer("batchSize", 16, 1, limits.maxBatchSize()),
                r.integer("gradAccumulation", 1, 1, max), r.decimal("learningRate", 1e-3, 0, true, Double.MAX_VALUE),
                r.integer("warmupSteps", 10, 0, max), r.decimal("minLrRatio", 0.1, 0, false, 1),
                r.decimal("weightDecay", 0.01, 0, false, Double.MAX_VALUE),
                r.decimal("gradClip", 1.0, 0, false, Double.MAX_VALUE), r.integer("maxNonFiniteSteps", 3, 1, max),
                r.integer("maxSeqLen", 512, 8, limits.maxSeqLen()), r.integer("seed", 1, 0, max),
                r.integer("devEvery", 50, 0, max),
                r.integer("devExamples", 64, 1, max), r.integer("checkpointEvery", 100, 0, max),
                r.integer("progressEvery", 10, 1, max),
                r.device("device", ComputeDevice.AUTO),
                r.precision("precision", Precision.AUTO, TrainingSettings.PRECISIONS),
                template(r), r.string("baseModel", TrainingSettings.BUILTIN),
                LoraSettings.read(r.raw("lora"), r.field("lora"), sink), r.bool("gradientCheckpointing", false),
                r.decimal("memoryLimitGb", 0, 0, false, Double.MAX_VALUE),
                LossAverage.of(r.matching("lossAverage", "token", LossAverage.PATTERN, "token or example")));
        r.rejectUnknown();
        return s;
    }

    private static String template(SettingsReader r) {
        String template = r.string("promptTemplate", TrainingSettings.DEFAULT_TEMPLATE);
        if (!template.contains("{instruction}") && !TrainingSettings.CHAT.equals(template)) {
            r.reject("promptTemplate", "must be 'chat' or contain {instruction}");
            return TrainingSettings.DEFAULT_TEMPLATE;
        }
        return template;
    }

    /** {@link TrainingSettings#asMap()}. */
    static Map<String, Object> asMap(TrainingSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var c : TrainingSettings.class.getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(s);
                m.put(c.getName(), v instanceof LoraSettings lora ? lora.asMap()
                        : v instanceof ComputeDevice || v instanceof Precision || v instanceof LossAverage
                        ? v.toString() : v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    /** {@link TrainingSettings#configHash()}. */
    static String configHash(TrainingSettings s) {
        TreeMap<String, Object> hashed = new TreeMap<>(asMap(s));
        hashed.keySet().removeAll(TrainingSettings.HASH_EXEMPT);
        if (s.lora() == null) {
            hashed.remove("lora");
        }
        if (s.lossAverage() == LossAverage.TOKEN) {
            hashed.remove("lossAverage");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(hashed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
