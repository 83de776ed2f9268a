package dev.pinch.lm.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real chat templates of Qwen2.5-Instruct, Qwen3, Llama-3.2-Instruct, Gemma-3-it and SmolLM2-Instruct render
 * byte for byte as Python's jinja2 renders them (expected/, from render_chat_templates.py), for every conversation
 * of cases.json, including the templates' own errors.
 */
class ChatTemplateTest {

    static final Map<String, Map<String, String>> SPECIAL = Map.of(
            "qwen2.5-instruct", Map.of("eos_token", "<|im_end|>", "pad_token", "<|endoftext|>"),
            "qwen3", Map.of("eos_token", "<|im_end|>", "pad_token", "<|endoftext|>"),
            "llama-3.2-instruct", Map.of("bos_token", "<|begin_of_text|>", "eos_token", "<|eot_id|>"),
            "gemma-3-it", Map.of("bos_token", "<bos>", "eos_token", "<eos>", "pad_token", "<pad>"),
            "smollm2-instruct", Map.of("bos_token", "<|im_start|>", "eos_token", "<|im_end|>"));

    /** The date render_chat_templates.py's strftime_now returns. */
    static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2026, 11, 26, 9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    static Path dir() {
        try {
            return Path.of(ChatTemplateTest.class.getResource("/chat-templates").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ChatTemplate template(String name) throws IOException {
        return ChatTemplate.of(Files.readString(dir().resolve(name + ".jinja")), SPECIAL.get(name), CLOCK);
    }

    static Stream<Arguments> renderings() throws IOException {
        JsonObject cases = JsonParser.parseString(Files.readString(dir().resolve("cases.json"))).getAsJsonObject();
        List<Arguments> out = new ArrayList<>();
        for (String name : SPECIAL.keySet().stream().sorted().toList()) {
            for (String c : cases.keySet()) {
                out.add(Arguments.of(name, c, cases.getAsJsonObject(c)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renderings")
    void rendersAsJinja2(String name, String caseName, JsonObject data) throws IOException {
        String expected = Files.readString(dir().resolve("expected/" + name + "." + caseName + ".txt"), StandardCharsets.UTF_8);
        List<ChatTemplate.Message> messages = new ArrayList<>();
        for (JsonElement m : data.getAsJsonArray("messages")) {
            messages.add(new ChatTemplate.Message(m.getAsJsonObject().get("role").getAsString(),
                    m.getAsJsonObject().get("content").getAsString()));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        if (data.has("enable_thinking")) {
            extra.put("enable_thinking", data.get("enable_thinking").getAsBoolean());
        }
        boolean gen = data.get("add_generation_prompt").getAsBoolean();
        String actual;
        try {
            actual = template(name).render(messages, gen, extra);
        } catch (TemplateException e) {
            actual = "ERROR: " + e.getMessage();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void loadsTheTemplateAndSpecialTokensOfAModelDirectory() throws IOException {
        Path model = Files.createTempDirectory("chat");
        String source = Files.readString(dir().resolve("gemma-3-it.jinja"));
        JsonObject config = new JsonObject();
        config.addProperty("chat_template", source);
        JsonObject bos = new JsonObject();
        bos.addProperty("content", "<bos>");
        config.add("bos_token", bos);
        Files.writeString(model.resolve("tokenizer_config.json"), config.toString());
        ChatTemplate t = ChatTemplate.load(model).orElseThrow();
        assertThat(t.render(List.of(ChatTemplate.Message.user("Hi")), true))
                .isEqualTo("<bos><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\n");
        Files.writeString(model.resolve(ChatTemplate.JINJA_FILE), "{{ bos_token }}{{ messages[0].content }}");
        assertThat(ChatTemplate.load(model).orElseThrow().render(List.of(ChatTemplate.Message.user("x")), false))
                .isEqualTo("<bos>x");
        Path none = Files.createTempDirectory("plain");
        assertThat(ChatTemplate.load(none)).isEmpty();
    }

    @Test
    void refusesWhatTheEngineLacksByName() {
        assertThatThrownBy(() -> ChatTemplate.of("{% macro f() %}x{% endmacro %}", Map.of(), CLOCK))
                .isInstanceOf(TemplateException.class).hasMessageContaining("macro");
        assertThatThrownBy(() -> ChatTemplate.of("{{ messages | map(attribute='role') | join }}", Map.of(), CLOCK)
                .render(List.of(ChatTemplate.Message.user("x")), false)).hasMessageContaining("filter 'map'");
        assertThatThrownBy(() -> ChatTemplate.of("{{ messages[0].content.format(1) }}", Map.of(), CLOCK)
                .render(List.of(ChatTemplate.Message.user("x")), false)).hasMessageContaining("str.format");
    }
}
