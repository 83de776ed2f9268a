package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.lm.ByteLevelTokenizer;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.LlamaModel;
import dev.pinch.lm.PinchTokenizer;
import dev.pinch.lm.PromptEncoder;
import dev.pinch.lm.PromptFormat;
import dev.pinch.lm.Safetensors;
import dev.pinch.lm.chat.ChatTemplate;

import dev.pinch.trainer.domain.LossPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end on a tiny Llama: pretraining, then fine-tuning with a crash and a resume. */
class DjlTrainingEngineTest {

    static final LlamaConfig TINY = LlamaConfig.llama(32, 64, 2, 4, 2, 258, 128, null,
            256, 257);

    @TempDir
    static Path dir;

    static Path base;

    static final DjlTrainingEngine ENGINE = new DjlTrainingEngine();

    @BeforeAll
    static void pretrainABaseModel() throws Exception {
        Path text = dir.resolve("text.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("{\"lang\":\"en\",\"text\":\"the cat sat on the mat " + (i % 7) + " times.\"}");
        }
        Files.write(text, lines);
        Path tokenizer = dir.resolve("tok/tokenizer.json");
        Files.createDirectories(tokenizer.getParent());
        ByteLevelTokenizer.write(tokenizer);
        TrainingSettings s = TrainingSettings.from(Map.of("maxSteps", 40, "batchSize", 8, "maxSeqLen", 32,
                "learningRate", 0.01, "warmupSteps", 5, "devEvery", 20, "checkpointEvery", 0, "device", "cpu"));
        TrainingLoopTest.Recorder r = new TrainingLoopTest.Recorder(-1);
        TrainingOutcome out = ENGINE.pretrain(new PretrainJob("pre", text, tokenizer, dir.resolve("pre"), null, s),
                TINY, r, () -> false);
        assertThat(out.steps()).isEqualTo(40);
        assertThat(out.finalLoss()).as("repetitive text is easy").isLessThan(2.0);
        base = out.finalCheckpoint();
    }

    @Test
    void pretrainingWritesAHuggingFaceCheckpoint() throws Exception {
        assertThat(base).isEqualTo(dir.resolve("pre/checkpoints/step-40"));
        Map<?, ?> config = new ObjectMapper().readValue(base.resolve("config.json").toFile(), Map.class);
        assertThat(config.get("architectures")).isEqualTo(List.of("LlamaForCausalLM"));
        assertThat(Safetensors.read(base.resolve("model.safetensors")).keySet())
                .contains("model.embed_tokens.weight", "model.layers.1.self_attn.q_proj.weight", "lm_head.weight");
        assertThat(base.resolve("tokenizer.json")).exists();
        assertThat(base.resolve("tokenizer_config.json")).content().contains("<|endoftext|>");
        TrainerState state = TrainerState.read(base);
        assertThat(state.kind()).isEqualTo("pretrain");
        assertThat(state.device()).isEqualTo("cpu()");
        assertThat(state.precision()).isEqualTo("fp32");
        assertThat(state.lossHistory().get(0).loss()).isGreaterThan(state.lossHistory().getLast().loss());
        assertThat(state.lossHistory()).anyMatch(p -> p.devLoss() != null);
        try (LlamaModel m = LlamaModel.load(base, Device.cpu())) {
            assertThat(m.config().hiddenSize()).isEqualTo(32);
        }
    }

    @Test
    void fineTuningResumesAfterACrashAndMatchesAnUninterruptedRun() throws Exception {
        Path mix = writeMix(dir.resolve("mix.jsonl"), 80);
        Map<String, Object> config = new HashMap<>(Map.of("maxSteps", 6, "batchSize", 4, "gradAccumulation", 2,
                "checkpointEvery", 3, "progressEvery", 1, "devEvery", 2, "maxSeqLen", 96, "warmupSteps", 2));
        TrainingSettings s = TrainingSettings.from(config);
        TrainingLoopTest.Recorder straight = new TrainingLoopTest.Recorder(-1);
        TrainingOutcome a = ENGINE.train(job("a", mix, s, null), straight, () -> false);
        assertThat(a.steps()).isEqualTo(6);
        assertThat(straight.checkpoints).extracting(TrainingCallbacks.Checkpoint::isFinal).containsExactly(false, true);
        TrainingCallbacks.Progress first = straight.lastProgress.get(0);
        assertThat(first.paddingFraction()).isBetween(0.0, 0.2);
        assertThat(first.tokensPerSecond()).isPositive();
        assertThat(straight.lastProgress.get(1).devLoss()).isFinite();

        TrainingLoopTest.Recorder crashing = new TrainingLoopTest.Recorder(4);
        assertThatThrownBy(() -> ENGINE.train(job("b", mix, s, null), crashing, () -> false))
                .hasMessageContaining("crash");
        Path latest = Checkpoints.latest(dir.resolve("work-b")).orElseThrow();
        assertThat(latest.getFileName()).hasToString("step-3");
        TrainingOutcome b = ENGINE.train(job("b", mix, s, latest), new TrainingLoopTest.Recorder(-1), () -> false);
        assertThat(b.steps()).isEqualTo(6);

        TrainerState sa = TrainerState.read(a.finalCheckpoint());
        TrainerState sb = TrainerState.read(b.finalCheckpoint());
        assertThat(sb.lossHistory()).extracting(LossPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sb.heldOutIds()).hasSize(8).isEqualTo(sa.heldOutIds());
        assertThat(sb.mixSha256()).isEqualTo("sha-of-mix");
        assertThat(sb.configHash()).isEqualTo(s.configHash());
        for (int i = 0; i < 6; i++) {
            assertThat(sb.lossHistory().get(i).loss()).isCloseTo(sa.lossHistory().get(i).loss(), offset(1e-5));
        }
        var wa = Safetensors.read(a.finalCheckpoint().resolve("model.safetensors"));
        var wb = Safetensors.read(b.finalCheckpoint().resolve("model.safetensors"));
        for (String name : wa.keySet()) {
            assertThat(floats(wb.get(name).data())).as(name).containsExactly(floats(wa.get(name).data()), offset(1e-6f));
        }
    }

    /** promptTemplate 'chat': the base model's chat template shapes the examples and travels with the checkpoint. */
    @Test
    void fineTuningThroughTheBaseModelsChatTemplate() throws Exception {
        Path chatBase = dir.resolve("chat-base");
        Files.createDirectories(chatBase);
        try (var files = Files.list(base)) {
            for (Path f : files.toList()) {
                Files.copy(f, chatBase.resolve(f.getFileName()));
            }
        }
        String template = "{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}"
                + "{% if m['role'] == 'assistant' %}<|endoftext|>{% endif %}\n{% endfor %}"
                + "{% if add_generation_prompt %}assistant: {% endif %}";
        Files.writeString(chatBase.resolve(ChatTemplate.JINJA_FILE), template);
        Path mix = writeMix(dir.resolve("chat-mix.jsonl"), 40);
        TrainingSettings s = TrainingSettings.from(Map.of("maxSteps", 3, "batchSize", 4, "checkpointEvery", 0,
                "devEvery", 0, "maxSeqLen", 96, "promptTemplate", "chat"));
        TrainingOutcome out = ENGINE.train(new TrainingJob("run-chat", "exp", "mix-1", mix, "sha", chatBase,
                dir.resolve("work-chat"), null, s), new TrainingLoopTest.Recorder(-1), () -> false);
        assertThat(out.steps()).isEqualTo(3);
        assertThat(out.finalLoss()).isFinite();
        assertThat(out.finalCheckpoint().resolve(ChatTemplate.JINJA_FILE)).hasContent(template);
        assertThat(TrainerState.read(out.finalCheckpoint()).settings()).containsEntry("promptTemplate", "chat");
        try (PinchTokenizer tok = PinchTokenizer.load(chatBase.resolve("tokenizer.json"))) {
            PromptFormat.Encoded e = PromptEncoder.of("chat", chatBase).encodeExample(tok, "Which topic?", "sports", 96);
            assertThat(tok.decode(java.util.Arrays.copyOf(e.ids(), e.length() - e.responseTokens())))
                    .as("trim_blocks drops the newline after {% endif %}, as jinja2 does")
                    .isEqualTo("user: Which topic?assistant: ");
            assertThat(e.ids()[e.length() - 1]).as("the turn ends with the template's <|endoftext|>").isEqualTo(tok.eosId());
        }
        assertThatThrownBy(() -> TrainingSettings.from(Map.of("promptTemplate", "no slot")))
                .hasMessageContaining("'chat' or contain {instruction}");
    }

    private static float[] floats(java.nio.ByteBuffer b) {
        java.nio.FloatBuffer f = b.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] out = new float[f.remaining()];
        f.get(out);
        return out;
    }

    private static TrainingJob job(String name, Path mix, TrainingSettings s, Path resume) {
        return new TrainingJob("run-" + name, "exp", "mix-1", mix, "sha-of-mix", base, dir.resolve("work-" + name),
                resume, s);
    }

    static Path writeMix(Path file, int n) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> rows = new ArrayList<>();
        String[] topics = {"sports", "politics", "science", "travel"};
        for (int i = 0; i < n; i++) {
            String sentence = "Sentence " + i + " is about " + topics[i % 4] + " and ".repeat(i % 5) + "more.";
            rows.add(json.writeValueAsString(Map.of("id", "ex-" + i, "lang", "en", "task", "topic", "split", "train",
                    "instruction", sentence + "\nWhich topic?", "response", topics[i % 4])));
        }
        Files.write(file, rows);
        return file;
    }
}
