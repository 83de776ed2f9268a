package dev.pinch.lm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rotary embedding's parameters, as transformers' {@code modeling_rope_utils} reads them: the base and
 * how the inverse frequencies are scaled ({@code default}, {@code linear}, {@code dynamic}, {@code llama3},
 * {@code yarn}). Parsed once by {@link RopeSpecs}; {@link #invFreq} and {@link #attentionScaling} give the
 * frequencies and the cos/sin scale exactly as transformers computes them (fp32 inverse frequencies).
 *
 * @param type the {@code rope_type}
 * @param theta {@code rope_theta}, positive
 * @param factor scaling factor (linear, dynamic, llama3, yarn); 1 for default
 * @param originalMax {@code original_max_position_embeddings} (llama3, yarn), else 0
 * @param lowFreqFactor llama3's {@code low_freq_factor}, else 0
 * @param highFreqFactor llama3's {@code high_freq_factor}, else 0
 * @param betaFast yarn's {@code beta_fast} (default 32), else 0
 * @param betaSlow yarn's {@code beta_slow} (default 1), else 0
 * @param attentionFactor yarn's {@code attention_factor} (default 0.1 ln(factor) + 1), else 1
 * @param truncate yarn's {@code truncate} (default true)
 */
public record RopeSpec(String type, double theta, double factor, int originalMax, double lowFreqFactor,
        double highFreqFactor, double betaFast, double betaSlow, double attentionFactor, boolean truncate) {

    /** Validates the parameters. */
    public RopeSpec {
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("rope_theta must be a positive number, was " + theta);
        }
        if (!(factor > 0)) {
            throw new IllegalArgumentException("rope factor must be positive, was " + factor);
        }
        if (("llama3".equals(type) || "yarn".equals(type)) && originalMax <= 0) {
            throw new IllegalArgumentException(type + " rope needs original_max_position_embeddings > 0");
        }
        if ("llama3".equals(type) && !(highFreqFactor > lowFreqFactor && lowFreqFactor > 0)) {
            throw new IllegalArgumentException("llama3 rope needs high_freq_factor > low_freq_factor > 0, were "
                    + highFreqFactor + " and " + lowFreqFactor);
        }
    }

    /**
     * Plain rotary embeddings with base {@code theta}.
     *
     * @param theta the base
     * @return the spec
     */
    public static RopeSpec plain(double theta) {
        return new RopeSpec("default", theta, 1, 0, 0, 0, 0, 0, 1, true);
    }

    /** @return whether the frequencies depend on the sequence length ({@code dynamic}) */
    public boolean dynamic() {
        return "dynamic".equals(type);
    }

    /** @return the factor cos and sin are multiplied by (yarn's attention factor, else 1) */
    public double attentionScaling() {
        return "yarn".equals(type) ? attentionFactor : 1.0;
    }

    /**
     * The inverse frequencies of a head of {@code dim} dimensions, in fp32 as transformers computes them.
     *
     * @param dim the rotated dimensions (head_dim)
     * @param seqLen the sequence length of this forward (only {@code dynamic} uses it)
     * @param maxPositions the config's {@code max_position_embeddings} (only {@code dynamic} uses it)
     * @return {@code dim / 2} inverse frequencies
     */
    public float[] invFreq(int dim, int seqLen, int maxPositions) {
        double base = theta;
        if (dynamic()) {
            double len = Math.max(seqLen, maxPositions);
            base = theta * Math.pow(factor * len / maxPositions - (factor - 1), (double) dim / (dim - 2));
        }
        float[] inv = new float[dim / 2];
        for (int i = 0; i < inv.length; i++) {
            // torch: 1.0 / (base ** (arange(0, dim, 2).float() / dim)) — the exponent is an fp32 tensor
            float exponent = (float) (2 * i) / dim;
            inv[i] = 1f / (float) Math.pow((float) base, exponent);
        }
        return switch (type) {
            case "default", "dynamic" -> inv;
            case "linear" -> scaled(inv);
            case "llama3" -> llama3(inv);
            case "yarn" -> yarn(inv, dim, base);
            default -> throw new IllegalStateException("rope_type " + type);
        };
    }

    private float[] scaled(float[] inv) {
        float[] out = new float[inv.length];
        for (int i = 0; i < inv.length; i++) {
            out[i] = inv[i] / (float) factor;
        }
        return out;
    }

    private float[] llama3(float[] inv) {
        double lowWavelen = originalMax / lowFreqFactor;
        double highWavelen = originalMax / highFreqFactor;
        float[] out = new float[inv.length];
        for (int i = 0; i < inv.length; i++) {
            float wavelen = (float) (2 * Math.PI / inv[i]);
            if (wavelen > lowWavelen) {
                out[i] = inv[i] / (float) factor;
            } else if (wavelen < highWavelen) {
                out[i] = inv[i];
            } else {
                float smooth = (float) ((originalMax / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor));
                out[i] = (1 - smooth) * inv[i] / (float) factor + smooth * inv[i];
            }
        }
        return out;
    }

    private float[] yarn(float[] inv, int dim, double base) {
        double low = correctionDim(betaFast, dim, base);
        double high = correctionDim(betaSlow, dim, base);
        if (truncate) {
            low = Math.floor(low);
            high = Math.ceil(high);
        }
        low = Math.max(low, 0);
        high = Math.min(high, dim - 1);
        if (low == high) {
            high += 0.001;
        }
        float[] out = new float[inv.length];
        for (int i = 0; i < inv.length; i++) {
            float pos = (float) Math.pow((float) base, (float) (2 * i) / dim);
            float extrapolation = 1f / pos;
            float interpolation = 1f / ((float) factor * pos);
            float ramp = (float) Math.min(1, Math.max(0, (i - low) / (high - low)));
            float extrapolationFactor = 1 - ramp;
            out[i] = interpolation * (1 - extrapolationFactor) + extrapolation * extrapolationFactor;
        }
        return out;
    }

    private double correctionDim(double rotations, int dim, double base) {
        return dim * Math.log(originalMax / (rotations * 2 * Math.PI)) / (2 * Math.log(base));
    }

    /** @return the transformers-5 {@code rope_parameters} object of this spec */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rope_type", type);
        m.put("rope_theta", theta);
        switch (type) {
            case "linear", "dynamic" -> m.put("factor", factor);
            case "llama3" -> {
                m.put("factor", factor);
                m.put("low_freq_factor", lowFreqFactor);
                m.put("high_freq_factor", highFreqFactor);
                m.put("original_max_position_embeddings", originalMax);
            }
            case "yarn" -> {
                m.put("factor", factor);
                m.put("original_max_position_embeddings", originalMax);
                m.put("beta_fast", betaFast);
                m.put("beta_slow", betaSlow);
                m.put("attention_factor", attentionFactor);
                m.put("truncate", truncate);
            }
            default -> { }
        }
        return m;
    }
}
