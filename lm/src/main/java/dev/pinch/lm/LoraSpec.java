package dev.pinch.lm;

import java.util.List;

/**
 * A LoRA configuration (Hu et al. 2021, as in PEFT's {@code LoraConfig}): each targeted projection
 * {@code y = x W^T + b} becomes {@code y + scaling * B(A(dropout(x)))} with {@code A: [rank, in]},
 * {@code B: [out, rank]} and {@code scaling = alpha / rank} (PEFT without rsLoRA).
 *
 * @param rank the rank r (at least 1)
 * @param alpha the scale numerator ({@code lora_alpha})
 * @param dropout dropout on the adapter's input while training, in [0, 1)
 * @param targetModules projection names ({@code q_proj}, {@code k_proj}, {@code v_proj}, {@code o_proj},
 *     {@code gate_proj}, {@code up_proj}, {@code down_proj})
 */
public record LoraSpec(int rank, double alpha, double dropout, List<String> targetModules) {

    /** Every attention and MLP projection of a Llama-family block. */
    public static final List<String> ALL_PROJECTIONS =
            List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

    /** Validates and copies. */
    public LoraSpec {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be >= 1, was " + rank);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("LoRA alpha must be > 0, was " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), was " + dropout);
        }
        targetModules = List.copyOf(targetModules);
        if (targetModules.isEmpty() || !ALL_PROJECTIONS.containsAll(targetModules)) {
            throw new IllegalArgumentException("LoRA targetModules must be a non-empty subset of " + ALL_PROJECTIONS
                    + ", was " + targetModules);
        }
    }

    /** @return {@code alpha / rank} */
    public double scaling() {
        return alpha / rank;
    }

    /**
     * The module path ({@code model.layers.N.self_attn.q_proj}) of a projection weight name, when this spec
     * targets it.
     *
     * @param weightName a Hugging Face parameter name
     * @return the module path, or null when the weight is not targeted
     */
    String targetedModule(String weightName) {
        if (!weightName.startsWith("model.layers.") || !weightName.endsWith(".weight")) {
            return null;
        }
        String module = weightName.substring(0, weightName.length() - ".weight".length());
        String leaf = module.substring(module.lastIndexOf('.') + 1);
        return targetModules.contains(leaf) ? module : null;
    }
}
