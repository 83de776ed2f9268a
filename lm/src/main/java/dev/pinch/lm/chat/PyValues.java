package dev.pinch.lm.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Python's semantics for the values a template sees: {@code null} is None, {@link #UNDEFINED} is jinja2's
 * Undefined, numbers are Long or Double, strings, lists, maps (dicts and namespaces) and {@link Fn} callables.
 */
final class PyValues {

    /** jinja2's Undefined: prints as nothing, is false, and raises on attribute access. */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "Undefined";
        }
    };

    /** A callable value (global function, bound method). */
    @FunctionalInterface
    interface Fn {
        Object call(List<Object> args, Map<String, Object> kwargs);
    }

    /** jinja2's namespace(): a mutable attribute holder. */
    static final class Namespace extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }

    private PyValues() {}

    static boolean truthy(Object v) {
        if (v == null || v == UNDEFINED) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty() || v instanceof Namespace;
        }
        return true;
    }

    /** Python's {@code str()}. */
    static String str(Object v) {
        if (v == UNDEFINED) {
            return "";
        }
        return v instanceof String s ? s : repr(v);
    }

    /** Python's {@code repr()}. */
    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return floatRepr(d);
        }
        if (v instanceof String s) {
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(repr(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(repr(k) + ": " + repr(x)));
            return (v instanceof Namespace ? "<Namespace {" : "{") + String.join(", ", parts) + (v instanceof Namespace ? "}>" : "}");
        }
        return String.valueOf(v);
    }

    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.format("%.1f", d);
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            String[] p = s.split("E");
            int exp = Integer.parseInt(p[1]);
            String mant = p[0].endsWith(".0") ? p[0].substring(0, p[0].length() - 2) : p[0];
            return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        return s;
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw new TemplateException("cannot compare " + typeName(a) + " with " + typeName(b));
    }

    static String typeName(Object v) {
        return v == null ? "NoneType" : v == UNDEFINED ? "Undefined" : v instanceof String ? "str"
                : v instanceof Long ? "int" : v instanceof Double ? "float" : v instanceof Boolean ? "bool"
                : v instanceof List ? "list" : v instanceof Map ? "dict" : v.getClass().getSimpleName();
    }

    static long integer(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new TemplateException("expected an integer, got " + typeName(v));
    }

    static int len(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new TemplateException("object of type " + typeName(v) + " has no len()");
    }

    /** The items a {@code for} loop or a filter iterates over. */
    static List<Object> iterate(Object v) {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (v instanceof String s) {
            List<Object> out = new ArrayList<>();
            s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
            return out;
        }
        if (v == UNDEFINED) {
            return List.of();
        }
        throw new TemplateException("'" + typeName(v) + "' object is not iterable");
    }

    /** Python's {@code seq[start:stop:step]} for lists and strings. */
    static Object slice(Object seq, Object start, Object stop, Object step) {
        List<Object> items = iterate(seq);
        int n = items.size();
        long st = step == null ? 1 : integer(step);
        if (st == 0) {
            throw new TemplateException("slice step cannot be zero");
        }
        long lo = bound(start, n, st > 0 ? 0 : n - 1, st);
        long hi = bound(stop, n, st > 0 ? n : -1, st);
        List<Object> out = new ArrayList<>();
        for (long i = lo; st > 0 ? i < hi : i > hi; i += st) {
            out.add(items.get((int) i));
        }
        if (seq instanceof String) {
            StringBuilder b = new StringBuilder();
            out.forEach(b::append);
            return b.toString();
        }
        return out;
    }

    private static long bound(Object v, int n, long dflt, long step) {
        if (v == null) {
            return dflt;
        }
        long i = integer(v);
        if (i < 0) {
            i += n;
        }
        return step > 0 ? Math.max(0, Math.min(n, i)) : Math.max(-1, Math.min(n - 1, i));
    }
}
