package dev.pinch.dataset.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dev.pinch.broker.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class CorpusResourceTest {

    static Path jsonl(String... lines) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target/imports-test").toAbsolutePath()), "corpus",
                ".jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    static String line(String id, String lang, String split) {
        return "{\"id\":\"%s\",\"lang\":\"%s\",\"task\":\"qa\",\"instruction\":\"Q %s\",\"response\":\"A %s\",\"split\":\"%s\"}"
                .formatted(id, lang, id, id, split);
    }

    static String request(String name, String version, Path path) {
        return "{\"name\":\"%s\",\"version\":\"%s\",\"format\":\"jsonl\",\"license\":\"CC0-1.0\",\"path\":\"%s\"}"
                .formatted(name, version, path);
    }

    @Test
    void theBuiltinCorpusIsListedWithItsManifest() {
        given().get("/corpora").then().statusCode(200).body("name", hasItem("builtin"));
        given().get("/corpora/builtin").then().statusCode(200)
                .body("languages", hasSize(17))
                .body("languages", hasItems("ar", "zh", "sw", "sr", "sk"))
                .body("splitCounts.fi.train", equalTo(701 + 1570))
                .body("taskCounts.topic", equalTo(17 * 1004))
                .body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        given().get("/corpora/no-such-corpus").then().statusCode(404).body("detail", containsString("no-such-corpus"));
    }

    @Test
    void importsAJsonlCorpusAndReportsCoverage() throws IOException {
        String name = "c-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = jsonl(line("a", "en", "train"), line("a", "fi", "train"), line("b", "en", "train"),
                line("c", "en", "test"), line("c", "fi", "test"));

        given().contentType(ContentType.JSON).body(request(name, "1", file)).post("/corpora")
                .then().statusCode(201)
                .header("Location", containsString("/corpora/" + name))
                .body("manifest.languages", equalTo(java.util.List.of("en", "fi")))
                .body("manifest.languageCounts.en", equalTo(3))
                .body("manifest.trainIds", equalTo(1))
                .body("report.valid", equalTo(true))
                .body("report.missingIdsByLanguage.fi", equalTo(1));
        given().get("/corpora/" + name).then().statusCode(200).body("version", equalTo("1"));

        given().contentType(ContentType.JSON).body(request(name, "1", file)).post("/corpora").then().statusCode(201);
        Path changed = jsonl(line("a", "en", "train"), line("a", "fi", "train"));
        given().contentType(ContentType.JSON).body(request(name, "1", changed)).post("/corpora")
                .then().statusCode(409);
    }

    @Test
    void anInvalidCorpusIs400WithFileAndLine() throws IOException {
        Path file = jsonl(line("a", "en", "train"), "{\"id\":\"b\",\"lang\":\"xx\",\"task\":\"qa\",\"instruction\":\"Q\","
                + "\"response\":\"A\",\"split\":\"train\"}", line("a", "en", "train"));
        given().contentType(ContentType.JSON).body(request("bad-corpus", "1", file)).post("/corpora")
                .then().statusCode(400)
                .body("report.valid", equalTo(false))
                .body("report.errors.line", hasItems(2, 3))
                .body("report.errors.field", hasItems("lang"));
        given().contentType(ContentType.JSON).body(request("bad-corpus", "1", file)).queryParam("dryRun", true)
                .post("/corpora").then().statusCode(200).body("valid", equalTo(false));
    }

    @Test
    void invalidImportRequestsAre400NamingTheField() throws IOException {
        Path file = jsonl(line("a", "en", "train"));
        given().contentType(ContentType.JSON).body(request("Bad Name", "1", file)).post("/corpora")
                .then().statusCode(400).body("violations.field", hasItem("name"));
        given().contentType(ContentType.JSON).body(request("ok-name", "1", file).replace("jsonl", "csv"))
                .post("/corpora").then().statusCode(400).body("violations.field", hasItem("format"));
        given().contentType(ContentType.JSON).body(request("ok-name", "1", Path.of("/nonexistent/x.jsonl")))
                .post("/corpora").then().statusCode(400).body("violations.field", hasItem("path"));
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/corpora").then().statusCode(400);
        for (String outside : List.of("/etc/passwd", "/proc/self/environ", "/dev/zero", "/", "../../etc/passwd")) {
            given().contentType(ContentType.JSON).body(request("ok-name", "1", Path.of(outside))).post("/corpora")
                    .then().statusCode(400).body("violations.field", hasItem("path"))
                    .body("violations[0].reason", org.hamcrest.Matchers.containsString("pinch.corpus.import-root"))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("root:x:0:0")));
        }
        given().contentType(ContentType.JSON).body(request("ok-name", "1", Path.of("/")).replace("jsonl", "alpaca"))
                .post("/corpora").then().statusCode(400).body("violations.field", hasItem("path"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"version\":\"1\",\"format\":\"jsonl\","
                + "\"path\":\"/tmp\",\"heldOutFraction\":\"lots\"}").post("/corpora")
                .then().statusCode(400).body("violations.field", hasItem("heldOutFraction"));
    }
}
