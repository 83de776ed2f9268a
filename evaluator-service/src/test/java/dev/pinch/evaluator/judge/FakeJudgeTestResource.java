package dev.pinch.evaluator.judge;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The operator's judge {@code fake} of the evaluator under test: a {@link FakeChatServer} configured as
 * {@code pinch.evaluator.judges.fake.*}, its key in the environment variable {@code PINCH_TEST_JUDGE_KEY} (set by
 * surefire). Its verdict cache is removed first, so that each run asks the server again.
 */
public class FakeJudgeTestResource implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "sk-operator-test";
    static volatile FakeChatServer server;

    @Override
    public Map<String, String> start() {
        try {
            Files.deleteIfExists(Path.of("target/evaluator-work-test/verdicts/llm-fake.jsonl"));
            server = new FakeChatServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("pinch.evaluator.judges.fake.base-url", server.baseUrl(),
                "pinch.evaluator.judges.fake.model", "fake/judge",
                "pinch.evaluator.judges.fake.api-key-env", "PINCH_TEST_JUDGE_KEY",
                "pinch.evaluator.judges.fake.max-attempts", "1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
