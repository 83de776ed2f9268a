package dev.pinch.events.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.events.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsContractTest {

    @Test
    void defaultsAreDocumentedValuesAndLeftOutDefaultsKeepTheHash() {
        TrainingSettings d = TrainingSettings.defaults();
        assertThat(d.learningRate()).isEqualTo(1e-3);
        assertThat(d.batchSize()).isEqualTo(16);
        assertThat(d.baseModel()).isEqualTo(TrainingSettings.BUILTIN);
        assertThat(TrainingSettings.from(Map.of("learningRate", 1e-3, "batchSize", 16)).configHash())
                .isEqualTo(d.configHash()).matches("[0-9a-f]{64}");
        assertThat(TrainingSettings.from(Map.of("learningRate", 2e-3)).configHash()).isNotEqualTo(d.configHash());
    }

    @Test
    void loraSettingsHaveDefaultsAreHashedAndRoundTripWhileMemorySettingsAreNot() {
        TrainingSettings full = TrainingSettings.defaults();
        assertThat(full.lora()).isNull();
        TrainingSettings lora = TrainingSettings.from(Map.of("lora", Map.of("rank", 8)));
        assertThat(lora.lora()).isEqualTo(new LoraSettings(8, 32, 0, LoraSettings.ALL_PROJECTIONS));
        assertThat(lora.configHash()).as("LoRA settings are part of the run's identity").isNotEqualTo(full.configHash());
        assertThat(TrainingSettings.from(new java.util.HashMap<>(lora.asMap()))).isEqualTo(lora);
        assertThat(TrainingSettings.from(Map.of("gradientCheckpointing", true, "memoryLimitGb", 12)).configHash())
                .as("memory settings change how, not what, a run computes").isEqualTo(full.configHash());

        List<Violation> out = new ArrayList<>();
        TrainingSettings.read(Map.of("lora", Map.of("rank", 0, "targetModules", List.of("lm_head"), "r", 4),
                "gradientCheckpointing", "yes"), "training", out);
        assertThat(out).extracting(Violation::field).containsExactlyInAnyOrder("training.lora.rank",
                "training.lora.targetModules", "training.lora.r", "training.gradientCheckpointing");
        assertThat(TrainingSettings.from(Map.of("gradientCheckpointing", true, "lora", Map.of("dropout", 0.1)))
                .lora().dropout()).as("LoRA dropout combines with checkpointing: its masks are seeded").isEqualTo(0.1);
    }

    @Test
    void theLossAverageIsTokenByDefaultAndHashedOnlyWhenItIsExample() {
        TrainingSettings d = TrainingSettings.defaults();
        assertThat(d.lossAverage()).isEqualTo(LossAverage.TOKEN);
        assertThat(TrainingSettings.from(Map.of("lossAverage", "token")).configHash()).isEqualTo(d.configHash());
        TrainingSettings example = TrainingSettings.from(Map.of("lossAverage", " example "));
        assertThat(example.lossAverage()).isEqualTo(LossAverage.EXAMPLE);
        assertThat(example.configHash()).as("it changes what a run computes").isNotEqualTo(d.configHash());
        assertThat(example.asMap()).containsEntry("lossAverage", "example");
        assertThat(TrainingSettings.from(new java.util.HashMap<>(example.asMap()))).isEqualTo(example);

        List<Violation> out = new ArrayList<>();
        TrainingSettings.read(Map.of("lossAverage", "sequence"), "training", out);
        assertThat(out).extracting(v -> v.field() + ": " + v.reason())
                .containsExactly("training.lossAverage: must be token or example, was sequence");
    }

    @Test
    void settingsRoundTripThroughTheirOwnMapWithTheTemplateAsWritten() {
        TrainingSettings d = TrainingSettings.defaults();
        TrainingSettings back = TrainingSettings.from(new java.util.HashMap<>(d.asMap()));
        assertThat(back).isEqualTo(d);
        assertThat(back.promptTemplate()).isEqualTo(TrainingSettings.DEFAULT_TEMPLATE).endsWith("\n");
        assertThat(back.configHash()).isEqualTo(d.configHash());
    }

    @Test
    void everyBadTrainingValueAndUnknownKeyIsNamedInOnePass() {
        List<Violation> out = new ArrayList<>();
        TrainingSettings.read(Map.of("learningRate", -1, "batchSize", 1.5, "device", "tpu", "learnRate", 1),
                "training", out);
        assertThat(out).extracting(Violation::field).containsExactlyInAnyOrder("training.learningRate",
                "training.batchSize", "training.device", "training.learnRate");
        assertThat(out).filteredOn(v -> v.field().equals("training.learnRate")).singleElement()
                .extracting(Violation::reason).asString().contains("is not a setting here", "learningRate");
    }

    @Test
    void trainingAndEvalShareOneDeviceAndPrecisionVocabulary() {
        ComputeDevice gpu2 = new ComputeDevice(ComputeDevice.Kind.GPU, 2);
        assertThat(TrainingSettings.from(Map.of("device", "CUDA:2")).device()).isEqualTo(gpu2);
        assertThat(EvalSettings.from(Map.of("device", " gpu:2 ")).device()).isEqualTo(gpu2);
        assertThat(gpu2).hasToString("gpu:2");
        assertThat(EvalSettings.from(Map.of("device", "gpu:0")).device()).isEqualTo(ComputeDevice.parse("cuda").get())
                .hasToString("gpu");
        assertThat(TrainingSettings.defaults().device()).isEqualTo(ComputeDevice.AUTO);
        assertThat(TrainingSettings.from(Map.of("device", "cuda", "precision", "BF16")).asMap())
                .containsEntry("device", "gpu").containsEntry("precision", "bf16");
        assertThat(TrainingSettings.from(Map.of("device", "cuda:0")).configHash())
                .isEqualTo(TrainingSettings.from(Map.of("device", "gpu")).configHash());
        assertThat(TrainingSettings.defaults().configHash()).as("the spellings keep the hashes of existing runs")
                .isEqualTo("05a41e84c4924bd7056fc3f5cf9ed2d382f07e198c6225d98aa07fa988fd8120");
        assertThat(EvalSettings.from(Map.of("precision", "fp16")).precision()).isEqualTo(Precision.FP16);
        assertThat(EvalSettings.from(Map.of("precision", "auto")).precision()).isEqualTo(Precision.AUTO);

        List<Violation> out = new ArrayList<>();
        TrainingSettings.read(Map.of("device", "gpu:x", "precision", "fp16"), "training", out);
        EvalSettings.read(Map.of("device", "tpu", "precision", "bf16"), "eval", out);
        EvalSettings.read(Map.of("device", 1), "eval", out);
        assertThat(out).extracting(v -> v.field() + ": " + v.reason()).containsExactly(
                "training.device: must be auto, cpu, gpu or gpu:N (cuda, cuda:N alike), was gpu:x",
                "training.precision: must be auto, fp32 or bf16, was fp16",
                "eval.device: must be auto, cpu, gpu or gpu:N (cuda, cuda:N alike), was tpu",
                "eval.precision: must be auto, fp32 or fp16, was bf16",
                "eval.device: must be auto, cpu, gpu or gpu:N (cuda, cuda:N alike), was 1");
        assertThatThrownBy(() -> ComputeDevice.of("tpu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was tpu");
    }

    @Test
    void everyBadEvalValueIsNamedByItsPathJudgeIncluded() {
        List<Violation> out = new ArrayList<>();
        EvalSettings.read(Map.of("maxNewTokens", "many", "tempreature", 0.5,
                "judge", Map.of("type", "llm", "name", "Qwen/7b"),
                "secondJudge", Map.of("type", "llm", "colour", "red")),
                "eval", out);
        assertThat(out).extracting(Violation::field).containsExactlyInAnyOrder("eval.maxNewTokens",
                "eval.tempreature", "eval.judge.name", "eval.secondJudge.name", "eval.secondJudge.colour");
        out.clear();
        EvalSettings.read(Map.of("languages", List.of("en", "e1", 7)), "eval", out);
        assertThat(out).containsExactly(new Violation("eval.languages[1]", "must be a language code, was e1"),
                new Violation("eval.languages[2]", "must be a language code, was 7"));
    }

    @Test
    void anExperimentCannotNameAnEndpointAFileOrAnEnvironmentVariableForItsJudge() {
        List<Violation> out = new ArrayList<>();
        EvalSettings.read(Map.of("judge", Map.of("type", "llm", "name", "qwen", "baseUrl", "http://127.0.0.1:18999/v1",
                "model", "m", "apiKeyFile", "/some/secret", "apiKeyEnv", "KAFKA_BOOTSTRAP_SERVERS"),
                "secondJudge", Map.of("type", "reference", "apiKey", "sk-secret", "maxConcurrency", 1000)), "eval", out);
        assertThat(out).extracting(Violation::field).containsExactlyInAnyOrder("eval.judge.baseUrl",
                "eval.judge.model", "eval.judge.apiKeyFile", "eval.judge.apiKeyEnv", "eval.secondJudge.apiKey",
                "eval.secondJudge.maxConcurrency");
        assertThat(out).allSatisfy(v -> assertThat(v.reason()).contains("is not accepted in an experiment",
                "pinch.evaluator.judges.<name>").doesNotContain("/some/secret", "sk-secret", "18999"));
    }

    @Test
    void upperBoundsAreViolationsNamingTheFieldAndTheBound() {
        List<Violation> out = new ArrayList<>();
        TrainingSettings.read(Map.of("maxSteps", 1e9, "batchSize", 100_000, "maxSeqLen", 1 << 20, "epochs", 1000),
                "training", out, SettingsLimits.DEFAULTS);
        EvalSettings.read(Map.of("maxNewTokens", 1e8, "maxPromptsPerLanguage", 1_000_000, "batchSize", 5000),
                "eval", out, SettingsLimits.DEFAULTS);
        assertThat(out).extracting(Violation::field).containsExactlyInAnyOrder("training.maxSteps",
                "training.batchSize", "training.maxSeqLen", "training.epochs", "eval.maxNewTokens",
                "eval.maxPromptsPerLanguage", "eval.batchSize");
        assertThat(out).filteredOn(v -> v.field().equals("training.maxSteps")).singleElement()
                .extracting(Violation::reason).asString().contains("<= 1000000");
        List<Violation> none = new ArrayList<>();
        TrainingSettings.read(Map.of("maxSteps", 1_000_000, "batchSize", 1024), "training", none, SettingsLimits.DEFAULTS);
        EvalSettings.read(Map.of("maxNewTokens", 4096), "eval", none, SettingsLimits.DEFAULTS);
        assertThat(none).isEmpty();
    }

    @Test
    void promptsPathIsRelativeToTheEvaluatorsPromptsRoot() {
        assertThat(EvalSettings.from(Map.of("promptsPath", "team-a/prompts.v2.jsonl")).promptsPath())
                .isEqualTo("team-a/prompts.v2.jsonl");
        for (String bad : List.of("/etc/passwd", "../x.jsonl", "a/../../b", ".hidden", "a\\b", "/proc/self/environ")) {
            assertThatThrownBy(() -> EvalSettings.from(Map.of("promptsPath", bad))).as(bad)
                    .hasMessageStartingWith("eval.promptsPath: must be a relative path under the evaluator's prompts root");
        }
    }

    @Test
    void aValidEvalConfigIsTypedAndAbsentValuesAreNull() {
        EvalSettings s = EvalSettings.from(Map.of("languages", List.of("en", "fi", "en"), "temperature", 0,
                "judge", Map.of("type", "llm", "name", "qwen")));
        assertThat(s.languages()).containsExactly("en", "fi");
        assertThat(s.temperature()).isZero();
        assertThat(s.maxNewTokens()).isNull();
        assertThat(s.judge().isReference()).isFalse();
        assertThat(s.judge().name()).isEqualTo("qwen");
        assertThat(EvalSettings.from(null).judge()).isNull();
        assertThatThrownBy(() -> EvalSettings.from(Map.of("judge", "llm")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("eval.judge: must be");
    }

    @Test
    void aSettingsObjectThatIsNoObjectIsOneViolation() {
        List<Violation> out = new ArrayList<>();
        TrainingSettings.read(List.of(1), "training", out);
        assertThat(out).containsExactly(new Violation("training", "must be an object"));
    }

    @Test
    void aBaseModelDirectoryMustHoldAConfig(@TempDir Path dir) throws Exception {
        assertThat(BaseModelCheck.problem(TrainingSettings.BUILTIN)).isEmpty();
        assertThat(BaseModelCheck.problem(dir.resolve("nope").toString())).get().asString().contains("does not exist");
        assertThat(BaseModelCheck.problem(dir.toString())).get().asString().contains("no readable config.json");
        Files.writeString(dir.resolve("config.json"), "{}");
        assertThat(BaseModelCheck.problem(dir.toString())).isEmpty();
    }
}
