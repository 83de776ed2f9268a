package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptFormatTest {

    @TempDir
    static Path tmp;

    static PinchTokenizer tok;

    @BeforeAll
    static void load() {
        Path file = tmp.resolve("tokenizer.json");
        ByteLevelTokenizer.write(file);
        tok = PinchTokenizer.load(file);
    }

    @AfterAll
    static void close() {
        tok.close();
    }

    @Test
    void defaultTemplateMasksPromptAndAppendsEos() {
        PromptFormat f = PromptFormat.defaults();
        assertThat(f.render("Say hi")).isEqualTo("### Instruction:\nSay hi\n\n### Response:\n");
        PromptFormat.Encoded e = f.encodeExample(tok, "Say hi", "Hi!", 512);
        int prompt = tok.encode(f.render("Say hi")).length;
        assertThat(e.length()).isEqualTo(prompt + 3 + 1);
        assertThat(e.ids()[e.length() - 1]).isEqualTo(tok.eosId());
        assertThat(Arrays.copyOfRange(e.responseMask(), 0, prompt)).containsOnly(0);
        assertThat(Arrays.copyOfRange(e.responseMask(), prompt, e.length())).containsOnly(1);
        assertThat(e.responseTokens()).isEqualTo(4);
        assertThat(tok.decode(Arrays.copyOfRange(e.ids(), prompt, e.length() - 1))).isEqualTo("Hi!");
        assertThat(e.truncated()).isFalse();
    }

    @Test
    void longResponseIsCutWithoutEos() {
        PromptFormat.Encoded e = PromptFormat.defaults().encodeExample(tok, "Q", "x".repeat(100), 40);
        assertThat(e.length()).isEqualTo(40);
        assertThat(e.truncated()).isTrue();
        assertThat(e.ids()).doesNotContain(tok.eosId());
        // the 34-token prompt is longer than maxLen/2, so it keeps its last 20 tokens and the response gets 20
        assertThat(tok.encode(PromptFormat.defaults().render("Q"))).hasSize(34);
        assertThat(e.responseTokens()).isEqualTo(20);
        assertThat(tok.decode(Arrays.copyOfRange(e.ids(), 0, 20))).endsWith("### Response:\n");
    }

    @Test
    void longPromptKeepsItsEndAndTheWholeShortResponse() {
        PromptFormat.Encoded e = PromptFormat.defaults().encodeExample(tok, "y".repeat(200), "ok", 64);
        assertThat(e.length()).isEqualTo(64);
        assertThat(e.responseTokens()).isEqualTo(3);
        assertThat(e.ids()[63]).isEqualTo(tok.eosId());
        assertThat(tok.decode(Arrays.copyOfRange(e.ids(), 0, 61))).endsWith("### Response:\n");
    }

    @Test
    void customTemplateNeedsTheSlot() {
        PromptFormat f = new PromptFormat("<user>{instruction}</user><bot>");
        assertThat(f.render("a")).isEqualTo("<user>a</user><bot>");
        assertThatThrownBy(() -> new PromptFormat("no slot")).hasMessageContaining("{instruction}");
    }
}
