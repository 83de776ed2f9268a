package dev.pinch.lm.chat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pinch.lm.chat.Nodes.Node;
import dev.pinch.lm.chat.PyValues.Fn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's {@code chat_template} (Jinja), rendered as transformers' {@code apply_chat_template} renders it: jinja2
 * with {@code trim_blocks} and {@code lstrip_blocks}, the tokenizer's special tokens ({@code bos_token},
 * {@code eos_token}, ...) in the context, and the globals {@code raise_exception}, {@code strftime_now},
 * {@code namespace} and {@code range}. The engine is this package's own (a jinja2 subset, checked byte for byte
 * against Python's jinja2 on the real templates of Qwen2.5, Qwen3, Llama 3.2, Gemma 3 and SmolLM2); a construct
 * it lacks is refused with a {@link TemplateException} naming it.
 */
public final class ChatTemplate {

    /** The template file of transformers 5 ({@code chat_template.jinja} beside the tokenizer). */
    public static final String JINJA_FILE = "chat_template.jinja";

    /**
     * One message of a conversation.
     *
     * @param role {@code system}, {@code user} or {@code assistant}
     * @param content the text
     */
    public record Message(String role, String content) {
        /** @return a user message */
        public static Message user(String content) {
            return new Message("user", content);
        }

        /** @return an assistant message */
        public static Message assistant(String content) {
            return new Message("assistant", content);
        }
    }

    private final String source;
    private final List<Node> template;
    private final Map<String, String> specialTokens;
    private final Clock clock;

    private ChatTemplate(String source, Map<String, String> specialTokens, Clock clock) {
        this.source = source;
        this.template = Parser.parse(source);
        this.specialTokens = Map.copyOf(specialTokens);
        this.clock = clock;
    }

    /**
     * Parses a template.
     *
     * @param source the Jinja source
     * @param specialTokens e.g. {@code bos_token -> <bos>} (passed to the template as variables)
     * @param clock the clock of {@code strftime_now}
     * @return the template
     * @throws TemplateException when it does not parse or uses a statement this engine lacks
     */
    public static ChatTemplate of(String source, Map<String, String> specialTokens, Clock clock) {
        return new ChatTemplate(source, specialTokens, clock);
    }

    /**
     * The chat template of a model directory: {@code chat_template.jinja}, else {@code tokenizer_config.json}'s
     * {@code chat_template} (a string, or a list of named templates of which {@code default} is used), with the
     * special tokens of {@code tokenizer_config.json}.
     *
     * @param dir the model directory
     * @return the template, or empty when the model has none
     */
    public static Optional<ChatTemplate> load(Path dir) {
        try {
            Path config = dir.resolve("tokenizer_config.json");
            JsonObject o = Files.isRegularFile(config)
                    ? JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8)).getAsJsonObject()
                    : new JsonObject();
            Map<String, String> special = new HashMap<>();
            for (String key : List.of("bos_token", "eos_token", "pad_token", "unk_token", "sep_token", "cls_token",
                    "mask_token")) {
                String text = tokenText(o.get(key));
                if (text != null) {
                    special.put(key, text);
                }
            }
            Path jinja = dir.resolve(JINJA_FILE);
            String source = Files.isRegularFile(jinja) ? Files.readString(jinja, StandardCharsets.UTF_8) : inline(o);
            return source == null ? Optional.empty() : Optional.of(of(source, special, Clock.systemDefaultZone()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the chat template of " + dir, e);
        }
    }

    private static String inline(JsonObject o) {
        JsonElement t = o.get("chat_template");
        if (t == null || t.isJsonNull()) {
            return null;
        }
        if (t.isJsonArray()) {
            for (JsonElement e : t.getAsJsonArray()) {
                if ("default".equals(e.getAsJsonObject().get("name").getAsString())) {
                    return e.getAsJsonObject().get("template").getAsString();
                }
            }
            throw new TemplateException("tokenizer_config.json has named chat templates but none called 'default'");
        }
        return t.getAsString();
    }

    /** The text of a special token in tokenizer_config.json (a string or {@code {"content": ...}}), or null. */
    public static String tokenText(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        return e.isJsonObject() ? e.getAsJsonObject().get("content").getAsString() : e.getAsString();
    }

    /**
     * Renders a conversation.
     *
     * @param messages the messages
     * @param addGenerationPrompt whether to end with the opening of an assistant turn
     * @param extra other template variables (e.g. {@code enable_thinking})
     * @return the text
     * @throws TemplateException when the template raises or uses something this engine lacks
     */
    public String render(List<Message> messages, boolean addGenerationPrompt, Map<String, Object> extra) {
        Map<String, Object> context = new HashMap<>(specialTokens);
        List<Object> list = new ArrayList<>();
        for (Message m : messages) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("role", m.role());
            map.put("content", m.content());
            list.add(map);
        }
        context.put("messages", list);
        context.put("add_generation_prompt", addGenerationPrompt);
        context.putAll(extra);
        return Interpreter.render(template, context, globals());
    }

    /**
     * Renders a conversation without extra variables.
     *
     * @param messages the messages
     * @param addGenerationPrompt whether to end with the opening of an assistant turn
     * @return the text
     */
    public String render(List<Message> messages, boolean addGenerationPrompt) {
        return render(messages, addGenerationPrompt, Map.of());
    }

    /** @return the template's source */
    public String source() {
        return source;
    }

    private Map<String, Object> globals() {
        Map<String, Object> g = new HashMap<>();
        g.put("raise_exception", (Fn) (a, k) -> {
            throw new TemplateException(a.isEmpty() ? "raise_exception" : PyValues.str(a.get(0)));
        });
        g.put("strftime_now", (Fn) (a, k) -> Strftime.format(PyValues.str(a.get(0)), LocalDateTime.now(clock)));
        g.put("namespace", (Fn) (a, k) -> {
            PyValues.Namespace ns = new PyValues.Namespace();
            ns.putAll(k);
            return ns;
        });
        g.put("range", (Fn) (a, k) -> {
            long start = a.size() > 1 ? PyValues.integer(a.get(0)) : 0;
            long stop = PyValues.integer(a.get(a.size() > 1 ? 1 : 0));
            long step = a.size() > 2 ? PyValues.integer(a.get(2)) : 1;
            List<Object> r = new ArrayList<>();
            for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
                r.add(i);
            }
            return r;
        });
        return g;
    }
}
