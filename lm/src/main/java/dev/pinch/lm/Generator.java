package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batched text generation with a KV cache: the prompts (left-padded to the same length) run once, then
 * each step feeds only the newly chosen token of every sequence, so the cost of a token does not grow with
 * a re-run of the sequence. Greedy, or temperature + top-p sampling with a seed.
 */
public final class Generator {

    private final LlamaModel model;

    /**
     * @param model the model to decode with
     */
    public Generator(LlamaModel model) {
        this.model = model;
    }

    /**
     * Generates a continuation of every prompt.
     *
     * @param prompts token ids of each prompt (non-empty)
     * @param options the decoding settings
     * @return for each prompt, the new tokens (without the prompt and without the stopping EOS)
     */
    public List<int[]> generate(List<int[]> prompts, GenerationOptions options) {
        int b = prompts.size();
        if (b == 0) {
            return List.of();
        }
        int longest = prompts.stream().mapToInt(p -> p.length).max().orElse(0);
        if (prompts.stream().anyMatch(p -> p.length == 0)) {
            throw new IllegalArgumentException("Every prompt needs at least one token");
        }
        LlamaConfig c = model.config();
        int budget = Math.min(options.maxNewTokens(), c.maxPositionEmbeddings() - longest);
        List<Integer> eos = options.eosIds().isEmpty() ? c.eosTokenIds() : options.eosIds();
        int pad = options.padId() >= 0 ? options.padId()
                : c.padTokenId() != null ? c.padTokenId() : eos.isEmpty() ? 0 : eos.get(0);
        long[] ids = new long[b * longest];
        long[] mask = new long[b * longest];
        boolean padded = false;
        for (int i = 0; i < b; i++) {
            int[] p = prompts.get(i);
            int off = longest - p.length;
            padded |= off > 0;
            Arrays.fill(ids, i * longest, i * longest + off, pad);
            for (int j = 0; j < p.length; j++) {
                ids[i * longest + off + j] = p[j];
                mask[i * longest + off + j] = 1;
            }
        }
        List<List<Integer>> out = new ArrayList<>();
        SplittableRandom[] rng = new SplittableRandom[b];
        for (int i = 0; i < b; i++) {
            out.add(new ArrayList<>());
            rng[i] = new SplittableRandom(options.seed() + i);
        }
        boolean[] done = new boolean[b];
        try (KvCache cache = model.newCache((long) longest + budget); NDManager m = model.manager().newSubManager()) {
            long[] next;
            try (NDManager step = m.newSubManager()) {
                NDArray in = step.create(ids, new Shape(b, longest));
                NDArray logits = padded ? model.forward(in, step.create(mask, new Shape(b, longest)), cache)
                        : model.forward(in, cache);
                next = budget > 0 ? choose(logits.get(new NDIndex(":, -1, :")), options, rng) : null;
            }
            for (int t = 0; t < budget; t++) {
                boolean all = true;
                for (int i = 0; i < b; i++) {
                    if (!done[i]) {
                        int tok = (int) next[i];
                        if (options.stopOnEos() && eos.contains(tok)) {
                            done[i] = true;
                        } else {
                            out.get(i).add(tok);
                        }
                    }
                    if (done[i]) {
                        next[i] = pad;
                    }
                    all &= done[i];
                }
                if (all || t == budget - 1) {
                    break;
                }
                try (NDManager step = m.newSubManager()) {
                    NDArray logits = model.forward(step.create(next, new Shape(b, 1)), cache);
                    next = choose(logits.get(new NDIndex(":, -1, :")), options, rng);
                }
            }
        }
        return out.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static long[] choose(NDArray last, GenerationOptions o, SplittableRandom[] rng) {
        if (o.isGreedy()) {
            return last.argMax(-1).toLongArray();
        }
        NDArray probs = last.div(o.temperature()).softmax(-1);
        NDArray order = probs.argSort(-1, false);
        float[] p = probs.toFloatArray();
        long[] idx = order.toLongArray();
        int v = (int) last.getShape().get(1);
        long[] next = new long[rng.length];
        for (int i = 0; i < rng.length; i++) {
            next[i] = Sampling.nucleus(p, idx, i * v, v, o.topP(), rng[i].nextDouble());
        }
        return next;
    }
}
