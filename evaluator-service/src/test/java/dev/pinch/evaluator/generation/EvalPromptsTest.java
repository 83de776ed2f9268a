package dev.pinch.evaluator.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading corpus and user prompts, and choosing the prompts of each language. */
class EvalPromptsTest {

    static ByteArrayInputStream jsonl(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCorpusSplitKeepsTheResponseAsReference() throws Exception {
        List<EvalPrompt> p = EvalPrompts.fromCorpus(jsonl("""
                {"id":"1","lang":"fi","task":"topic","split":"test","instruction":"Aihe?","response":"urheilu"}
                {"id":"2","lang":"fi","task":"topic","split":"train","instruction":"Aihe?","response":"x"}
                """), "test");
        assertThat(p).containsExactly(new EvalPrompt("1", "fi", "topic", "Aihe?", "urheilu"));
    }

    @Test
    void userPromptsNeedIdLangAndInstruction() throws Exception {
        List<EvalPrompt> ok = EvalPrompts.fromUserJsonl(jsonl("""
                {"id":"q1","lang":"en","instruction":"Say hi"}

                {"id":"q1","lang":"fi","instruction":"Sano hei","reference":"Hei","task":"greeting"}
                """));
        assertThat(ok).extracting(EvalPrompt::reference).containsExactly(null, "Hei");
        assertThatThrownBy(() -> EvalPrompts.fromUserJsonl(jsonl("{\"id\":\"q1\",\"instruction\":\"x\"}")))
                .hasMessage("line 1: field lang is required");
        assertThatThrownBy(() -> EvalPrompts.fromUserJsonl(jsonl("{\"id\":\"q\",\"lang\":\"en\",\"instruction\":\"x\"}\n"
                + "{\"id\":\"r\",\"lang\":\"en\",\"instruction\":3}"))).hasMessage("line 2: field instruction must be a non-empty string");
        assertThatThrownBy(() -> EvalPrompts.fromUserJsonl(jsonl("{\"id\":\"q\",\"lang\":\"en\",\"instruction\":\"x\"}\n"
                + "{\"id\":\"q\",\"lang\":\"en\",\"instruction\":\"y\"}"))).hasMessage("line 2: id 'q' repeats in en");
        assertThatThrownBy(() -> EvalPrompts.fromUserJsonl(jsonl("{oops"))).hasMessageStartingWith("line 1: not JSON");
        assertThatThrownBy(() -> EvalPrompts.fromUserJsonl(jsonl("\n"))).hasMessage("no prompts in the file");
    }

    @Test
    void selectionTakesTasksInTurnEachInSeededHashOrderUpToTheCap() {
        List<EvalPrompt> all = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            all.add(new EvalPrompt("t" + i, "en", "topic", "x", "y"));
            all.add(new EvalPrompt("c" + i, "en", "continuation", "x", "y"));
        }
        all.add(new EvalPrompt("r1", "en", "translation", "x", "y"));
        all.add(new EvalPrompt("t1", "fi", "topic", "x", "y"));
        Map<String, List<EvalPrompt>> picked = EvalPrompts.select(all, List.of("fi", "en"), 5, 1);
        assertThat(picked.keySet()).containsExactly("fi", "en");
        List<String> c = ranked(List.of("c1", "c2", "c3", "c4", "c5"), 1);
        List<String> t = ranked(List.of("t1", "t2", "t3", "t4", "t5"), 1);
        assertThat(picked.get("en")).extracting(EvalPrompt::id).containsExactly(c.get(0), t.get(0), "r1", c.get(1),
                t.get(1));
        assertThat(EvalPrompts.select(all, List.of("en"), 0, 1).get("en")).hasSize(11);
        assertThat(EvalPrompts.select(all, List.of("en"), 5, 1)).isEqualTo(EvalPrompts.select(all, List.of("en"), 5, 1));
    }

    @Test
    void theSampleIsSpreadOverTheIdsTheSameInEveryLanguageAndChangesWithTheSeed() {
        List<EvalPrompt> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            for (String lang : List.of("en", "fi")) {
                all.add(new EvalPrompt("q%03d".formatted(i), lang, "topic", "x", "y"));
            }
        }
        Map<String, List<EvalPrompt>> one = EvalPrompts.select(all, List.of("en", "fi"), 20, 1);
        List<String> ids = one.get("en").stream().map(EvalPrompt::id).toList();
        assertThat(one.get("fi")).extracting(EvalPrompt::id).containsExactlyElementsOf(ids);
        // not the first ids: a seeded sample reaches over the whole range
        assertThat(ids.stream().filter(id -> id.compareTo("q100") >= 0).count()).isBetween(4L, 16L);
        assertThat(EvalPrompts.select(all, List.of("en"), 20, 2).get("en")).extracting(EvalPrompt::id)
                .isNotEqualTo(ids);
    }

    private static List<String> ranked(List<String> ids, long seed) {
        return ids.stream().sorted(java.util.Comparator.comparingLong((String id) -> EvalPrompts.rank(seed, id))
                .thenComparing(id -> id)).toList();
    }
}
