package dev.pinch.lm.chat;

import java.util.List;
import java.util.Map;

/** Python's {@code json.dumps(v, ensure_ascii=False, indent=indent)}, as transformers' {@code tojson} filter. */
final class Json {

    private Json() {}

    /**
     * @param v the value
     * @param indent spaces per level, or -1 for one line ({@code ", "} and {@code ": "} separators)
     * @return the JSON text
     */
    static String dumps(Object v, int indent) {
        StringBuilder b = new StringBuilder();
        write(b, v, indent, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, int indent, int level) {
        if (v == null || v == PyValues.UNDEFINED) {
            b.append("null");
        } else if (v instanceof Boolean x) {
            b.append(x ? "true" : "false");
        } else if (v instanceof Double d) {
            b.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PyValues.floatRepr(d));
        } else if (v instanceof Number n) {
            b.append(n.longValue());
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof List<?> l) {
            container(b, '[', ']', l.size(), indent, level, (i, bb) -> write(bb, l.get(i), indent, level + 1));
        } else if (v instanceof Map<?, ?> m) {
            List<? extends Map.Entry<?, ?>> entries = List.copyOf(m.entrySet());
            container(b, '{', '}', entries.size(), indent, level, (i, bb) -> {
                string(bb, PyValues.str(entries.get(i).getKey()));
                bb.append(": ");
                write(bb, entries.get(i).getValue(), indent, level + 1);
            });
        } else {
            throw new TemplateException("Object of type " + PyValues.typeName(v) + " is not JSON serializable");
        }
    }

    private interface Item {
        void write(int i, StringBuilder b);
    }

    private static void container(StringBuilder b, char open, char close, int n, int indent, int level, Item item) {
        b.append(open);
        if (n == 0) {
            b.append(close);
            return;
        }
        for (int i = 0; i < n; i++) {
            if (indent >= 0) {
                b.append(i == 0 ? "" : ",").append('\n').append(" ".repeat(indent * (level + 1)));
            } else if (i > 0) {
                b.append(", ");
            }
            item.write(i, b);
        }
        if (indent >= 0) {
            b.append('\n').append(" ".repeat(indent * level));
        }
        b.append(close);
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
