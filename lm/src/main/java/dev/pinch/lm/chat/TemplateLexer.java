package dev.pinch.lm.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into text, {@code {{ expression }}} and {@code {% statement %}} chunks with jinja2's
 * whitespace control as transformers configures it: {@code trim_blocks} (the newline after a block or comment
 * tag is dropped), {@code lstrip_blocks} (spaces and tabs before a block or comment tag on its own line are
 * dropped), and {@code -} on either side of a tag (all whitespace on that side is dropped). Comments vanish.
 */
final class TemplateLexer {

    /** A chunk: TEXT (literal), OUTPUT (expression source) or STATEMENT (statement source). */
    record Chunk(Kind kind, String text) {}

    enum Kind { TEXT, OUTPUT, STATEMENT }

    private TemplateLexer() {}

    static List<Chunk> lex(String src) {
        List<Chunk> out = new ArrayList<>();
        int i = 0;
        boolean lineStarting = true;
        while (i < src.length()) {
            int j = nextTag(src, i);
            if (j < 0) {
                out.add(new Chunk(Kind.TEXT, src.substring(i)));
                break;
            }
            char type = src.charAt(j + 1);
            char sign = j + 2 < src.length() ? src.charAt(j + 2) : ' ';
            String text = src.substring(i, j);
            if (sign == '-') {
                text = rstrip(text);
            } else if (sign != '+' && type != '{') {
                int lineStart = text.lastIndexOf('\n') + 1;
                if ((lineStart > 0 || lineStarting) && lineStart < text.length()
                        && text.substring(lineStart).chars().allMatch(Character::isWhitespace)) {
                    text = text.substring(0, lineStart);
                }
            }
            if (!text.isEmpty()) {
                out.add(new Chunk(Kind.TEXT, text));
            }
            int bodyStart = j + 2 + (sign == '-' || sign == '+' ? 1 : 0);
            int[] end = closer(src, bodyStart, type);
            String body = src.substring(bodyStart, end[0]);
            if (type == '{') {
                out.add(new Chunk(Kind.OUTPUT, body));
            } else if (type == '%') {
                out.add(new Chunk(Kind.STATEMENT, body.strip()));
            }
            i = end[1];
            boolean minusClose = end[0] > 0 && src.charAt(end[0]) == '-';
            if (minusClose) {
                while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
                    i++;
                }
            } else if (type != '{' && src.charAt(end[0]) != '+' && i < src.length() && src.charAt(i) == '\n') {
                i++; // trim_blocks
            }
            lineStarting = i > 0 && src.charAt(i - 1) == '\n';
        }
        return out;
    }

    private static int nextTag(String src, int from) {
        for (int k = src.indexOf('{', from); k >= 0 && k + 1 < src.length(); k = src.indexOf('{', k + 1)) {
            char c = src.charAt(k + 1);
            if (c == '{' || c == '%' || c == '#') {
                return k;
            }
        }
        return -1;
    }

    /**
     * Finds the end of a tag: for comments the first {@code #}}; for the others the first closer outside string
     * literals and brackets (as jinja2 balances them).
     *
     * @return {index of the closer (at its '-' or '+' when present), index after it}
     */
    private static int[] closer(String src, int from, char type) {
        String close = type == '{' ? "}}" : type == '%' ? "%}" : "#}";
        if (type == '#') {
            int k = src.indexOf(close, from);
            if (k < 0) {
                throw new TemplateException("missing end of comment tag");
            }
            return new int[] {k > from && "-+".indexOf(src.charAt(k - 1)) >= 0 ? k - 1 : k, k + 2};
        }
        int depth = 0;
        char quote = 0;
        for (int k = from; k < src.length(); k++) {
            char c = src.charAt(k);
            if (quote != 0) {
                if (c == '\\') {
                    k++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (depth == 0 && src.startsWith(close, k)) {
                return new int[] {k > from && "-+".indexOf(src.charAt(k - 1)) >= 0 ? k - 1 : k, k + 2};
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        throw new TemplateException("missing '" + close + "' after " + src.substring(from, Math.min(src.length(), from + 40)));
    }

    static String rstrip(String s) {
        int k = s.length();
        while (k > 0 && Character.isWhitespace(s.charAt(k - 1))) {
            k--;
        }
        return s.substring(0, k);
    }
}
