package dev.pinch.lm.chat;

import dev.pinch.lm.chat.Nodes.Expr;
import dev.pinch.lm.chat.Nodes.Node;
import dev.pinch.lm.chat.PyValues.Fn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a parsed template with jinja2's semantics: a {@code for} body has its own scope (a {@code set} inside
 * it does not leak, hence {@code namespace()}), {@code loop} variables, attribute then item lookup on dicts
 * ({@code message.content}), Undefined for missing keys, Python operators, and loop controls.
 */
final class Interpreter {

    private static final class Signal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean isBreak;

        Signal(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final Map<String, Object> globals;

    private Interpreter(Map<String, Object> globals) {
        this.globals = globals;
    }

    static String render(List<Node> template, Map<String, Object> context, Map<String, Object> globals) {
        Interpreter in = new Interpreter(globals);
        Map<String, Object> scope = new HashMap<>(context);
        in.run(template, scope);
        return in.out.toString();
    }

    private void run(List<Node> nodes, Map<String, Object> scope) {
        for (Node n : nodes) {
            switch (n) {
                case Nodes.Text t -> out.append(t.text());
                case Nodes.Output o -> out.append(PyValues.str(eval(o.expr(), scope)));
                case Nodes.If i -> {
                    for (int k = 0; k < i.bodies().size(); k++) {
                        if (k >= i.conditions().size() || PyValues.truthy(eval(i.conditions().get(k), scope))) {
                            run(i.bodies().get(k), scope);
                            break;
                        }
                    }
                }
                case Nodes.For f -> loop(f, scope);
                case Nodes.Set s -> scope.put(s.name(), eval(s.value(), scope));
                case Nodes.SetAttr s -> {
                    if (!(lookup(s.object(), scope) instanceof PyValues.Namespace ns)) {
                        throw new TemplateException("cannot assign attribute on non-namespace object " + s.object());
                    }
                    ns.put(s.attribute(), eval(s.value(), scope));
                }
                case Nodes.Break b -> throw new Signal(true);
                case Nodes.Continue c -> throw new Signal(false);
            }
        }
    }

    private void loop(Nodes.For f, Map<String, Object> scope) {
        List<Object> items = new ArrayList<>();
        for (Object item : PyValues.iterate(eval(f.iterable(), scope))) {
            if (f.filter() == null || PyValues.truthy(eval(f.filter(), bind(f, item, new HashMap<>(scope))))) {
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            run(f.orElse(), scope);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> inner = bind(f, items.get(i), new HashMap<>(scope));
            Map<String, Object> loop = new LinkedHashMap<>();
            loop.put("index", (long) i + 1);
            loop.put("index0", (long) i);
            loop.put("revindex", (long) (items.size() - i));
            loop.put("revindex0", (long) (items.size() - i - 1));
            loop.put("first", i == 0);
            loop.put("last", i == items.size() - 1);
            loop.put("length", (long) items.size());
            loop.put("previtem", i > 0 ? items.get(i - 1) : PyValues.UNDEFINED);
            loop.put("nextitem", i + 1 < items.size() ? items.get(i + 1) : PyValues.UNDEFINED);
            inner.put("loop", loop);
            try {
                run(f.body(), inner);
            } catch (Signal s) {
                if (s.isBreak) {
                    break;
                }
            }
        }
    }

    private static Map<String, Object> bind(Nodes.For f, Object item, Map<String, Object> scope) {
        if (f.targets().size() == 1) {
            scope.put(f.targets().get(0), item);
            return scope;
        }
        List<Object> parts = PyValues.iterate(item);
        if (parts.size() != f.targets().size()) {
            throw new TemplateException("cannot unpack " + parts.size() + " values into " + f.targets());
        }
        for (int k = 0; k < parts.size(); k++) {
            scope.put(f.targets().get(k), parts.get(k));
        }
        return scope;
    }

    private Object lookup(String name, Map<String, Object> scope) {
        if (scope.containsKey(name)) {
            return scope.get(name);
        }
        return globals.getOrDefault(name, PyValues.UNDEFINED);
    }

    private Object eval(Expr e, Map<String, Object> scope) {
        return switch (e) {
            case Nodes.Literal l -> l.value();
            case Nodes.Name n -> lookup(n.name(), scope);
            case Nodes.ListLit l -> {
                List<Object> items = new ArrayList<>();
                l.items().forEach(x -> items.add(eval(x, scope)));
                yield items;
            }
            case Nodes.DictLit d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int k = 0; k < d.keys().size(); k++) {
                    m.put(PyValues.str(eval(d.keys().get(k), scope)), eval(d.values().get(k), scope));
                }
                yield m;
            }
            case Nodes.Attr a -> attribute(eval(a.target(), scope), a.name());
            case Nodes.Item i -> item(eval(i.target(), scope), eval(i.key(), scope));
            case Nodes.Slice s -> PyValues.slice(eval(s.target(), scope), opt(s.start(), scope), opt(s.stop(), scope),
                    opt(s.step(), scope));
            case Nodes.Call c -> call(eval(c.target(), scope), c.args(), c.kwargs(), scope);
            case Nodes.Filter f -> Builtins.filter(f.name(), eval(f.target(), scope), values(f.args(), scope),
                    kwargs(f.kwargs(), scope));
            case Nodes.Test t -> t.negated() != Builtins.test(t.name(), eval(t.target(), scope), values(t.args(), scope));
            case Nodes.Unary u -> u.op().equals("not") ? !PyValues.truthy(eval(u.operand(), scope))
                    : negate(eval(u.operand(), scope));
            case Nodes.Binary b -> binary(b, scope);
            case Nodes.Conditional c -> PyValues.truthy(eval(c.condition(), scope)) ? eval(c.then(), scope)
                    : c.otherwise() == null ? PyValues.UNDEFINED : eval(c.otherwise(), scope);
        };
    }

    private Object opt(Expr e, Map<String, Object> scope) {
        return e == null ? null : eval(e, scope);
    }

    private List<Object> values(List<Expr> exprs, Map<String, Object> scope) {
        List<Object> out = new ArrayList<>();
        exprs.forEach(x -> out.add(eval(x, scope)));
        return out;
    }

    private Map<String, Object> kwargs(Map<String, Expr> exprs, Map<String, Object> scope) {
        Map<String, Object> out = new LinkedHashMap<>();
        exprs.forEach((k, x) -> out.put(k, eval(x, scope)));
        return out;
    }

    private Object call(Object target, List<Expr> args, Map<String, Expr> kwargs, Map<String, Object> scope) {
        if (!(target instanceof Fn fn)) {
            throw new TemplateException("'" + PyValues.typeName(target) + "' object is not callable");
        }
        return fn.call(values(args, scope), kwargs(kwargs, scope));
    }

    /** jinja2's getattr: the attribute (a method) first, then the item. */
    static Object attribute(Object v, String name) {
        if (v == PyValues.UNDEFINED) {
            throw new TemplateException("undefined value has no attribute '" + name + "'");
        }
        Fn m = Builtins.method(v, name);
        if (m != null) {
            return m;
        }
        if (v instanceof Map<?, ?> map) {
            return map.containsKey(name) ? map.get(name) : PyValues.UNDEFINED;
        }
        if (v instanceof String || v instanceof List) {
            throw new TemplateException("the method '" + PyValues.typeName(v) + "." + name + "' is not implemented");
        }
        return PyValues.UNDEFINED;
    }

    /** jinja2's getitem: the item first, then the attribute for a string key. */
    static Object item(Object v, Object key) {
        if (v == PyValues.UNDEFINED) {
            throw new TemplateException("undefined value has no item " + PyValues.repr(key));
        }
        if (v instanceof Map<?, ?> map) {
            if (map.containsKey(key)) {
                return map.get(key);
            }
            return key instanceof String s ? attribute(v, s) : PyValues.UNDEFINED;
        }
        if ((v instanceof List || v instanceof String) && (key instanceof Long || key instanceof Boolean)) {
            List<Object> items = PyValues.iterate(v);
            long i = PyValues.integer(key);
            i = i < 0 ? i + items.size() : i;
            return i >= 0 && i < items.size() ? items.get((int) i) : PyValues.UNDEFINED;
        }
        return key instanceof String s ? attribute(v, s) : PyValues.UNDEFINED;
    }

    static boolean contains(Object container, Object x) {
        if (container instanceof String s) {
            return s.contains(PyValues.str(x));
        }
        if (container instanceof Map<?, ?> m) {
            return m.containsKey(x);
        }
        return PyValues.iterate(container).stream().anyMatch(y -> PyValues.equal(x, y));
    }

    private static Object negate(Object v) {
        if (v instanceof Long l) {
            return -l;
        }
        if (v instanceof Double d) {
            return -d;
        }
        throw new TemplateException("bad operand type for unary -: " + PyValues.typeName(v));
    }

    private Object binary(Nodes.Binary b, Map<String, Object> scope) {
        if (b.op().equals("and")) {
            Object l = eval(b.left(), scope);
            return PyValues.truthy(l) ? eval(b.right(), scope) : l;
        }
        if (b.op().equals("or")) {
            Object l = eval(b.left(), scope);
            return PyValues.truthy(l) ? l : eval(b.right(), scope);
        }
        Object l = eval(b.left(), scope);
        Object r = eval(b.right(), scope);
        return switch (b.op()) {
            case "==" -> PyValues.equal(l, r);
            case "!=" -> !PyValues.equal(l, r);
            case "<" -> PyValues.compare(l, r) < 0;
            case ">" -> PyValues.compare(l, r) > 0;
            case "<=" -> PyValues.compare(l, r) <= 0;
            case ">=" -> PyValues.compare(l, r) >= 0;
            case "in" -> contains(r, l);
            case "not in" -> !contains(r, l);
            case "~" -> PyValues.str(l) + PyValues.str(r);
            default -> Arithmetic.apply(b.op(), l, r);
        };
    }
}
