package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.cli.api.PinchClient;
import dev.pinch.cli.local.LocalStack;
import dev.pinch.cli.local.StackConfig;
import dev.pinch.events.Topics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault suite, as an outside client with network access would run it against the local stack ({@code bin/pinch
 * up}: the real broker and the three service jars): a table of bad inputs over every REST endpoint of the three
 * services, each answered with a 4xx problem that quotes no file or environment content, and bad records on every
 * consumed topic, each dead-lettered with a reason while the services stay ready. What the services hold (runs,
 * evaluations, corpora, announcements) is counted before and after: bad input creates and loses nothing.
 */
class FaultSuiteTest {

    static LocalStack stack;
    static StackConfig config;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createDirectories(Path.of("target/fault-suite")).toAbsolutePath();
        LocalPipelineTest.deleteStore(data);
        config = new StackConfig(Repo.root(), data, LocalPipelineTest.freePort(), LocalPipelineTest.freePort(),
                LocalPipelineTest.freePort(), LocalPipelineTest.freePort(), StackConfig.currentJava(), Map.of());
        stack = LocalStack.start(config, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    /** One bad request: which service, method, path, content type and body. */
    record Bad(char service, String method, String path, String type, String body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 60 ? body.substring(0, 60) + "…" : body);
            return service + " " + method + " " + path + shown;
        }
    }

    static final String JSON = "application/json";

    static List<Bad> table() {
        List<Bad> t = new ArrayList<>();
        // dataset-service: experiments
        String[] badSpecs = {
            "{", "[]", "\"spec\"", "null", "{\"id\":\"x\",\"corpus\":\"../../etc\"}", "{\"id\":\"x\",\"corpus\":\".\"}",
            "{\"id\":\"x\",\"corpus\":\"a\\\\b\"}", "{\"id\":\"../x\"}", "{\"id\":\"<script>\"}", "{\"id\":\"x\",\"budget\":1.5}",
            "{\"id\":\"x\",\"budget\":-1}", "{\"id\":\"x\",\"budget\":\"many\"}", "{\"id\":\"a\",\"id\":\"b\"}",
            "{\"id\":\"x\",\"training\":{\"lr\":1}}", "{\"id\":\"x\",\"training\":{\"learningRate\":\"fast\"}}",
            "{\"id\":\"x\",\"training\":{\"maxSteps\":1e9}}", "{\"id\":\"x\",\"training\":{\"batchSize\":100000}}",
            "{\"id\":\"x\",\"training\":{\"baseModel\":\"/etc\"}}", "{\"id\":\"x\",\"eval\":{\"maxNewTokens\":100000000}}",
            "{\"id\":\"x\",\"eval\":{\"judge\":{\"type\":\"llm\",\"baseUrl\":\"http://127.0.0.1:1/v1\",\"model\":\"m\","
                    + "\"apiKeyFile\":\"/etc/passwd\"}}}",
            "{\"id\":\"x\",\"eval\":{\"judge\":{\"type\":\"llm\",\"apiKeyEnv\":\"KAFKA_BOOTSTRAP_SERVERS\"}}}",
            "{\"id\":\"x\",\"eval\":{\"promptsPath\":\"/proc/self/environ\"}}",
            "{\"id\":\"x\",\"designs\":[{\"type\":\"nope\"}]}", "{\"id\":\"x\",\"designs\":[{\"type\":\"pinch\",\"percents\":[200]}]}",
            "{\"id\":\"x\",\"seeds\":[1,1]}", "[".repeat(5000) + "]".repeat(5000),
        };
        for (String spec : badSpecs) {
            t.add(new Bad('d', "POST", "/experiments", JSON, spec));
        }
        t.add(new Bad('d', "POST", "/experiments", "text/plain", "id: x"));
        t.add(new Bad('d', "POST", "/experiments", "application/yaml", "id: [x"));
        t.add(new Bad('d', "POST", "/experiments", "application/yaml", "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
                + "d: &d [*c, *c]\ne: &e [*d, *d]\nf: &f [*e, *e]\ng: &g [*f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g]\n"));
        t.add(new Bad('d', "POST", "/experiments", JSON, "{\"id\":\"big\",\"note\":\"" + "x".repeat(12 << 20) + "\"}"));
        for (String id : List.of("..%2F..%2Fetc", "a%00b", "%3Cscript%3E", "nope", "UPPER")) {
            t.add(new Bad('d', "GET", "/experiments/" + id, null, null));
            t.add(new Bad('d', "GET", "/mixes/" + id, null, null));
        }
        t.add(new Bad('d', "GET", "/mixes/nope/examples", null, null));
        t.add(new Bad('d', "DELETE", "/experiments/x", null, null));
        // dataset-service: corpora
        for (String body : List.of("{\"format\":\"jsonl\",\"path\":\"/etc/passwd\",\"name\":\"p\"}",
                "{\"format\":\"jsonl\",\"path\":\"/proc/self/environ\",\"name\":\"e\"}",
                "{\"format\":\"jsonl\",\"path\":\"/dev/zero\",\"name\":\"z\"}", "{\"format\":\"alpaca\",\"path\":\"/\",\"name\":\"r\"}",
                "{\"format\":\"jsonl\",\"path\":\"../../../../etc/passwd\",\"name\":\"t\"}", "{\"format\":\"jsonl\",\"path\":\"/tmp\",\"name\":\"d\"}",
                "{\"format\":\"xml\",\"path\":\"x\",\"name\":\"x\"}", "{}", "{", "{\"format\":\"jsonl\",\"path\":\"x\",\"name\":\"../x\"}")) {
            t.add(new Bad('d', "POST", "/corpora", JSON, body));
        }
        t.add(new Bad('d', "GET", "/corpora/..%2F..%2Fetc", null, null));
        t.add(new Bad('d', "GET", "/corpora/nope", null, null));
        t.add(new Bad('d', "PUT", "/corpora", JSON, "{}"));
        // trainer-service
        t.add(new Bad('t', "GET", "/runs?state=bogus", null, null));
        for (String id : List.of("nope", "..%2F..%2Fetc", "a%00b")) {
            t.add(new Bad('t', "GET", "/runs/" + id, null, null));
            t.add(new Bad('t', "POST", "/runs/" + id + "/cancel", null, null));
        }
        for (String step : List.of("1", "-1", "abc", "99999999999999999999999")) {
            t.add(new Bad('t', "POST", "/runs/nope/checkpoints/" + step + "/merged", null, null));
        }
        t.add(new Bad('t', "POST", "/base-models/other", null, null));
        t.add(new Bad('t', "DELETE", "/runs/x", null, null));
        // evaluator-service
        for (String id : List.of("..%2F..%2Fetc", "a%00b", "%3Cscript%3E", "nope")) {
            t.add(new Bad('e', "GET", "/experiments/" + id + "/report", null, null));
        }
        t.add(new Bad('e', "GET", "/experiments/nope/report?format=exe", null, null));
        t.add(new Bad('e', "GET", "/experiments/nope/report/charts/..%2F..%2Fetc.png", null, null));
        t.add(new Bad('e', "GET", "/experiments/nope/report/charts/x.exe", null, null));
        for (String body : List.of("{", "{}", "[]", "{\"language\":\"en\"}")) {
            t.add(new Bad('e', "POST", "/score", JSON, body));
        }
        t.add(new Bad('e', "POST", "/score", "text/plain", "hello"));
        t.add(new Bad('e', "DELETE", "/evaluations", null, null));
        return t;
    }

    /**
     * Every bad request gets a 4xx problem details body (400 … 499, {@code application/problem+json}) that quotes no
     * file or environment content, and nothing is created: runs, evaluations and corpora are as before.
     */
    @Test
    void everyBadRequestIsRefusedWithA4xxThatLeaksNothingAndCreatesNothing() throws Exception {
        PinchClient client = new PinchClient(config.endpoints());
        int runs = client.runs(null, null).size();
        String corpora = get(config.endpoints().dataset(), "/corpora");
        List<Bad> table = table();
        assertThat(table).hasSizeGreaterThanOrEqualTo(60);
        List<String> failures = new ArrayList<>();
        for (Bad bad : table) {
            Answer r = send(bad);
            if (r.status() < 400 || r.status() >= 500) {
                failures.add(bad + " -> " + r.status() + " " + abbreviated(r.body()));
            } else if (!r.type().startsWith("application/problem+json")) {
                failures.add(bad + " -> " + r.status() + " as " + r.type());
            } else if (leaks(r.body())) {
                failures.add(bad + " -> " + r.status() + " quotes file or environment content: "
                        + abbreviated(r.body()));
            }
        }
        assertThat(failures).as("requests answered wrongly").isEmpty();
        assertThat(client.runs(null, null).size()).isEqualTo(runs);
        assertThat(get(config.endpoints().dataset(), "/corpora")).isEqualTo(corpora);
        assertThat(records(Topics.MIXES)).as("no mix was announced").isEmpty();
    }

    /**
     * Records that are not events (no value, a tombstone-like empty value, undecodable bytes, an event of the wrong
     * type, JSON without the fields) on every topic a service consumes: each is dead-lettered with a reason, every
     * service stays ready, and nothing is trained or evaluated.
     */
    @Test
    void everyBadRecordIsDeadLetteredWithAReasonAndTheServicesStayReady() throws Exception {
        PinchClient client = new PinchClient(config.endpoints());
        List<byte[]> values = new ArrayList<>();
        values.add(null);
        values.add(new byte[0]);
        values.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        values.add("{\"eventType\":\"pinch.evaluation.completed.v1\"}".getBytes(StandardCharsets.UTF_8));
        values.add("{\"experimentId\":\"x\",\"step\":-5}".getBytes(StandardCharsets.UTF_8));
        List<String> topics = List.of(Topics.EXPERIMENTS, Topics.MIXES, Topics.CHECKPOINTS);
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        String run = "fault-" + UUID.randomUUID();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producer)) {
            for (String topic : topics) {
                for (int i = 0; i < values.size(); i++) {
                    p.send(new ProducerRecord<>(topic, (run + "-" + i).getBytes(StandardCharsets.UTF_8), values.get(i)))
                            .get();
                }
            }
        }
        for (String topic : topics) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<ConsumerRecord<byte[], byte[]>> dead;
            do {
                dead = records(Topics.dlq(topic)).stream()
                        .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith(run))
                        .toList();
            } while (dead.size() < values.size() && System.nanoTime() < deadline);
            assertThat(dead).as(topic + ": every bad record dead-lettered").hasSize(values.size());
            assertThat(dead).as(topic + ": each with a reason").allSatisfy(r -> assertThat(
                    r.headers().lastHeader("dead-letter-reason")).isNotNull());
        }
        for (URI service : List.of(config.endpoints().dataset(), config.endpoints().trainer(),
                config.endpoints().evaluator())) {
            assertThat(client.ready(service)).as(service + " ready").isTrue();
        }
        assertThat(client.runs(null, null).size()).isZero();
        assertThat(records(Topics.CHECKPOINTS).stream().filter(r -> r.value() != null && r.value().length > 20
                && new String(r.value(), StandardCharsets.UTF_8).contains("\"uri\""))).isEmpty();
    }

    static boolean leaks(String body) {
        return body.contains("root:") || body.contains("/bin/bash") || body.contains("PATH=")
                || body.contains("JAVA_HOME") || body.contains("localhost:" + config.kafkaPort())
                || body.contains("xxxxxxxxxx");
    }

    static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** What a service answered: status, content type and body. */
    record Answer(int status, String type, String body) {
    }

    static Answer send(Bad bad) throws Exception {
        URI base = switch (bad.service()) {
            case 'd' -> config.endpoints().dataset();
            case 't' -> config.endpoints().trainer();
            default -> config.endpoints().evaluator();
        };
        if (bad.body() != null && bad.body().length() > 1 << 20) {
            return sendOversized(base, bad);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + bad.path()))
                .timeout(Duration.ofSeconds(30));
        if (bad.type() != null) {
            b.header("Content-Type", bad.type());
        }
        b.method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(bad.body()));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /**
     * A body over the services' request limit, over a plain socket: the service may answer and close before the
     * body is through, which the JDK's client reports as a broken pipe instead of the answer.
     */
    static Answer sendOversized(URI base, Bad bad) throws Exception {
        byte[] body = bad.body().getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write((bad.method() + " " + bad.path() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + bad.type()
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int at = 0; at < body.length; at += 1 << 16) {
                    out.write(body, at, Math.min(1 << 16, body.length - at));
                }
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the service refused the body before reading it all; its answer is still to be read
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] headAndBody = response.split("\r\n\r\n", 2);
            String type = headAndBody[0].lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("content-type:")).map(l -> l.substring(13).trim()).findFirst().orElse("");
            return new Answer(Integer.parseInt(headAndBody[0].split(" ")[1]), type,
                    headAndBody.length > 1 ? headAndBody[1] : "");
        }
    }

    static String get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String bootstrap() {
        return "localhost:" + config.kafkaPort();
    }

    /** Every record on {@code topic} so far. */
    static List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }
}
