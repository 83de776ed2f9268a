package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prompts through a model's chat template (the real Qwen3 template and tokenizer): the prompt is the user turn and
 * the generation prompt, the loss covers the assistant turn only, generation stops at the end-of-turn token; and
 * BOS is added as the tokenizer's config says.
 */
class ChatFormatTest {

    @TempDir
    Path tmp;

    /** A directory with the real Qwen3 tokenizer.json and a tokenizer_config.json holding the real chat template. */
    static Path qwen3Dir(Path tmp) throws IOException {
        Path dir = tmp.resolve("qwen3");
        Files.createDirectories(dir);
        Files.copy(TestData.qwen3Tokenizer(), dir.resolve("tokenizer.json"));
        JsonObject config = new JsonObject();
        config.addProperty("chat_template", Files.readString(TestData.resource("chat-templates/qwen3.jinja")));
        config.addProperty("eos_token", "<|im_end|>");
        config.addProperty("pad_token", "<|endoftext|>");
        config.addProperty("add_bos_token", false);
        Files.writeString(dir.resolve("tokenizer_config.json"), config.toString());
        return dir;
    }

    @Test
    void lossOnTheAssistantTurnOnlyAndStopAtItsEnd() throws IOException {
        Path dir = qwen3Dir(tmp);
        ChatFormat chat = (ChatFormat) PromptEncoder.of(PromptEncoder.CHAT, dir);
        try (PinchTokenizer tok = PinchTokenizer.load(dir.resolve("tokenizer.json"))) {
            assertThat(chat.prompt("Hola")).isEqualTo(
                    "<|im_start|>user\nHola<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");
            assertThat(chat.completion("Hola", "¡Buenos días!")).isEqualTo("¡Buenos días!<|im_end|>\n");
            PromptFormat.Encoded e = chat.encodeExample(tok, "Hola", "¡Buenos días!", 512);
            int[] prompt = chat.encodePrompt(tok, "Hola");
            assertThat(Arrays.copyOf(e.ids(), prompt.length)).containsExactly(prompt);
            assertThat(Arrays.copyOf(e.responseMask(), prompt.length)).containsOnly(0);
            int[] answer = Arrays.copyOfRange(e.ids(), prompt.length, e.length());
            assertThat(Arrays.copyOfRange(e.responseMask(), prompt.length, e.length())).containsOnly(1);
            assertThat(tok.decode(answer)).isEqualTo("¡Buenos días!<|im_end|>\n");
            assertThat(prompt[0]).as("no BOS: Qwen adds none").isEqualTo(tok.tokenId("<|im_start|>"));
            assertThat(chat.stopIds(tok)).containsExactly(tok.tokenId("<|im_end|>"));
            assertThat(Arrays.stream(answer).boxed().toList()).contains(tok.tokenId("<|im_end|>"));
        }
    }

    @Test
    void aModelWithoutAChatTemplateIsRefusedByName() throws IOException {
        Path dir = tmp.resolve("plain");
        Files.createDirectories(dir);
        assertThatThrownBy(() -> PromptEncoder.of("chat", dir)).hasMessageContaining("needs a chat template");
        assertThat(PromptEncoder.of("Q: {instruction}\nA: ", dir)).isEqualTo(new PromptFormat("Q: {instruction}\nA: "));
    }

    @Test
    void bosComesFromAddBosTokenOrTheTemplatePostProcessor() throws IOException {
        Path plain = tmp.resolve("plain");
        Files.createDirectories(plain);
        ByteLevelTokenizer.write(plain.resolve("tokenizer.json"));
        try (PinchTokenizer tok = PinchTokenizer.load(plain.resolve("tokenizer.json"))) {
            assertThat(tok.bosToAdd()).isEqualTo(-1);
            assertThat(PromptFormat.defaults().encodePrompt(tok, "x")).containsExactly(tok.encode(PromptFormat.defaults().render("x")));
        }
        Path gemmaLike = tmp.resolve("gemma-like");
        Files.createDirectories(gemmaLike);
        ByteLevelTokenizer.write(gemmaLike.resolve("tokenizer.json"));
        Files.writeString(gemmaLike.resolve("tokenizer_config.json"),
                "{\"add_bos_token\": true, \"bos_token\": {\"content\": \"<|pad|>\"}, \"eos_token\": \"<|endoftext|>\"}");
        try (PinchTokenizer tok = PinchTokenizer.load(gemmaLike.resolve("tokenizer.json"))) {
            assertThat(tok.bosToAdd()).isEqualTo(tok.tokenId("<|pad|>")).isNotNegative();
            int[] ids = PromptFormat.defaults().encodePrompt(tok, "x");
            assertThat(ids[0]).isEqualTo(tok.bosToAdd());
            assertThat(Arrays.copyOfRange(ids, 1, ids.length)).containsExactly(tok.encode(PromptFormat.defaults().render("x")));
            PromptFormat.Encoded e = PromptFormat.defaults().encodeExample(tok, "x", "y", 64);
            assertThat(e.ids()[0]).isEqualTo(tok.bosToAdd());
            assertThat(e.responseMask()[0]).isZero();
        }
        Path llamaLike = tmp.resolve("llama-like");
        Files.createDirectories(llamaLike);
        ByteLevelTokenizer.write(llamaLike.resolve("tokenizer.json"));
        JsonObject json = JsonParser.parseString(Files.readString(llamaLike.resolve("tokenizer.json"))).getAsJsonObject();
        int pad = json.getAsJsonArray("added_tokens").asList().stream().map(t -> t.getAsJsonObject())
                .filter(t -> t.get("content").getAsString().equals("<|pad|>")).findFirst().orElseThrow().get("id").getAsInt();
        String bos = "{\"SpecialToken\": {\"id\": \"<|pad|>\", \"type_id\": 0}}";
        json.add("post_processor", JsonParser.parseString("{\"type\": \"Sequence\", \"processors\": [{\"type\": "
                + "\"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": false, \"use_regex\": false},"
                + " {\"type\": \"TemplateProcessing\", \"single\": [" + bos + ", {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}],"
                + " \"pair\": [" + bos + ", {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}, " + bos
                + ", {\"Sequence\": {\"id\": \"B\", \"type_id\": 1}}], \"special_tokens\": {\"<|pad|>\": {\"id\": \"<|pad|>\","
                + " \"ids\": [" + pad + "], \"tokens\": [\"<|pad|>\"]}}}]}"));
        Files.writeString(llamaLike.resolve("tokenizer.json"), json.toString());
        try (PinchTokenizer tok = PinchTokenizer.load(llamaLike.resolve("tokenizer.json"))) {
            assertThat(tok.bosToAdd()).isEqualTo(tok.tokenId("<|pad|>"));
        }
    }
}
