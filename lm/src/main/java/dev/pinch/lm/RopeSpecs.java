package dev.pinch.lm;

import java.util.Map;
import java.util.Set;

/**
 * Reads the rotary embeddings of a {@code config.json} in both layouts: transformers 4.x ({@code rope_theta},
 * {@code rope_scaling}, Gemma 3's {@code rope_local_base_freq}) and transformers 5 ({@code rope_parameters},
 * flat or keyed by layer type). A null or non-positive {@code rope_theta}, an unknown {@code rope_type} or
 * parameter, or two layouts that disagree are refused by name.
 */
final class RopeSpecs {

    /** The rope types implemented by {@link RopeSpec}. */
    static final Set<String> TYPES = Set.of("default", "linear", "dynamic", "llama3", "yarn");

    private static final Set<String> PARAMS = Set.of("rope_type", "type", "rope_theta", "factor", "low_freq_factor",
            "high_freq_factor", "original_max_position_embeddings", "beta_fast", "beta_slow", "attention_factor",
            "truncate", "partial_rotary_factor");

    /**
     * Global and local (sliding-layer) embeddings.
     *
     * @param global the rope of full-attention layers
     * @param local the rope of sliding layers, or null when it is the global one
     */
    record Pair(RopeSpec global, RopeSpec local) {}

    private RopeSpecs() {}

    /**
     * Reads the rope keys of a config.
     *
     * @param f the config's fields
     * @param theta the family's default {@code rope_theta} when the key is absent
     * @param localTheta the default local base when the family has local rope (Gemma 3), else 0
     * @param maxPositions {@code max_position_embeddings}
     * @return the embeddings
     */
    static Pair read(ConfigFields f, double theta, double localTheta, int maxPositions) {
        Pair legacy = legacy(f, theta, localTheta, maxPositions);
        ConfigFields v5 = f.object("rope_parameters");
        if (v5 == null) {
            return legacy;
        }
        Pair now;
        ConfigFields full = v5.object("full_attention");
        if (full != null) {
            ConfigFields sliding = v5.object("sliding_attention");
            RopeSpec local = sliding == null ? null : spec(sliding, null, maxPositions, localTheta);
            now = new Pair(spec(full, null, maxPositions, theta), local);
            rejectUnread(v5);
        } else {
            now = new Pair(spec(v5, null, maxPositions, theta), localTheta > 0 ? RopeSpec.plain(localTheta) : null);
        }
        now = normal(now);
        boolean legacyGiven = f.present("rope_theta") || f.present("rope_scaling") || f.present("rope_local_base_freq");
        if (legacyGiven && !now.equals(legacy)) {
            throw f.refuse("rope_parameters", "contradicts rope_theta/rope_scaling/rope_local_base_freq ("
                    + legacy + " vs " + now + ")");
        }
        return now;
    }

    private static Pair legacy(ConfigFields f, double theta, double localTheta, int maxPositions) {
        if (hasKey(f, "rope_theta")) {
            theta = f.number("rope_theta", Double.NaN); // an explicit null is refused below, never defaulted
        }
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw f.refuse("rope_theta", "must be a positive number");
        }
        ConfigFields scaling = f.object("rope_scaling");
        RopeSpec global = scaling == null ? RopeSpec.plain(theta) : spec(scaling, theta, maxPositions, theta);
        RopeSpec local = null;
        if (localTheta > 0) {
            double base = f.number("rope_local_base_freq", localTheta);
            if (!(base > 0)) {
                throw f.refuse("rope_local_base_freq", "must be a positive number");
            }
            local = RopeSpec.plain(base);
        }
        return normal(new Pair(global, local));
    }

    private static boolean hasKey(ConfigFields f, String key) {
        return !"absent".equals(f.show(key));
    }

    private static Pair normal(Pair p) {
        return p.local() != null && p.local().equals(p.global()) ? new Pair(p.global(), null) : p;
    }

    /** One rope dict; {@code theta} is given for 4.x's rope_scaling (no theta inside), else read from it. */
    private static RopeSpec spec(ConfigFields r, Double theta, int maxPositions, double dfltTheta) {
        String type = r.present("rope_type") ? r.string("rope_type", null) : r.string("type", "default");
        r.ignore("type");
        if (!TYPES.contains(type)) {
            throw r.refuse("rope_type", "is not implemented (implemented: " + TYPES + ")");
        }
        double base = theta != null ? theta : thetaOf(r, dfltTheta);
        if (r.number("partial_rotary_factor", 1.0) != 1.0) {
            throw r.refuse("partial_rotary_factor", "is not implemented (only 1.0)");
        }
        boolean scaled = !"default".equals(type);
        double factor = scaled ? r.number("factor", Double.NaN) : 1.0;
        if (scaled && !(factor > 0)) {
            throw r.refuse("factor", "must be a positive number for rope_type " + type);
        }
        int originalMax = type.equals("llama3") || type.equals("yarn")
                ? r.integer("original_max_position_embeddings", maxPositions) : 0;
        RopeSpec s = switch (type) {
            case "llama3" -> new RopeSpec(type, base, factor, originalMax, r.number("low_freq_factor", Double.NaN),
                    r.number("high_freq_factor", Double.NaN), 0, 0, 1, true);
            case "yarn" -> new RopeSpec(type, base, factor, originalMax, 0, 0, r.number("beta_fast", 32),
                    r.number("beta_slow", 1), r.number("attention_factor", factor <= 1 ? 1 : 0.1 * Math.log(factor) + 1),
                    r.bool("truncate", true));
            default -> new RopeSpec(type, base, factor, 0, 0, 0, 0, 0, 1, true);
        };
        rejectUnread(r);
        return s;
    }

    private static double thetaOf(ConfigFields r, double dflt) {
        double t = r.number("rope_theta", hasKey(r, "rope_theta") ? Double.NaN : dflt);
        if (!(t > 0) || Double.isInfinite(t)) {
            throw r.refuse("rope_theta", "must be a positive number");
        }
        return t;
    }

    private static void rejectUnread(ConfigFields r) {
        for (Map.Entry<String, com.google.gson.JsonElement> e : r.unread().entrySet()) {
            if (!e.getValue().isJsonNull()) {
                String why = PARAMS.contains(e.getKey()) ? "does not apply to this rope_type"
                        : "is not a rope parameter this module implements";
                throw r.refuse(e.getKey(), why);
            }
        }
    }
}
