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
    void selectionInterleavesTasksInIdOrderUpToTheCap() {
        List<EvalPrompt> all = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            all.add(new EvalPrompt("t" + i, "en", "topic", "x", "y"));
            all.add(new EvalPrompt("c" + i, "en", "continuation", "x", "y"));
        }
        all.add(new EvalPrompt("r1", "en", "translation", "x", "y"));
        all.add(new EvalPrompt("t1", "fi", "topic", "x", "y"));
        Map<String, List<EvalPrompt>> picked = EvalPrompts.select(all, List.of("fi", "en"), 5);
        assertThat(picked.keySet()).containsExactly("fi", "en");
        assertThat(picked.get("en")).extracting(EvalPrompt::id).containsExactly("c1", "t1", "r1", "c2", "t2");
        assertThat(EvalPrompts.select(all, List.of("en"), 0).get("en")).hasSize(11);
    }
}
