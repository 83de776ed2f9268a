package dev.pinch.lm;

import java.util.List;

/**
 * Decoding settings for {@link Generator}.
 *
 * @param maxNewTokens the most tokens to generate per sequence
 * @param temperature 0 for greedy decoding, else the softmax temperature
 * @param topP nucleus sampling: keep the smallest set of tokens whose probability reaches {@code topP}
 *     (1 keeps all); ignored when greedy
 * @param seed seed of the sampler (sequence {@code i} of a batch uses {@code seed + i})
 * @param stopOnEos stop a sequence at its first EOS (the EOS is not returned)
 * @param eosIds EOS ids; empty means the model config's {@code eos_token_id}
 * @param padId id used for left padding and for finished sequences; -1 means the config's pad, else EOS, else 0
 */
public record GenerationOptions(int maxNewTokens, float temperature, float topP, long seed, boolean stopOnEos,
        List<Integer> eosIds, int padId) {

    /** Validates the settings. */
    public GenerationOptions {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0: " + maxNewTokens);
        }
        if (temperature < 0 || Float.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0: " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1]: " + topP);
        }
        eosIds = eosIds == null ? List.of() : List.copyOf(eosIds);
    }

    /**
     * Greedy decoding that stops at EOS.
     *
     * @param maxNewTokens the most tokens to generate
     * @return the options
     */
    public static GenerationOptions greedy(int maxNewTokens) {
        return new GenerationOptions(maxNewTokens, 0f, 1f, 0L, true, List.of(), -1);
    }

    /**
     * Temperature / top-p sampling that stops at EOS.
     *
     * @param maxNewTokens the most tokens to generate
     * @param temperature the temperature (> 0)
     * @param topP the nucleus mass in (0, 1]
     * @param seed the seed
     * @return the options
     */
    public static GenerationOptions sampling(int maxNewTokens, float temperature, float topP, long seed) {
        return new GenerationOptions(maxNewTokens, temperature, topP, seed, true, List.of(), -1);
    }

    /** @return whether decoding is greedy */
    public boolean isGreedy() {
        return temperature == 0f;
    }

    /**
     * @param stop whether to stop at EOS
     * @return a copy with that setting
     */
    public GenerationOptions withStopOnEos(boolean stop) {
        return new GenerationOptions(maxNewTokens, temperature, topP, seed, stop, eosIds, padId);
    }

    /**
     * @param eos the EOS ids (for example the tokenizer's)
     * @return a copy with those ids
     */
    public GenerationOptions withEos(Integer... eos) {
        return new GenerationOptions(maxNewTokens, temperature, topP, seed, stopOnEos, List.of(eos), padId);
    }
}
