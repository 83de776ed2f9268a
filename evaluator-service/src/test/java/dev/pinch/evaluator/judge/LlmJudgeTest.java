package dev.pinch.evaluator.judge;

import static dev.pinch.evaluator.judge.FakeChatServer.answer;
import static dev.pinch.evaluator.judge.FakeChatServer.delayed;
import static dev.pinch.evaluator.judge.FakeChatServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.evaluator.judge.Verdict.Choice;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM judge against a local server speaking the OpenAI chat-completions protocol. */
class LlmJudgeTest {

    private static final Duration MS_10 = Duration.ofMillis(10);
    private FakeChatServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmJudgeConfig.Builder config() {
        return LlmJudgeConfig.builder(server.baseUrl(), "judge-7b").retries(3, MS_10, Duration.ofMillis(40))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private static JudgeRequest req(String a, String b) {
        return new JudgeRequest("fi", "continuation", "Jatka tekstiä.", "viite", a, b);
    }

    @Test
    void readsAnswersAndSendsAnOpenAiRequestWithTheBearerKey() {
        server.then(answer("**A**"), answer("Response B"), answer("tie"));
        LlmJudge judge = new LlmJudge(config().apiKey(ApiKey.of("sk-test")).build());
        assertThat(judge.compare(req("a1", "b1")).choice()).isEqualTo(Choice.A);
        assertThat(judge.compare(req("a2", "b2")).choice()).isEqualTo(Choice.B);
        Verdict tie = judge.compare(req("a3", "b3"));
        assertThat(tie.choice()).isEqualTo(Choice.TIE);
        assertThat(tie.explanation()).contains("tie");

        FakeChatServer.Received first = server.received().get(0);
        assertThat(first.path()).isEqualTo("/v1/chat/completions");
        assertThat(first.authorization()).isEqualTo("Bearer sk-test");
        assertThat(first.body().get("model").asText()).isEqualTo("judge-7b");
        assertThat(first.body().get("temperature").asDouble()).isZero();
        assertThat(first.body().at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(first.body().at("/messages/0/content").asText())
                .contains("Finnish").contains("Jatka tekstiä.").contains("a1").contains("b1");
        assertThat(judge.id()).isEqualTo("llm:judge-7b");
    }

    @Test
    void sendsNoAuthorizationWithoutKey() {
        new LlmJudge(config().build()).compare(req("a", "b"));
        assertThat(server.received().get(0).authorization()).isNull();
    }

    @Test
    void timeoutsAreRetried() {
        server.then(delayed(answer("A"), 5_000), answer("B"));
        LlmJudge judge = new LlmJudge(config().timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).build());
        assertThat(judge.compare(req("a", "b")).choice()).isEqualTo(Choice.B);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void persistentTimeoutsFailClearly() {
        server.otherwise(delayed(answer("A"), 5_000));
        LlmJudge judge = new LlmJudge(config().timeouts(Duration.ofSeconds(1), Duration.ofMillis(500)).build());
        assertThatThrownBy(() -> judge.compare(req("a", "b"))).isInstanceOf(JudgeException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("timed out");
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void serverErrorsAreRetriedUntilSuccess() {
        server.then(status(503), status(500), answer("B"));
        assertThat(new LlmJudge(config().build()).compare(req("a", "b")).choice()).isEqualTo(Choice.B);
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void persistentServerErrorsFailAfterMaxAttempts() {
        server.otherwise(status(503));
        LlmJudge judge = new LlmJudge(config().apiKey(ApiKey.of("sk-hidden")).build());
        assertThatThrownBy(() -> judge.compare(req("a", "b"))).isInstanceOf(JudgeException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("after 3 attempts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-hidden"));
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void failuresNeverEchoTheResponseBodyNorTheEndpoint() {
        String leaked = "root:x:0:0:internal-service-secret";
        server.then(new FakeChatServer.Reply(403, leaked, 0));
        LlmJudge judge = new LlmJudge(config().build());
        assertThatThrownBy(() -> judge.compare(req("a", "b"))).isInstanceOf(JudgeException.class)
                .hasMessageContaining("HTTP 403").hasMessageNotContaining("internal-service-secret")
                .hasMessageNotContaining(server.baseUrl());
        server.otherwise(new FakeChatServer.Reply(200, "{\"leak\":\"" + leaked + "\"}", 0));
        assertThatThrownBy(() -> judge.compare(req("c", "d"))).hasMessageContaining("choices[0].message.content")
                .hasMessageNotContaining("internal-service-secret");
        server.otherwise(new FakeChatServer.Reply(500, leaked, 0));
        assertThatThrownBy(() -> judge.compare(req("e", "f"))).hasMessageContaining("HTTP 500")
                .hasMessageNotContaining("internal-service-secret");
    }

    @Test
    void clientErrorsAreNotRetriedButRateLimitsAre() {
        server.then(status(400));
        LlmJudge judge = new LlmJudge(config().build());
        assertThatThrownBy(() -> judge.compare(req("a", "b"))).isInstanceOf(JudgeException.class)
                .hasMessageContaining("HTTP 400");
        assertThat(server.requests()).isEqualTo(1);
        server.then(status(401));
        assertThatThrownBy(() -> judge.compare(req("a", "b"))).hasMessageContaining("HTTP 401");
        assertThat(server.requests()).isEqualTo(2);
        server.then(status(429), answer("A"));
        assertThat(judge.compare(req("a", "b")).choice()).isEqualTo(Choice.A);
        assertThat(server.requests()).isEqualTo(4);
    }

    @Test
    void malformedAnswersAreRetriedThenFailClearly() {
        server.then(answer("I cannot decide."), new FakeChatServer.Reply(200, "not json", 0),
                new FakeChatServer.Reply(200, "{\"choices\":[]}", 0));
        server.otherwise(answer("A"));
        LlmJudge judge = new LlmJudge(config().retries(4, MS_10, MS_10).build());
        assertThat(judge.compare(req("a", "b")).choice()).isEqualTo(Choice.A);
        assertThat(server.requests()).isEqualTo(4);

        server.otherwise(answer("Response A is fluent but Response B is correct."));
        assertThatThrownBy(() -> judge.compare(req("x", "y"))).isInstanceOf(JudgeException.class)
                .hasMessageContaining("no verdict").hasMessageNotContaining("Response B is correct");
        assertThat(server.requests()).isEqualTo(8);
    }

    @Test
    void connectionErrorsAreRetried() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        LlmJudge judge = new LlmJudge(LlmJudgeConfig.builder("http://127.0.0.1:" + closedPort + "/v1", "m")
                .retries(2, MS_10, MS_10).build());
        assertThatThrownBy(() -> judge.compare(req("a", "b"))).isInstanceOf(JudgeException.class)
                .hasMessageContaining("connection failed").hasMessageContaining("after 2 attempts");
    }

    @Test
    void cachedVerdictsCostNothingAcrossRestarts(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("verdicts.jsonl");
        server.then(answer("B"));
        LlmJudge judge = new LlmJudge(config().cacheFile(cache).build());
        assertThat(judge.compare(req("a", "b")).choice()).isEqualTo(Choice.B);
        assertThat(judge.compare(req("a", "b")).choice()).isEqualTo(Choice.B);
        assertThat(server.requests()).isEqualTo(1);

        Files.writeString(cache, "{\"truncated\n", java.nio.file.StandardOpenOption.APPEND);
        LlmJudge restarted = new LlmJudge(config().cacheFile(cache).build());
        assertThat(restarted.cachedVerdicts()).isEqualTo(1);
        assertThat(restarted.compare(req("a", "b")).choice()).isEqualTo(Choice.B);
        assertThat(server.requests()).isEqualTo(1);

        restarted.compare(req("b", "a"));
        new LlmJudge(config().cacheFile(cache).template(new PromptTemplate("{{response_a}} vs {{response_b}}")).build())
                .compare(req("a", "b"));
        LlmJudge otherModel = new LlmJudge(LlmJudgeConfig.builder(server.baseUrl(), "other").cacheFile(cache).build());
        otherModel.compare(req("a", "b"));
        assertThat(server.requests()).isEqualTo(4);
        assertThat(Files.readAllLines(cache)).hasSize(5);
    }

    @Test
    void concurrencyLimitIsHonoured() throws Exception {
        server.otherwise(delayed(answer("A"), 150));
        LlmJudge judge = new LlmJudge(config().maxConcurrency(2).build());
        List<Future<Verdict>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                JudgeRequest r = req("a" + i, "b" + i);
                futures.add(pool.submit(() -> judge.compare(r)));
            }
            for (Future<Verdict> f : futures) {
                assertThat(f.get().choice()).isEqualTo(Choice.A);
            }
        }
        assertThat(server.requests()).isEqualTo(8);
        assertThat(server.maxInFlight()).isEqualTo(2);
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        LlmJudge judge = new LlmJudge(config().retries(6, Duration.ofMillis(100), Duration.ofMillis(500)).build());
        assertThat(List.of(judge.backoff(1), judge.backoff(2), judge.backoff(3), judge.backoff(4), judge.backoff(40)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(config().build().endpoint().toString()).endsWith("/v1/chat/completions");
        assertThat(LlmJudgeConfig.builder("http://h:1/v1/", "m").build().endpoint().toString())
                .isEqualTo("http://h:1/v1/chat/completions");
    }
}
