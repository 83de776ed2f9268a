package dev.pinch.evaluator.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.pinch.evaluator.EvalTestData;
import dev.pinch.lm.Generator;
import dev.pinch.lm.PromptFormat;
import dev.pinch.lm.chat.ChatTemplate;
import dev.pinch.store.LocalArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batched KV-cache generation into the response log: stopping, resuming, and what a resume leaves unchanged. */
class ResponseGeneratorTest {

    @TempDir
    static Path tmp;
    static Path checkpoint;

    @BeforeAll
    static void tinyCheckpoint() throws Exception {
        checkpoint = EvalTestData.writeCheckpointDir(tmp.resolve("ckpt"), 5);
    }

    static Map<String, List<EvalPrompt>> prompts() {
        Map<String, List<EvalPrompt>> out = new LinkedHashMap<>();
        for (String lang : List.of("en", "fi", "sw")) {
            out.put(lang, List.of(
                    new EvalPrompt("a", lang, "topic", "Short " + lang, "x"),
                    new EvalPrompt("b", lang, "topic", "A somewhat longer instruction in " + lang, "y"),
                    new EvalPrompt("c", lang, "translation", "Translate: " + lang + " " + lang, "z"),
                    new EvalPrompt("d", lang, "translation", "Q" + lang, "w")));
        }
        return out;
    }

    static Supplier<CheckpointModel> loader(AtomicInteger loads) {
        return () -> {
            loads.incrementAndGet();
            return CheckpointModel.load(checkpoint, Device.cpu(), DataType.FLOAT32);
        };
    }

    @Test
    void aStoppedRunContinuesWhereItStoppedAndMatchesAnUninterruptedOne() throws Exception {
        GenerationSettings settings = GenerationSettings.greedy(2, 10);
        AtomicInteger loads = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger();
        ResponseLog log = new ResponseLog(new LocalArtifactStore(tmp.resolve("store")), "exp", "ckpt", "set");
        ResponseGenerator generator = new ResponseGenerator(loader(loads), settings,
                (lang, n, tokens, elapsed) -> batches.incrementAndGet());

        // stop after three batches: en done (2 batches), half of fi
        ResponseGenerator.Outcome stopped = generator.run(prompts(), log, () -> batches.get() >= 3);
        assertThat(stopped.finished()).isFalse();
        assertThat(stopped.generated()).isEqualTo(Map.of("en", 4, "fi", 2));
        Map<String, GeneratedResponse> enBefore = log.read("en");
        assertThat(log.read("fi")).hasSize(2);
        assertThat(log.read("sw")).isEmpty();

        ResponseGenerator.Outcome resumed = generator.run(prompts(), log, () -> false);
        assertThat(resumed.finished()).isTrue();
        assertThat(resumed.generated()).isEqualTo(Map.of("fi", 2, "sw", 4));
        assertThat(resumed.tokens()).isPositive();
        assertThat(log.read("en")).isEqualTo(enBefore);
        assertThat(loads.get()).isEqualTo(2);

        ResponseGenerator.Outcome nothing = generator.run(prompts(), log, () -> false);
        assertThat(nothing.finished()).isTrue();
        assertThat(nothing.generated()).isEmpty();
        assertThat(loads.get()).as("nothing left to do: the model is not loaded").isEqualTo(2);

        ResponseLog whole = new ResponseLog(new LocalArtifactStore(tmp.resolve("store2")), "exp", "ckpt", "set");
        new ResponseGenerator(loader(new AtomicInteger()), settings, (l, n, t, e) -> { }).run(prompts(), whole, () -> false);
        for (String lang : List.of("en", "fi", "sw")) {
            assertThat(log.read(lang)).as(lang).containsExactlyInAnyOrderEntriesOf(whole.read(lang));
        }
        GeneratedResponse r = log.read("sw").get("c");
        assertThat(r.instruction()).isEqualTo("Translate: sw sw");
        assertThat(r.reference()).isEqualTo("z");
        assertThat(r.tokens()).isBetween(0, 10);
    }

    @Test
    void theCheckpointsPromptTemplateIsUsedAndLongPromptsKeepTheirEnd() {
        try (CheckpointModel model = CheckpointModel.load(checkpoint, Device.cpu(), DataType.FLOAT32)) {
            assertThat(model.format()).isEqualTo(new PromptFormat(EvalTestData.TEMPLATE));
            assertThat(model.eosIds()).containsExactly(256);
            assertThat(model.padId()).isEqualTo(257);
            int[] ids = model.encodePrompt("x".repeat(1000), 64);
            assertThat(ids).hasSize(256 - 64);
            assertThat(model.decode(ids)).endsWith("</user>\n<bot>");
            int[] nextTurn = {'f', 'i', 'n', 'e', ' ', '<', 'u', 's', 'e', 'r', '>', 'n', 256, 257};
            assertThat(model.decode(nextTurn)).as("cut where the model starts a new turn").isEqualTo("fine");
        }
    }

    /** A plain HF model (no trainer state), prompted through its chat template because the eval config says so. */
    @Test
    void theEvalConfigsChatTemplateOverridesForAPlainModel() throws Exception {
        Path plain = Files.createTempDirectory("hf").resolve("m");
        EvalTestData.writeCheckpointDir(plain, 5);
        Files.delete(plain.resolve(CheckpointModel.TRAINER_STATE));
        Files.writeString(plain.resolve(ChatTemplate.JINJA_FILE), "{% for m in messages %}<|pad|>{{ m.role }}\n"
                + "{{ m.content }}<|endoftext|>{% endfor %}{% if add_generation_prompt %}<|pad|>assistant\n{% endif %}");
        try (CheckpointModel model = CheckpointModel.load(plain, Device.cpu(), DataType.FLOAT32)) {
            assertThat(model.format()).isEqualTo(PromptFormat.defaults());
        }
        try (CheckpointModel model = CheckpointModel.load(plain, Device.cpu(), DataType.FLOAT32, "chat")) {
            int[] ids = model.encodePrompt("hi", 16);
            assertThat(ids[0]).isEqualTo(257);
            assertThat(ids).hasSize(1 + "user\nhi".length() + 1 + 1 + "assistant\n".length());
            assertThat(model.eosIds()).containsExactly(256);
            assertThat(model.decode(new int[] {'o', 'k', ' ', 256})).isEqualTo("ok");
            GenerationSettings settings = GenerationSettings.greedy(1, 6);
            List<int[]> out = new Generator(model.model()).generate(List.of(ids), settings.options(model.eosIds(), model.padId()));
            assertThat(out.get(0)).hasSizeLessThanOrEqualTo(6).doesNotContain(256);
        }
        assertThatThrownBy(() -> CheckpointModel.load(checkpoint, Device.cpu(), DataType.FLOAT32, "chat"))
                .hasMessageContaining("needs a chat template");
    }
}
