package dev.pinch.evaluator.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.evaluator.EvalTestData;
import dev.pinch.evaluator.FreshStoreTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.EvaluationReady;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Topics;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An experiment whose eval config names the operator's {@code llm} judge {@code fake}, a local OpenAI-compatible
 * server that always prefers position A, called with the key from the variable the operator named: every prompt ties in the two orders (SxS 50), the baseline's self-comparison costs no
 * request, and the verdicts land in the work directory's cache.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshStoreTestResource.class)
@QuarkusTestResource(FakeJudgeTestResource.class)
class LlmJudgePipelineTest {

    @Inject
    ArtifactStore store;

    @Test
    void theOperatorsLlmJudgeNamedByTheEvalConfigScoresSxs() throws Exception {
        EvalTestData.writeCorpus(store);
        String exp = EvalTestData.newExperimentId();
        FakeChatServer server = FakeJudgeTestResource.server;
        Map<String, Object> eval = Map.of("corpus", EvalTestData.CORPUS, "languages", List.of("fi"),
                "maxNewTokens", 8, "judge", Map.of("type", "llm", "name", "fake"));
        CheckpointReady baseline = ready(exp, "mono-fi", "monolingual", 31, eval);
        CheckpointReady candidate = ready(exp, "pinch-p10", "pinch", 32, eval);
        KafkaTestClient.send(Topics.CHECKPOINTS, baseline.runId(), EventCodec.encode(baseline));
        KafkaTestClient.send(Topics.CHECKPOINTS, baseline.runId(), EventCodec.encode(candidate));

        EvaluationReady b = evaluation(candidate.experimentId(), baseline.checkpointId());
        EvaluationReady c = evaluation(candidate.experimentId(), candidate.checkpointId());
        assertThat(b.judge()).isEqualTo("llm-fake");
        assertThat(b.scores().get("fi")).containsEntry("sxs", 50.0);
        assertThat(c.scores().get("fi")).containsEntry("sxs", 50.0);
        assertThat(server.requests()).as("4 prompts x 2 orders for the candidate only").isEqualTo(8);
        assertThat(server.received()).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + FakeJudgeTestResource.KEY);
            assertThat(r.body().path("model").asText()).isEqualTo("fake/judge");
        });
        Path cache = Path.of("target/evaluator-work-test/verdicts/llm-fake.jsonl");
        assertThat(Files.readAllLines(cache)).hasSize(8);
    }

    CheckpointReady ready(String exp, String mix, String type, long seed, Map<String, Object> eval) throws Exception {
        Artifact a = EvalTestData.storeCheckpoint(store, exp + "." + mix + ".abc123", seed);
        return EvalTestData.checkpointReady(exp, mix, EvalTestData.design(type, "fi"), a, a.sha256(), true, eval);
    }

    static EvaluationReady evaluation(String exp, String checkpointId) {
        List<EvaluationReady> all = KafkaTestClient.await(Topics.EVALUATIONS, r -> checkpointId.equals(r.key()), 1,
                Duration.ofMinutes(2)).stream()
                .map(r -> EventCodec.decode(r.value(), EvaluationReady.class, EvaluationReady.TYPE)).toList();
        return all.get(all.size() - 1);
    }
}
