package dev.pinch.dataset.corpus;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The native instruction templates of one language.
 *
 * @param code          ISO 639-1 code
 * @param name          the language's own name
 * @param labels        English topic category to the native label, in the canonical category order
 * @param languageNames ISO code to this language's name for that language
 * @param templates     task to its templates; placeholders {@code {text}}, {@code {labels}}, {@code {source_lang}}, {@code {options}}
 */
public record TemplateLanguage(String code, String name, Map<String, String> labels, Map<String, String> languageNames,
        Map<String, List<String>> templates) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(text|labels|source_lang|options)}");
    private static final Map<String, String> LIST_SEPARATORS = Map.of("ar", "، ", "zh", "、");

    /** The templates of {@code task}. */
    public List<String> templates(String task) {
        List<String> list = templates.get(task);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("no " + task + " templates for " + code);
        }
        return list;
    }

    /** The native labels in canonical order, joined with this language's list separator. */
    public String labelList() {
        return list(List.copyOf(labels.values()));
    }

    /** {@code items} joined with this language's list separator. */
    public String list(List<String> items) {
        return String.join(LIST_SEPARATORS.getOrDefault(code, ", "), items);
    }

    /**
     * Template {@code index} of {@code task} with its placeholders replaced in one pass, so placeholder-like text
     * inside a value stays as it is.
     */
    public String render(String task, int index, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(templates(task).get(index));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + code + " " + task);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
