package dev.pinch.dataset.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dev.pinch.broker.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
public class ExperimentResourceTest {

    static String newId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String spec(String id, String designs) {
        return """
                {"id": "%s", "budget": 240, "seed": 7, "training": {"learningRate": 0.0003}, "eval": {"judge": "reference"},
                 "designs": [%s]}""".formatted(id, designs);
    }

    @Test
    void acceptsThePaperDesignsAndServesTheirMixes() {
        String id = newId();
        String body = spec(id, """
                {"type": "monolingual", "languages": ["en", "fi"]},
                {"type": "pinch", "percents": [0, 10, 100], "multilingualCounts": [40]}""");

        given().contentType(ContentType.JSON).body(body).post("/experiments")
                .then().statusCode(202)
                .header("Location", containsString("/experiments/" + id))
                .body("id", equalTo(id))
                .body("mixes", hasSize(6))
                .body("mixes.id", hasItems(id + ".mono-en", id + ".mono-fi", id + ".pinch-p0", id + ".pinch-p10",
                        id + ".pinch-p100", id + ".pinch-n40"))
                .body("mixes.find { it.id == '" + id + ".pinch-n40' }.counts.en", equalTo(200))
                .body("mixes.find { it.id == '" + id + ".pinch-p100' }.total", equalTo(240));

        given().get("/experiments/" + id).then().statusCode(200)
                .body("spec.budget", equalTo(240))
                .body("spec.training.learningRate", equalTo(0.0003f))
                .body("corpus.name", equalTo("builtin"));

        given().get("/mixes/" + id + ".pinch-n40").then().statusCode(200)
                .body("mixId", equalTo(id + ".pinch-n40"))
                .body("design.type", equalTo("pinch"))
                .body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));

        String jsonl = given().get("/mixes/" + id + ".mono-fi/examples").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(240).allSatisfy(l -> assertThat(l).contains("\"lang\":\"fi\"").contains("\"split\":\"train\""));
    }

    @Test
    void acceptsYaml() {
        String id = newId();
        String yaml = """
                id: %s
                budget: 120
                designs:
                  - type: bilingual-pairs
                    languages: [en, fi, ar, sw]
                """.formatted(id);
        given().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/experiments")
                .then().statusCode(202).body("mixes", hasSize(2));
    }

    @Test
    void theSameSpecTwiceIsOneExperimentAndADifferentSpecIsAConflict() {
        String id = newId();
        String body = spec(id, "{\"type\": \"monolingual\", \"languages\": [\"sw\"]}");
        String first = given().contentType(ContentType.JSON).body(body).post("/experiments")
                .then().statusCode(202).extract().asString();
        String second = given().contentType(ContentType.JSON).body(body).post("/experiments")
                .then().statusCode(202).extract().asString();
        assertThat(second).isEqualTo(first);

        given().contentType(ContentType.JSON).body(spec(id, "{\"type\": \"monolingual\", \"languages\": [\"fi\"]}"))
                .post("/experiments")
                .then().statusCode(409).body("detail", containsString("already exists with a different spec"));
    }

    @Test
    void unknownExperimentsAndMixesAre404() {
        given().get("/experiments/nope-" + UUID.randomUUID()).then().statusCode(404).body("status", equalTo(404));
        given().get("/mixes/nope.mono-en").then().statusCode(404);
        given().get("/mixes/..%2F..%2Fetc/examples").then().statusCode(404);
    }

    static Map<String, String> badSpecs() {
        return Map.ofEntries(
                Map.entry("{\"type\": \"quadrilingual\"}", "designs[0].type"),
                Map.entry("{\"type\": \"monolingual\", \"languages\": [\"xx\"]}", "designs[0].languages[0]"),
                Map.entry("{\"type\": \"monolingual\", \"languages\": [\"de\"]}", "designs[0].languages[0]"),
                Map.entry("{\"type\": \"pinch\", \"percents\": [10, 120]}", "designs[0].percents[1]"),
                Map.entry("{\"type\": \"pinch\", \"percents\": [-1]}", "designs[0].percents[0]"),
                Map.entry("{\"type\": \"monolingual\", \"languages\": [\"en\"], \"percent\": 3}", "designs[0].percent"));
    }

    @Test
    void everyInvalidSpecIs400NamingTheField() {
        badSpecs().forEach((design, field) -> given().contentType(ContentType.JSON)
                .body(spec(newId(), design)).post("/experiments")
                .then().statusCode(400)
                .body("violations.field", hasItems(field)));
    }

    @Test
    void invalidTopLevelFieldsAre400() {
        given().contentType(ContentType.JSON).body("{\"designs\": []}").post("/experiments")
                .then().statusCode(400).body("violations[0].field", equalTo("designs"));
        given().contentType(ContentType.JSON)
                .body("{\"corpus\": \"no-such-corpus\", \"designs\": [{\"type\": \"multilingual\"}]}")
                .post("/experiments")
                .then().statusCode(400).body("violations[0].field", equalTo("corpus"))
                .body("violations[0].reason", containsString("unknown corpus 'no-such-corpus'"));
        given().contentType(ContentType.JSON)
                .body("{\"budget\": 100000000, \"designs\": [{\"type\": \"multilingual\"}]}").post("/experiments")
                .then().statusCode(400).body("violations.field", hasItems("budget"));
        given().contentType(ContentType.JSON).body("{\"id\": \"Bad Id!\", \"designs\": [{\"type\": \"multilingual\"}]}")
                .post("/experiments")
                .then().statusCode(400).body("violations.field", hasItems("id"));
    }

    @Test
    void malformedBodiesAre400() {
        given().contentType(ContentType.JSON).body("{\"designs\": [").post("/experiments")
                .then().statusCode(400).body("violations[0].field", equalTo("body"))
                .body("violations[0].reason", containsString("malformed JSON"));
        given().contentType("application/yaml").body("designs: [\n  - type: pinch\n   oops: : :".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/experiments")
                .then().statusCode(400).body("violations[0].field", equalTo("body"))
                .body("violations[0].reason", containsString("malformed YAML"));
        given().contentType(ContentType.JSON).body("").post("/experiments")
                .then().statusCode(400).body("violations[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"budget\": \"many\", \"designs\": [{\"type\": \"multilingual\"}]}")
                .post("/experiments")
                .then().statusCode(400).body("violations[0].field", equalTo("budget"));
        given().contentType(ContentType.JSON).body("{\"budget\": 1.5, \"designs\": [{\"type\": \"multilingual\"}]}")
                .post("/experiments")
                .then().statusCode(400).body("violations[0].field", equalTo("budget"));
        given().contentType(ContentType.JSON)
                .body("{\"budget\": 10, \"budget\": 20, \"designs\": [{\"type\": \"multilingual\"}]}")
                .post("/experiments")
                .then().statusCode(400).body("violations[0].reason", containsString("Duplicate field 'budget'"));
        given().contentType("application/yaml")
                .body("budget: 10\nbudget: 20\ndesigns: [{type: multilingual}]\n".getBytes(StandardCharsets.UTF_8))
                .post("/experiments")
                .then().statusCode(400).body("violations[0].reason", containsString("Duplicate field 'budget'"));
    }

    /** Bad training and eval values, unknown keys in both, a base model that is not there: one 400 naming each. */
    public static final String BAD_SETTINGS = """
            "training": {"learningRate": -1, "batchSize": 2.5, "learnRate": 1, "baseModel": "/nonexistent/model"},
            "eval": {"maxNewTokens": "many", "tempreature": 0.5,
                     "judge": {"type": "llm", "name": "local", "baseUrl": "http://127.0.0.1:18999/v1",
                               "apiKeyFile": "/some/secret", "apiKeyEnv": "KAFKA_BOOTSTRAP_SERVERS"}}""";

    public static final List<String> BAD_SETTINGS_FIELDS = List.of("training.learningRate", "training.batchSize",
            "training.learnRate", "training.baseModel", "eval.maxNewTokens", "eval.tempreature", "eval.judge.baseUrl",
            "eval.judge.apiKeyFile", "eval.judge.apiKeyEnv");

    @Test
    void badSettingsAreOne400ListingEveryViolationAndNothingIsStored() {
        String id = newId();
        given().contentType(ContentType.JSON).body("{\"id\": \"" + id + "\", \"budget\": 60, " + BAD_SETTINGS
                        + ", \"designs\": [{\"type\": \"monolingual\", \"languages\": [\"en\"]}]}")
                .post("/experiments")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:pinch:problem:invalid-experiment"))
                .body("violations.field", hasItems(BAD_SETTINGS_FIELDS.toArray(String[]::new)))
                .body("violations.find { it.field == 'training.baseModel' }.reason",
                        containsString("/nonexistent/model does not exist"))
                .body("violations.find { it.field == 'eval.tempreature' }.reason", containsString("temperature"))
                .body("violations.find { it.field == 'eval.judge.apiKeyFile' }.reason",
                        containsString("is not accepted in an experiment"))
                .body(org.hamcrest.Matchers.not(containsString("/some/secret")));
        given().get("/experiments/" + id).then().statusCode(404);
        given().get("/mixes/" + id + ".mono-en").then().statusCode(404);
    }

    @Test
    void runawaySettingsAreRefusedByTheDefaultBounds() {
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "budget": 60, "training": {"maxSteps": 1e9, "batchSize": 100000, "maxSeqLen": 1048576},
                 "eval": {"maxNewTokens": 1e8, "maxPromptsPerLanguage": 1000000},
                 "designs": [{"type": "monolingual", "languages": ["en"]}]}""".formatted(newId()))
                .post("/experiments").then().statusCode(400)
                .body("violations.field", hasItems("training.maxSteps", "training.batchSize", "training.maxSeqLen",
                        "eval.maxNewTokens", "eval.maxPromptsPerLanguage"));
        given().contentType(ContentType.JSON).body("{\"designs\": [], \"eval\": {\"a\": " + "[".repeat(40) + "1"
                + "]".repeat(40) + "}}").post("/experiments").then().statusCode(400)
                .body("violations[0].reason", containsString("deeper than 32 levels"));
    }

    @Test
    void anLlmJudgeIsOneTheOperatorOffersByName() {
        String spec = "{\"id\": \"%s\", \"budget\": 60, \"eval\": {\"judge\": {\"type\": \"llm\", \"name\": \"%s\"}},"
                + " \"designs\": [{\"type\": \"monolingual\", \"languages\": [\"en\"]}]}";
        given().contentType(ContentType.JSON).body(spec.formatted(newId(), "nosuch")).post("/experiments")
                .then().statusCode(400).body("violations.field", hasItems("eval.judge.name"))
                .body("violations.find { it.field == 'eval.judge.name' }.reason",
                        containsString("no judge named 'nosuch' is offered here"));
        given().contentType(ContentType.JSON).body(spec.formatted(newId(), "local")).post("/experiments")
                .then().statusCode(202);
    }

    @Test
    void anEvalPromptSourceThatIsNotThereIs400() {
        given().contentType(ContentType.JSON).body("{\"id\": \"" + newId() + "\", \"budget\": 60, "
                        + "\"eval\": {\"corpus\": \"no-such-corpus\"}, "
                        + "\"designs\": [{\"type\": \"monolingual\", \"languages\": [\"en\"]}]}")
                .post("/experiments")
                .then().statusCode(400).body("violations.field", hasItems("eval.corpus"));
        given().contentType(ContentType.JSON).body("{\"id\": \"" + newId() + "\", \"budget\": 60, "
                        + "\"eval\": {\"promptsPath\": \"/nonexistent/prompts.jsonl\"}, "
                        + "\"designs\": [{\"type\": \"monolingual\", \"languages\": [\"en\"]}]}")
                .post("/experiments")
                .then().statusCode(400).body("violations.field", hasItems("eval.promptsPath"));
    }
}
