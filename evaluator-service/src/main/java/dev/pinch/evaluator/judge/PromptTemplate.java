package dev.pinch.evaluator.judge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pairwise prompt an LLM judge gets, with placeholders {@code {{language}}} (English name of the prompt's
 * language), {@code {{language_code}}}, {@code {{task}}}, {@code {{instruction}}}, {@code {{reference}}},
 * {@code {{response_a}}} and {@code {{response_b}}}. Substitution is a single pass, so placeholder-like text in a
 * response stays as it is.
 *
 * @param text the template
 */
public record PromptTemplate(String text) {

    /** The default template: which response better follows the instruction in the prompt's language. */
    public static final PromptTemplate DEFAULT = new PromptTemplate("""
            You are an impartial judge comparing two responses to the same instruction. The instruction is written \
            in {{language}}, and a good response must be written in {{language}}.

            [Instruction]
            {{instruction}}

            [Response A]
            {{response_a}}

            [Response B]
            {{response_b}}

            Which response follows the instruction better? A response that is not written in {{language}} is worse \
            than one that is, whatever its content. Judge helpfulness, correctness and fluency; do not let the order \
            or the length of the responses influence you.
            Answer with exactly one word: A, B or tie.""");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** Requires both response placeholders. */
    public PromptTemplate {
        if (text == null || !text.contains("{{response_a}}") || !text.contains("{{response_b}}")) {
            throw new IllegalArgumentException("a judge prompt template needs {{response_a}} and {{response_b}}");
        }
    }

    /** The prompt for {@code request}; unknown placeholders are left as they are. */
    public String render(JudgeRequest request) {
        Map<String, String> values = Map.of(
                "language", languageName(request.lang()),
                "language_code", request.lang(),
                "task", request.task() == null ? "" : request.task(),
                "instruction", request.instruction(),
                "reference", request.reference() == null ? "" : request.reference(),
                "response_a", request.responseA(),
                "response_b", request.responseB());
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** SHA-256 of the template text, in hex: part of the verdict cache key. */
    public String sha256() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** English name of an ISO 639-1 code ({@code fi} → {@code Finnish}); the code itself if unknown. */
    static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }
}
