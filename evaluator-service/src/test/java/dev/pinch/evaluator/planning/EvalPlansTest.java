package dev.pinch.evaluator.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.evaluator.EvalTestData;
import dev.pinch.evaluator.FreshStoreTestResource;
import dev.pinch.evaluator.generation.GenerationSettings;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.EventCodec;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a checkpoint's eval config, the experiment record and the service defaults become its eval plan. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshStoreTestResource.class)
class EvalPlansTest {

    @Inject
    EvalPlans plans;
    @Inject
    ArtifactStore store;

    String exp;
    Artifact fake;

    @BeforeEach
    void corpus() throws Exception {
        EvalTestData.writeCorpus(store);
        exp = EvalTestData.newExperimentId();
        fake = new Artifact("x", store.uri("checkpoints/x"), "0".repeat(64), 0);
    }

    CheckpointReady checkpoint(Map<String, Object> eval, String... designLanguages) {
        return EvalTestData.checkpointReady(exp, "mix", EvalTestData.design("pinch", designLanguages), fake,
                fake.sha256(), true, eval);
    }

    void write(String key, Object json) throws Exception {
        store.writeBytes(key, EventCodec.encode(json).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theExperimentRecordGivesCorpusAndLanguages() throws Exception {
        write("experiments/" + exp + "/experiment.json", Map.of("id", exp,
                "corpus", Map.of("name", EvalTestData.CORPUS, "version", EvalTestData.VERSION),
                "spec", Map.of("languages", List.of("sw", "en", "de")),
                "mixes", List.of(Map.of("design", Map.of("type", "monolingual", "languages", List.of("fi"))))));
        EvalPlan plan = plans.plan(checkpoint(Map.of(), "en"));
        assertThat(plan.evalSet()).isEqualTo(EvalTestData.EVAL_SET);
        assertThat(plan.corpusSplit()).isEqualTo("test");
        assertThat(plan.languages()).containsExactly("sw", "en", "fi");
        assertThat(plan.experimentLanguages()).containsExactlyInAnyOrder("sw", "en", "fi", "de");
        assertThat(plan.maxPromptsPerLanguage()).isEqualTo(50);
        assertThat(plan.generation()).isEqualTo(GenerationSettings.greedy(8, 128));
        assertThat(plan.judge()).isEqualTo(JudgeSpec.reference(1.0));
        assertThat(plan.secondJudge()).isNull();
        assertThat(plan.device()).isEqualTo("cpu");
        assertThat(plan.precision()).as("the evaluator's auto").isEqualTo("fp32");
        EvalPlan onGpu = plans.plan(checkpoint(Map.of("device", "CUDA:1", "precision", "fp16"), "en"));
        assertThat(onGpu.device()).as("one spelling per device").isEqualTo("gpu:1");
        assertThat(onGpu.precision()).isEqualTo("fp16");
        assertThat(plan.promptTemplate()).as("each checkpoint's own").isNull();
        assertThat(plans.prompts(plan).get("sw")).hasSize(4);
        assertThat(plans.plan(checkpoint(Map.of("promptTemplate", "chat"), "en")).promptTemplate()).isEqualTo("chat");
    }

    @Test
    void withoutARecordTheMixManifestNamesTheCorpusAndThePapersLanguagesAreUsed() throws Exception {
        write("mixes/" + exp + ".mix.manifest.json", Map.of("mixId", exp + ".mix",
                "corpus", Map.of("name", EvalTestData.CORPUS, "version", EvalTestData.VERSION)));
        EvalPlan plan = plans.plan(checkpoint(Map.of("maxPromptsPerLanguage", 2, "temperature", 0.7, "topP", 0.9,
                "seed", 5, "maxNewTokens", 20, "batchSize", 4, "stopOnEos", false), "en"));
        assertThat(plan.languages()).containsExactly("en", "fi", "sw");
        assertThat(plan.generation()).isEqualTo(new GenerationSettings(4, 20, 0.7, 0.9, 5, false));
        assertThat(plans.prompts(plan).get("fi")).extracting(p -> p.task()).containsExactly("topic", "translation");
    }

    @Test
    void userPromptsAreCopiedIntoTheStoreAndNameTheEvalSet() throws Exception {
        Path root = Files.createDirectories(Path.of("target/prompts-test/team"));
        Path file = root.resolve("prompts-" + exp + ".jsonl");
        Files.writeString(file, """
                {"id":"q1","lang":"fi","instruction":"Kerro vitsi."}
                {"id":"q2","lang":"fi","instruction":"Mikä on Suomen pääkaupunki?","reference":"Helsinki"}
                """);
        Map<String, Object> judge = Map.of("type", "llm", "name", "local");
        String relative = "team/" + file.getFileName();
        EvalPlan plan = plans.plan(checkpoint(Map.of("promptsPath", relative, "judge", judge), "en"));
        assertThat(plan.evalSet()).startsWith("prompts-").hasSize("prompts-".length() + 12);
        assertThat(plan.corpusSplit()).isNull();
        assertThat(plan.promptsUri()).startsWith(store.uri("evaluator/prompts").toString());
        assertThat(plan.languages()).containsExactly("fi");
        assertThat(plan.judge().name()).isEqualTo("llm-local");
        assertThat(plans.prompts(plan).get("fi")).extracting(p -> p.reference()).containsExactly(null, "Helsinki");
        String viaUri = plans.plan(checkpoint(Map.of("promptsUri", plan.promptsUri()), "en")).evalSet();
        assertThat(viaUri).isEqualTo(plan.evalSet());
    }

    @Test
    void promptFilesAreReadOnlyUnderThePromptsRootAndTheirTextIsNeverQuoted() throws Exception {
        Path root = Files.createDirectories(Path.of("target/prompts-test"));
        Path secret = Files.writeString(Files.createTempFile("secret", ".jsonl"), "root:x:0:0:secret-line\n");
        Path link = root.resolve("link-" + exp + ".jsonl");
        Files.createSymbolicLink(link, secret);
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("promptsPath", link.getFileName().toString()), "en")))
                .hasMessageContaining("eval.promptsPath: is outside the directory files may be read from "
                        + "(pinch.evaluator.prompts-root)").hasMessageNotContaining("secret-line");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("promptsUri", secret.toUri().toString()), "en")))
                .hasMessageContaining("eval.promptsUri: cannot be read").hasMessageNotContaining("secret-line");
        Path notJson = Files.writeString(root.resolve("bad-" + exp + ".jsonl"), "root:x:0:0:secret-line\n");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("promptsPath", notJson.getFileName().toString()), "en")))
                .hasMessageContaining("eval.promptsPath: is not a valid prompts JSONL: line 1: not JSON")
                .hasMessageNotContaining("secret-line").hasMessageNotContaining("root:x");
    }

    @Test
    void unusableSettingsNameTheirField() {
        Map<String, Object> eval = new LinkedHashMap<>(EvalTestData.evalConfig());
        eval.put("temperature", -1);
        assertThatThrownBy(() -> plans.plan(checkpoint(eval, "en"))).hasMessageContaining("eval.temperature");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("corpus", "nope"), "en")))
                .hasMessage("eval.corpus: names corpus 'nope', which is not in the artifact store");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("corpus", EvalTestData.CORPUS, "judge",
                Map.of("type", "llm", "name", "local", "apiKey", "secret")), "en")))
                .hasMessageContaining("eval.judge.apiKey: is not accepted").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("corpus", EvalTestData.CORPUS, "judge",
                Map.of("type", "llm", "name", "nosuch")), "en")))
                .hasMessageContaining("eval.judge.name: no judge named 'nosuch' is configured on the evaluator");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("corpus", EvalTestData.CORPUS, "judge", "llm"), "en")))
                .hasMessageContaining("eval.judge: must be 'reference' or an object");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("corpus", EvalTestData.CORPUS, "secondJudge",
                Map.of("type", "llm")), "en")))
                .hasMessageContaining("eval.secondJudge.name: is required for an llm judge");
        assertThat(plans.plan(checkpoint(Map.of("corpus", EvalTestData.CORPUS, "secondJudge", Map.of("type",
                "llm", "name", "local")), "en")).secondJudge().name()).isEqualTo("llm-local");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("corpus", EvalTestData.CORPUS, "device", "tpu"), "en")))
                .hasMessageContaining("eval.device: must be auto, cpu, gpu or gpu:N (cuda, cuda:N alike), was tpu");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("promptsPath", "/nonexistent/p.jsonl"), "en")))
                .hasMessageStartingWith("eval.promptsPath: must be a relative path under the evaluator's prompts root");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("promptsPath", "nonexistent/p.jsonl"), "en")))
                .hasMessageStartingWith("eval.promptsPath: no such file or directory under pinch.evaluator.prompts-root");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("corpus", EvalTestData.CORPUS,
                "languages", List.of("en", 3)), "en"))).hasMessageContaining("eval.languages[1]");
        assertThatThrownBy(() -> plans.plan(checkpoint(Map.of("corpus", EvalTestData.CORPUS, "promptTemplate", "Q:"), "en")))
                .hasMessageContaining("eval.promptTemplate: must be 'chat' or contain {instruction}");
    }
}
