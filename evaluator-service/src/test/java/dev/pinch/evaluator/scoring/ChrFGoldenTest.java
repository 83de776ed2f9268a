package dev.pinch.evaluator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * chrF/chrF++ against values computed by sacrebleu 2.6.0 on multilingual pairs (Chinese, Arabic, Hindi, Czech,
 * Russian, Serbian, Hebrew, emoji, Unicode whitespace, punctuation). The golden file
 * {@code chrf-golden.jsonl} is written by {@code src/test/python/make_chrf_golden.py}.
 */
class ChrFGoldenTest {

    private static final double EPSILON = 1e-9;
    private static final Map<String, ChrFConfig> CONFIGS = Map.of(
            "chrf", ChrFConfig.CHRF,
            "chrfpp", ChrFConfig.CHRF_PLUS_PLUS,
            "chrf_eps", new ChrFConfig(6, 0, 2, false, false, true),
            "chrfpp_lc", new ChrFConfig(6, 2, 2, true, false, false),
            "chrf_ws", new ChrFConfig(6, 0, 2, false, true, false));

    @Test
    void sentenceAndCorpusScoresMatchSacrebleu() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int sentences = 0;
        int corpora = 0;
        for (JsonNode row : load(json)) {
            for (Map.Entry<String, ChrFConfig> config : CONFIGS.entrySet()) {
                ChrF chrf = new ChrF(config.getValue());
                double expected = row.get(config.getKey()).asDouble();
                if (row.has("id")) {
                    double actual = chrf.sentenceScore(row.get("hyp").asText(), row.get("ref").asText());
                    assertThat(actual).as("%s %s", row.get("id").asText(), config.getKey())
                            .isCloseTo(expected, within(EPSILON));
                } else {
                    List<List<String>> streams = new ArrayList<>();
                    row.get("refs").forEach(stream -> streams.add(strings(stream)));
                    double actual = chrf.corpusScoreMultiReference(strings(row.get("hyps")), streams);
                    assertThat(actual).as("corpus %s %s", row.get("corpus").asText(), config.getKey())
                            .isCloseTo(expected, within(EPSILON));
                }
            }
            if (row.has("id")) {
                sentences++;
            } else {
                corpora++;
            }
        }
        assertThat(sentences).isEqualTo(25);
        assertThat(corpora).isEqualTo(5);
    }

    private static List<JsonNode> load(ObjectMapper json) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ChrFGoldenTest.class.getResourceAsStream("chrf-golden.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode row = json.readTree(line);
                if (!row.has("sacrebleu")) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
