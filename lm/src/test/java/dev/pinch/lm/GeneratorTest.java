package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KV-cache generation against full-sequence decoding; batching, EOS and sampling. */
class GeneratorTest {

    private static final List<int[]> PROMPTS =
            List.of(new int[] {3, 14, 15, 92, 65}, new int[] {35, 89}, new int[] {79, 32, 38, 46, 26, 43, 38, 32});

    /** Greedy decoding that re-runs the whole sequence for every token (the reference). */
    private static int[] naiveGreedy(LlamaModel model, int[] prompt, int n) {
        List<Long> seq = new ArrayList<>();
        Arrays.stream(prompt).forEach(t -> seq.add((long) t));
        int[] out = new int[n];
        try (NDManager m = model.manager().newSubManager()) {
            for (int i = 0; i < n; i++) {
                long[] ids = seq.stream().mapToLong(Long::longValue).toArray();
                NDArray logits = model.forward(m.create(ids, new Shape(1, ids.length)));
                out[i] = (int) logits.get("0, -1, :").argMax().getLong();
                seq.add((long) out[i]);
            }
        }
        return out;
    }

    @Test
    void cachedGreedyEqualsFullSequenceGreedyAloneAndBatched() {
        for (String name : List.of("llama", "qwen2")) {
            try (LlamaModel model = LlamaModel.load(TestData.golden(name), Device.cpu())) {
                Generator gen = new Generator(model);
                GenerationOptions opts = GenerationOptions.greedy(12).withStopOnEos(false);
                List<int[]> batched = gen.generate(PROMPTS, opts);
                for (int i = 0; i < PROMPTS.size(); i++) {
                    int[] expected = naiveGreedy(model, PROMPTS.get(i), 12);
                    assertThat(gen.generate(List.of(PROMPTS.get(i)), opts).get(0)).as(name + " alone").containsExactly(expected);
                    assertThat(batched.get(i)).as(name + " batched " + i).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void stopsAtEosWithoutReturningIt() {
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu())) {
            Generator gen = new Generator(model);
            int[] full = gen.generate(List.of(PROMPTS.get(0)), GenerationOptions.greedy(10).withStopOnEos(false)).get(0);
            int eos = full[3];
            int firstEos = Arrays.stream(full).boxed().toList().indexOf(eos);
            int[] stopped = gen.generate(List.of(PROMPTS.get(0)), GenerationOptions.greedy(10).withEos(eos)).get(0);
            assertThat(stopped).containsExactly(Arrays.copyOf(full, firstEos));
        }
    }

    @Test
    void samplingIsSeededAndTinyTopPIsGreedy() {
        try (LlamaModel model = LlamaModel.load(TestData.golden("qwen2"), Device.cpu())) {
            Generator gen = new Generator(model);
            GenerationOptions hot = GenerationOptions.sampling(16, 1.5f, 0.95f, 11).withStopOnEos(false);
            List<int[]> a = gen.generate(PROMPTS, hot);
            List<int[]> b = gen.generate(PROMPTS, hot);
            for (int i = 0; i < PROMPTS.size(); i++) {
                assertThat(a.get(i)).containsExactly(b.get(i));
                assertThat(a.get(i)).hasSize(16);
                assertThat(Arrays.stream(a.get(i)).allMatch(t -> t >= 0 && t < 101)).isTrue();
            }
            List<int[]> other = gen.generate(PROMPTS, GenerationOptions.sampling(16, 1.5f, 0.95f, 12).withStopOnEos(false));
            assertThat(other.get(0)).isNotEqualTo(a.get(0));
            List<int[]> nucleus = gen.generate(PROMPTS, GenerationOptions.sampling(8, 1f, 1e-6f, 3).withStopOnEos(false));
            List<int[]> greedy = gen.generate(PROMPTS, GenerationOptions.greedy(8).withStopOnEos(false));
            for (int i = 0; i < PROMPTS.size(); i++) {
                assertThat(nucleus.get(i)).containsExactly(greedy.get(i));
            }
        }
    }

    @Test
    void neverRunsPastMaxPositions() {
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu())) {
            int[] out = new Generator(model).generate(List.of(new int[60]), GenerationOptions.greedy(50).withStopOnEos(false)).get(0);
            assertThat(out).hasSize(4); // max_position_embeddings is 64
        }
    }
}
