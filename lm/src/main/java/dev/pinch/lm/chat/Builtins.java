package dev.pinch.lm.chat;

import dev.pinch.lm.chat.PyValues.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filters, tests and methods of jinja2 and Python that chat templates use. A name outside these is refused
 * with a {@link TemplateException} that names it, rather than rendered differently from Python.
 */
final class Builtins {

    private Builtins() {}

    static Object filter(String name, Object v, List<Object> args, Map<String, Object> kwargs) {
        return switch (name) {
            case "trim" -> strip(PyValues.str(v), null, true, true);
            case "length", "count" -> (long) PyValues.len(v);
            case "string" -> PyValues.str(v);
            case "lower" -> PyValues.str(v).toLowerCase(java.util.Locale.ROOT);
            case "upper" -> PyValues.str(v).toUpperCase(java.util.Locale.ROOT);
            case "safe" -> v;
            case "tojson" -> Json.dumps(v, kwargs.containsKey("indent") ? (int) PyValues.integer(kwargs.get("indent"))
                    : args.isEmpty() ? -1 : (int) PyValues.integer(args.get(0)));
            case "default", "d" -> {
                boolean bool = args.size() > 1 && PyValues.truthy(args.get(1)) || PyValues.truthy(kwargs.get("boolean"));
                Object dflt = args.isEmpty() ? kwargs.getOrDefault("default_value", "") : args.get(0);
                yield v == PyValues.UNDEFINED || bool && !PyValues.truthy(v) ? dflt : v;
            }
            case "first" -> {
                List<Object> l = PyValues.iterate(v);
                yield l.isEmpty() ? PyValues.UNDEFINED : l.get(0);
            }
            case "last" -> {
                List<Object> l = PyValues.iterate(v);
                yield l.isEmpty() ? PyValues.UNDEFINED : l.get(l.size() - 1);
            }
            case "list" -> PyValues.iterate(v);
            case "join" -> {
                List<String> parts = new ArrayList<>();
                PyValues.iterate(v).forEach(x -> parts.add(PyValues.str(x)));
                yield String.join(args.isEmpty() ? "" : PyValues.str(args.get(0)), parts);
            }
            case "items" -> items(v);
            case "replace" -> PyValues.str(v).replace(PyValues.str(args.get(0)), PyValues.str(args.get(1)));
            case "abs" -> v instanceof Long l ? (Object) Math.abs(l) : (Object) Math.abs(((Number) v).doubleValue());
            default -> throw new TemplateException("the filter '" + name + "' is not implemented");
        };
    }

    static boolean test(String name, Object v, List<Object> args) {
        return switch (name) {
            case "defined" -> v != PyValues.UNDEFINED;
            case "undefined" -> v == PyValues.UNDEFINED;
            case "none" -> v == null;
            case "string" -> v instanceof String;
            case "number" -> v instanceof Long || v instanceof Double;
            case "integer" -> v instanceof Long;
            case "float" -> v instanceof Double;
            case "boolean" -> v instanceof Boolean;
            case "true" -> Boolean.TRUE.equals(v);
            case "false" -> Boolean.FALSE.equals(v);
            case "mapping" -> v instanceof Map;
            case "iterable" -> v instanceof List || v instanceof Map || v instanceof String;
            case "sequence" -> v instanceof List || v instanceof Map || v instanceof String;
            case "callable" -> v instanceof Fn;
            case "odd" -> PyValues.integer(v) % 2 != 0;
            case "even" -> PyValues.integer(v) % 2 == 0;
            case "divisibleby" -> PyValues.integer(v) % PyValues.integer(args.get(0)) == 0;
            case "eq", "equalto", "==" -> PyValues.equal(v, args.get(0));
            case "ne", "!=" -> !PyValues.equal(v, args.get(0));
            case "in" -> Interpreter.contains(args.get(0), v);
            default -> throw new TemplateException("the test 'is " + name + "' is not implemented");
        };
    }

    /** A method of a string or a dict, bound to its receiver; null when there is none of that name. */
    static Fn method(Object receiver, String name) {
        if (receiver instanceof String s) {
            return switch (name) {
                case "strip", "lstrip", "rstrip" -> (a, k) -> strip(s, a.isEmpty() || a.get(0) == null ? null
                        : PyValues.str(a.get(0)), !name.equals("rstrip"), !name.equals("lstrip"));
                case "startswith" -> (a, k) -> anyAffix(a.get(0), x -> s.startsWith(x));
                case "endswith" -> (a, k) -> anyAffix(a.get(0), x -> s.endsWith(x));
                case "split" -> (a, k) -> split(s, a.isEmpty() ? null : (String) a.get(0),
                        a.size() > 1 ? (int) PyValues.integer(a.get(1)) : -1);
                case "upper" -> (a, k) -> s.toUpperCase(java.util.Locale.ROOT);
                case "lower" -> (a, k) -> s.toLowerCase(java.util.Locale.ROOT);
                case "replace" -> (a, k) -> s.replace(PyValues.str(a.get(0)), PyValues.str(a.get(1)));
                case "find" -> (a, k) -> (long) s.indexOf(PyValues.str(a.get(0)));
                case "join" -> (a, k) -> {
                    List<String> parts = new ArrayList<>();
                    PyValues.iterate(a.get(0)).forEach(x -> parts.add(PyValues.str(x)));
                    return String.join(s, parts);
                };
                default -> null;
            };
        }
        if (receiver instanceof Map<?, ?> m && !(receiver instanceof PyValues.Namespace)) {
            return switch (name) {
                case "items" -> (a, k) -> items(m);
                case "keys" -> (a, k) -> new ArrayList<Object>(m.keySet());
                case "values" -> (a, k) -> new ArrayList<Object>(m.values());
                case "get" -> (a, k) -> m.containsKey(a.get(0)) ? m.get(a.get(0)) : a.size() > 1 ? a.get(1) : null;
                default -> null;
            };
        }
        return null;
    }

    private static List<Object> items(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new TemplateException("items() needs a mapping, got " + PyValues.typeName(v));
        }
        List<Object> out = new ArrayList<>();
        m.forEach((k, x) -> out.add(java.util.Arrays.asList(k, x)));
        return out;
    }

    private static boolean anyAffix(Object arg, java.util.function.Predicate<String> test) {
        if (arg instanceof List<?> l) {
            return l.stream().anyMatch(x -> test.test(PyValues.str(x)));
        }
        return test.test(PyValues.str(arg));
    }

    /** Python's {@code str.strip(chars)}: whitespace when {@code chars} is null. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int a = 0;
        int b = s.length();
        while (left && a < b && strippable(s.charAt(a), chars)) {
            a++;
        }
        while (right && b > a && strippable(s.charAt(b - 1), chars)) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean strippable(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : chars.indexOf(c) >= 0;
    }

    /** Python's {@code str.split(sep, maxsplit)}. */
    static List<Object> split(String s, String sep, int max) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            for (String part : strip(s, null, true, true).split("\\s+", max < 0 ? 0 : max + 1)) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new TemplateException("empty separator");
        }
        int from = 0;
        int k;
        while ((max < 0 || out.size() < max) && (k = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, k));
            from = k + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }
}
