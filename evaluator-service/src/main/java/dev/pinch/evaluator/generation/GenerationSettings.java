package dev.pinch.evaluator.generation;

import dev.pinch.lm.GenerationOptions;
import java.util.List;

/**
 * How responses are decoded: greedy by default, or temperature + top-p sampling with a seed.
 *
 * @param batchSize    prompts decoded together with one KV cache (>= 1)
 * @param maxNewTokens most new tokens per response (>= 1)
 * @param temperature  0 for greedy decoding, else the sampling temperature
 * @param topP         nucleus mass in (0, 1]
 * @param seed         sampling seed (a batch's sequence {@code i} uses {@code seed + i}; batches are deterministic)
 * @param stopOnEos    whether a response ends at the first EOS
 */
public record GenerationSettings(int batchSize, int maxNewTokens, double temperature, double topP, long seed,
        boolean stopOnEos) {

    /** Validates the settings. */
    public GenerationSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be >= 1, was " + maxNewTokens);
        }
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
    }

    /** Greedy decoding, {@code batchSize} prompts at a time, stopping at EOS. */
    public static GenerationSettings greedy(int batchSize, int maxNewTokens) {
        return new GenerationSettings(batchSize, maxNewTokens, 0, 1, 1, true);
    }

    /** The lm decoding options, stopping at any of {@code eos} and padding with {@code pad}. */
    public GenerationOptions options(List<Integer> eos, int pad) {
        return new GenerationOptions(maxNewTokens, (float) temperature, (float) topP, seed, stopOnEos, eos, pad);
    }
}
