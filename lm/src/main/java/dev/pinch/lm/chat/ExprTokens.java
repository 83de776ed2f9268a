package dev.pinch.lm.chat;

import java.util.ArrayList;
import java.util.List;

/** Tokens of the expression inside a tag: names, numbers, string literals (escapes decoded) and operators. */
final class ExprTokens {

    enum Type { NAME, NUMBER, STRING, OP, END }

    record Token(Type type, String text, Object value) {}

    private static final String[] OPS = {"//", "**", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "<", ">",
        "=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|"};

    private ExprTokens() {}

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(Type.NAME, s.substring(i, j), null));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                boolean real = j + 1 < s.length() && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1));
                if (real) {
                    j++;
                    while (j < s.length() && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                String num = s.substring(i, j).replace("_", "");
                out.add(new Token(Type.NUMBER, num, real ? (Object) Double.parseDouble(num) : (Object) Long.parseLong(num)));
                i = j;
            } else if (c == '\'' || c == '"') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    char d = s.charAt(j);
                    if (d == '\\' && j + 1 < s.length()) {
                        j = escape(s, j + 1, b);
                    } else {
                        b.append(d);
                        j++;
                    }
                }
                if (j >= s.length()) {
                    throw new TemplateException("unterminated string literal in: " + s);
                }
                out.add(new Token(Type.STRING, s.substring(i, j + 1), b.toString()));
                i = j + 1;
            } else {
                String op = null;
                for (String o : OPS) {
                    if (s.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    throw new TemplateException("unexpected character '" + c + "' in: " + s);
                }
                out.add(new Token(Type.OP, op, null));
                i += op.length();
            }
        }
        out.add(new Token(Type.END, "", null));
        return out;
    }

    /** Python's string escapes; returns the index after the escape. */
    private static int escape(String s, int k, StringBuilder b) {
        char e = s.charAt(k);
        switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case '0' -> b.append('\0');
            case '\\', '\'', '"' -> b.append(e);
            case 'u' -> {
                b.append((char) Integer.parseInt(s.substring(k + 1, k + 5), 16));
                return k + 5;
            }
            case 'x' -> {
                b.append((char) Integer.parseInt(s.substring(k + 1, k + 3), 16));
                return k + 3;
            }
            default -> b.append('\\').append(e);
        }
        return k + 1;
    }
}
