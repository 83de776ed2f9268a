package dev.pinch.evaluator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** POST /score: sacrebleu's values, and a 400 naming the field for every kind of bad request. */
@QuarkusTest
class ScoreResourceTest {

    private static final String HYP = "今天天气很好，我们去公园散步吧。";
    private static final String REF = "今天天气不错，我们去公园走走吧。";

    static ValidatableResponse post(String body) {
        return given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .contentType(ContentType.JSON).body(body).post("/score").then();
    }

    @Test
    void scoresChrfAndChrfPlusPlusAsSacrebleu() {
        // sacrebleu 2.x corpus_score of this one segment (chrf-golden.jsonl, zh-1)
        post("{\"metric\":\"chrf\",\"hypotheses\":[\"" + HYP + "\"],\"references\":[\"" + REF + "\"]}")
                .statusCode(200).body("metric", equalTo("chrf")).body("segments", equalTo(1))
                .body("score", closeTo(39.063991563991564, 1e-4));
        post("{\"metric\":\"chrF++\",\"hypotheses\":[\"" + HYP + "\"],\"references\":[\"" + REF + "\"]}")
                .statusCode(200).body("metric", equalTo("chrf++"))
                .body("score", closeTo(33.48342134056419, 1e-4));
        post("{\"metric\":\"chrf\",\"hypotheses\":[\"the cat sat\",\"a dog\"],\"references\":[\"the cat sat\",\"a dog\"]}")
                .statusCode(200).body("score", closeTo(100.0, 1e-9)).body("segments", equalTo(2));
    }

    static void rejected(String body, String field, String message) {
        post(body).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field))
                .body("violations[0].reason", containsString(message));
    }

    @Test
    void badRequestsAre400sNamingTheField() {
        rejected("{\"hypotheses\":[\"a\"],\"references\":[\"a\"]}", "metric", "is required");
        rejected("{\"metric\":\"bleu\",\"hypotheses\":[\"a\"],\"references\":[\"a\"]}", "metric", "chrf or chrf++");
        rejected("{\"metric\":7,\"hypotheses\":[\"a\"],\"references\":[\"a\"]}", "metric", "chrf or chrf++");
        rejected("{\"metric\":\"chrf\",\"references\":[\"a\"]}", "hypotheses", "is required");
        rejected("{\"metric\":\"chrf\",\"hypotheses\":[\"a\"]}", "references", "is required");
        rejected("{\"metric\":\"chrf\",\"hypotheses\":\"a\",\"references\":[\"a\"]}", "hypotheses", "list of strings");
        rejected("{\"metric\":\"chrf\",\"hypotheses\":[],\"references\":[]}", "hypotheses", "must not be empty");
        rejected("{\"metric\":\"chrf\",\"hypotheses\":[\"a\"],\"references\":[]}", "references", "must not be empty");
        rejected("{\"metric\":\"chrf\",\"hypotheses\":[\"a\",\"b\"],\"references\":[\"a\"]}", "references",
                "has 1 items but hypotheses has 2");
        rejected("{\"metric\":\"chrf\",\"hypotheses\":[\"a\",3],\"references\":[\"a\",\"b\"]}", "hypotheses[1]",
                "must be a string");
        rejected("{\"metric\":\"chrf\",\"hypotheses\":[\"a\"],\"references\":[null]}", "references[0]",
                "must be a string");
        rejected("{\"metric\":\"chrf\",\"hypotheses\":[\"a\"", "body", "is not valid JSON");
        rejected("[1,2]", "body", "must be a JSON object");
        rejected("", "body", "is required");
    }
}
