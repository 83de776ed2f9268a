package dev.pinch.dataset.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The native instruction templates and topic labels of the built-in languages, from {@code builtin/templates.json}:
 * per language, {@code name}, {@code labels}, {@code language_names} and a list of templates per task.
 */
public final class TemplateCatalog {

    private static final String RESOURCE = "builtin/templates.json";
    private static final List<String> META = List.of("name", "labels", "language_names");

    private final Map<String, TemplateLanguage> languages;

    private TemplateCatalog(Map<String, TemplateLanguage> languages) {
        this.languages = Collections.unmodifiableMap(languages);
    }

    /** Reads the bundled catalog. */
    public static TemplateCatalog load() {
        try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            }
            Map<String, TemplateLanguage> languages = new LinkedHashMap<>();
            CorpusJson.MAPPER.readTree(in).properties().forEach(e -> languages.put(e.getKey(),
                    language(e.getKey(), e.getValue())));
            return new TemplateCatalog(languages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The templates of language {@code code}. */
    public TemplateLanguage language(String code) {
        TemplateLanguage language = languages.get(code);
        if (language == null) {
            throw new NoSuchElementException("no templates for language " + code);
        }
        return language;
    }

    private static TemplateLanguage language(String code, JsonNode node) {
        Map<String, List<String>> templates = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!META.contains(e.getKey())) {
                List<String> list = new ArrayList<>();
                e.getValue().forEach(t -> list.add(t.asText()));
                templates.put(e.getKey(), List.copyOf(list));
            }
        });
        return new TemplateLanguage(code, node.path("name").asText(), strings(node.path("labels")),
                strings(node.path("language_names")), Collections.unmodifiableMap(templates));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(map);
    }
}
