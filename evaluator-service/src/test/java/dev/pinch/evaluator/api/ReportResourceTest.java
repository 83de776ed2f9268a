package dev.pinch.evaluator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.results.EvaluationRepository;
import dev.pinch.events.DesignRef;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {

    @Inject
    EvaluationRepository repository;

    @Inject
    dev.pinch.store.ArtifactStore store;

    String experiment;

    static CheckpointEvaluation eval(String exp, String mix, String lang, double fi, double sw) {
        return new CheckpointEvaluation(exp, exp + "." + mix + ".final", exp + "." + mix,
                new DesignRef("monolingual", "monolingual", List.of(lang), Map.of()), true, "builtin-test", "reference",
                List.of(new LanguageScore("fi", 8, 1.0, fi, fi, exp + ".mono-fi", 0.0, null, null, null, null),
                        new LanguageScore("sw", 8, 0.75, sw, sw, exp + ".mono-sw", 0.0, null, null, null, null)),
                null);
    }

    @BeforeEach
    void seed() {
        experiment = "r-" + UUID.randomUUID().toString().substring(0, 8);
        repository.save(eval(experiment, "mono-fi", "fi", 50, 30));
        repository.save(eval(experiment, "mono-sw", "sw", 20, 50));
    }

    @Test
    void servesJson() {
        given().accept("application/json").get("/experiments/" + experiment + "/report").then().statusCode(200)
                .body("experimentId", equalTo(experiment))
                .body("languages", hasItems("fi", "sw"))
                .body("matrices.sxs.rows", equalTo(List.of("mono-fi", "mono-sw")))
                .body("matrices.sxs.values[0][1]", equalTo(30.0f))
                .body("responseLanguageRates.sw", equalTo(75.0f));
    }

    @Test
    void servesCsvAndHtmlWithCharts() {
        given().accept("text/csv").get("/experiments/" + experiment + "/report").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith(dev.pinch.evaluator.report.ReportFormats.CSV_HEADER + "\n"))
                .body(containsString("matrix,,mono-sw,fi,sxs,20.0000"));
        given().queryParam("format", "html").get("/experiments/" + experiment + "/report").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("data:image/png;base64,")).body(containsString("mono-sw"));
        given().get("/experiments/" + experiment + "/report/charts/heatmap-sxs.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).body(containsString("<svg"));
        given().get("/experiments/" + experiment + "/report/charts/heatmap-sxs.png").then().statusCode(200)
                .contentType("image/png");
    }

    @Test
    void badParametersAre4xx() {
        given().queryParam("format", "pdf").get("/experiments/" + experiment + "/report").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        given().queryParam("shares", "fi=0.1").get("/experiments/" + experiment + "/report").then().statusCode(400)
                .body("violations[0].field", equalTo("shares"));
        given().get("/experiments/" + experiment + "/report/charts/nope.svg").then().statusCode(404);
        given().get("/experiments/" + experiment + "/report/charts/heatmap-sxs.gif").then().statusCode(400);
    }

    @Test
    void anExperimentWithoutEvaluationsSaysSo() throws Exception {
        String known = "known-" + UUID.randomUUID().toString().substring(0, 8);
        String record = "{\"id\":\"" + known + "\",\"mixes\":[]}";
        store.writeBytes("experiments/" + known + "/experiment.json",
                record.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().accept("application/json").get("/experiments/" + known + "/report").then().statusCode(200)
                .body("notes", hasItems("no checkpoint of this experiment has been evaluated yet"));
    }

    @Test
    void anUnknownExperimentIs404AndABadIdIs400() {
        given().accept("application/json").get("/experiments/nobody-sent-this/report").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        for (String bad : List.of("..%2F..%2Fetc", "a%00b", "%3Cscript%3E", "UPPER")) {
            given().urlEncodingEnabled(false).get("/experiments/" + bad + "/report").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body(containsString("id"))
                    .body(org.hamcrest.Matchers.not(containsString("<script>")));
        }
    }
}
