package dev.pinch.lm.chat;

import dev.pinch.lm.chat.ExprTokens.Token;
import dev.pinch.lm.chat.ExprTokens.Type;
import dev.pinch.lm.chat.Nodes.Expr;
import dev.pinch.lm.chat.Nodes.Node;
import dev.pinch.lm.chat.TemplateLexer.Chunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser of jinja2's grammar for the statements chat templates use ({@code if}, {@code for}
 * with loop controls, {@code set} including namespace attributes, and transformers' {@code generation} block)
 * and jinja2's expression precedence (conditional, or, and, not, comparisons and tests, + -, ~, * / // %, **,
 * unary minus, filters, attributes, subscripts and slices, calls). Anything else is refused by name.
 */
final class Parser {

    private static final Set<String> COMPARE = Set.of("==", "!=", "<", ">", "<=", ">=");

    private final List<Chunk> chunks;
    private int at;
    private List<Token> toks;
    private int pos;

    private Parser(List<Chunk> chunks) {
        this.chunks = chunks;
    }

    static List<Node> parse(String source) {
        Parser p = new Parser(TemplateLexer.lex(source));
        List<Node> body = p.body(Set.of());
        if (p.at < p.chunks.size()) {
            throw new TemplateException("unexpected {% " + p.chunks.get(p.at).text() + " %}");
        }
        return body;
    }

    /** Parses nodes until a statement whose first word is in {@code ends} (left unconsumed) or the end. */
    private List<Node> body(Set<String> ends) {
        List<Node> out = new ArrayList<>();
        while (at < chunks.size()) {
            Chunk c = chunks.get(at);
            switch (c.kind()) {
                case TEXT -> {
                    out.add(new Nodes.Text(c.text()));
                    at++;
                }
                case OUTPUT -> {
                    start(c.text());
                    out.add(new Nodes.Output(expression()));
                    end();
                    at++;
                }
                case STATEMENT -> {
                    String word = c.text().split("\\s+", 2)[0];
                    if (ends.contains(word)) {
                        return out;
                    }
                    at++;
                    out.addAll(statement(word, c.text()));
                }
            }
        }
        if (!ends.isEmpty()) {
            throw new TemplateException("missing {% " + String.join(" or ", ends) + " %}");
        }
        return out;
    }

    private List<Node> statement(String word, String text) {
        start(text);
        pos++;
        switch (word) {
            case "if" -> {
                List<Expr> conds = new ArrayList<>();
                List<List<Node>> bodies = new ArrayList<>();
                conds.add(expression());
                end();
                while (true) {
                    bodies.add(body(Set.of("elif", "else", "endif")));
                    String w = keyword();
                    if (w.equals("endif")) {
                        break;
                    }
                    if (w.equals("elif")) {
                        conds.add(expression());
                        end();
                    } else {
                        end();
                        bodies.add(body(Set.of("endif")));
                        keyword();
                        break;
                    }
                }
                return List.of(new Nodes.If(conds, bodies));
            }
            case "for" -> {
                List<String> targets = new ArrayList<>();
                do {
                    targets.add(name());
                } while (accept(","));
                expectName("in");
                Expr iterable = expression(false);
                Expr filter = acceptName("if") ? expression(false) : null;
                end();
                List<Node> loop = body(Set.of("else", "endfor"));
                List<Node> orElse = List.of();
                if (keyword().equals("else")) {
                    orElse = body(Set.of("endfor"));
                    keyword();
                }
                return List.of(new Nodes.For(targets, iterable, filter, loop, orElse));
            }
            case "set" -> {
                String target = name();
                String attr = accept(".") ? name() : null;
                if (!accept("=")) {
                    throw new TemplateException("{% set " + target + " %}...{% endset %} blocks are not implemented");
                }
                Expr value = expression();
                end();
                return List.of(attr == null ? new Nodes.Set(target, value) : new Nodes.SetAttr(target, attr, value));
            }
            case "break", "continue" -> {
                end();
                return List.of(word.equals("break") ? new Nodes.Break() : new Nodes.Continue());
            }
            case "generation" -> { // transformers' assistant-mask marker: renders its body unchanged
                end();
                List<Node> inner = body(Set.of("endgeneration"));
                keyword();
                return inner;
            }
            default -> throw new TemplateException("the statement {% " + word + " %} is not implemented");
        }
    }

    /** Consumes the current (closing) statement chunk and returns its first word. */
    private String keyword() {
        Chunk c = chunks.get(at++);
        start(c.text());
        pos++;
        return c.text().split("\\s+", 2)[0];
    }

    private void start(String text) {
        toks = ExprTokens.tokenize(text);
        pos = 0;
    }

    private void end() {
        if (peek().type() != Type.END) {
            throw new TemplateException("unexpected '" + peek().text() + "' in: " + chunks.get(Math.min(at, chunks.size() - 1)).text());
        }
    }

    Expr expression() {
        return expression(true);
    }

    private Expr expression(boolean conditional) {
        Expr e = or();
        while (conditional && acceptName("if")) {
            Expr cond = or();
            Expr otherwise = acceptName("else") ? expression(true) : null;
            e = new Nodes.Conditional(cond, e, otherwise);
        }
        return e;
    }

    private Expr or() {
        Expr e = and();
        while (acceptName("or")) {
            e = new Nodes.Binary("or", e, and());
        }
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (acceptName("and")) {
            e = new Nodes.Binary("and", e, not());
        }
        return e;
    }

    private Expr not() {
        return acceptName("not") ? new Nodes.Unary("not", not()) : compare();
    }

    private Expr compare() {
        Expr e = math1();
        while (true) {
            Token t = peek();
            if (t.type() == Type.OP && COMPARE.contains(t.text())) {
                pos++;
                e = new Nodes.Binary(t.text(), e, math1());
            } else if (acceptName("in")) {
                e = new Nodes.Binary("in", e, math1());
            } else if (isName(peek(), "not") && isName(toks.get(pos + 1), "in")) {
                pos += 2;
                e = new Nodes.Binary("not in", e, math1());
            } else {
                return e;
            }
        }
    }

    private Expr math1() {
        Expr e = concat();
        while (peekOp("+") || peekOp("-")) {
            e = new Nodes.Binary(toks.get(pos++).text(), e, concat());
        }
        return e;
    }

    private Expr concat() {
        Expr e = math2();
        while (accept("~")) {
            e = new Nodes.Binary("~", e, math2());
        }
        return e;
    }

    private Expr math2() {
        Expr e = pow();
        while (peekOp("*") || peekOp("/") || peekOp("//") || peekOp("%")) {
            e = new Nodes.Binary(toks.get(pos++).text(), e, pow());
        }
        return e;
    }

    private Expr pow() {
        Expr e = unary(true);
        while (accept("**")) {
            e = new Nodes.Binary("**", e, unary(true));
        }
        return e;
    }

    private Expr unary(boolean withFilter) {
        Expr e;
        if (accept("-")) {
            e = new Nodes.Unary("-", unary(false));
        } else if (accept("+")) {
            e = unary(false);
        } else {
            e = postfix(primary());
        }
        return withFilter ? filters(e) : e;
    }

    private Expr primary() {
        Token t = toks.get(pos++);
        switch (t.type()) {
            case STRING -> {
                StringBuilder b = new StringBuilder((String) t.value());
                while (peek().type() == Type.STRING) {
                    b.append((String) toks.get(pos++).value());
                }
                return new Nodes.Literal(b.toString());
            }
            case NUMBER -> {
                return new Nodes.Literal(t.value());
            }
            case NAME -> {
                return switch (t.text()) {
                    case "true", "True" -> new Nodes.Literal(Boolean.TRUE);
                    case "false", "False" -> new Nodes.Literal(Boolean.FALSE);
                    case "none", "None" -> new Nodes.Literal(null);
                    default -> new Nodes.Name(t.text());
                };
            }
            case OP -> {
                if (t.text().equals("(")) {
                    if (accept(")")) {
                        return new Nodes.ListLit(List.of());
                    }
                    Expr first = expression();
                    if (accept(")")) {
                        return first;
                    }
                    List<Expr> items = new ArrayList<>(List.of(first));
                    while (accept(",") && !peekOp(")")) {
                        items.add(expression());
                    }
                    expect(")");
                    return new Nodes.ListLit(items);
                }
                if (t.text().equals("[")) {
                    List<Expr> items = new ArrayList<>();
                    while (!accept("]")) {
                        items.add(expression());
                        if (!accept(",")) {
                            expect("]");
                            break;
                        }
                    }
                    return new Nodes.ListLit(items);
                }
                if (t.text().equals("{")) {
                    List<Expr> keys = new ArrayList<>();
                    List<Expr> values = new ArrayList<>();
                    while (!accept("}")) {
                        keys.add(expression());
                        expect(":");
                        values.add(expression());
                        if (!accept(",")) {
                            expect("}");
                            break;
                        }
                    }
                    return new Nodes.DictLit(keys, values);
                }
                throw new TemplateException("unexpected '" + t.text() + "'");
            }
            default -> throw new TemplateException("unexpected end of expression");
        }
    }

    private Expr postfix(Expr e) {
        while (true) {
            if (accept(".")) {
                Token t = toks.get(pos++);
                e = t.type() == Type.NUMBER ? new Nodes.Item(e, new Nodes.Literal(t.value())) : new Nodes.Attr(e, t.text());
            } else if (accept("[")) {
                Expr[] parts = new Expr[3];
                int colons = 0;
                while (!accept("]")) {
                    if (accept(":")) {
                        colons++;
                    } else {
                        parts[colons] = expression();
                    }
                }
                e = colons == 0 ? new Nodes.Item(e, parts[0]) : new Nodes.Slice(e, parts[0], parts[1], parts[2]);
            } else if (peekOp("(")) {
                Map<String, Expr> kwargs = new LinkedHashMap<>();
                e = new Nodes.Call(e, args(kwargs), kwargs);
            } else {
                return e;
            }
        }
    }

    private Expr filters(Expr e) {
        while (true) {
            if (accept("|")) {
                String name = name();
                Map<String, Expr> kwargs = new LinkedHashMap<>();
                List<Expr> args = peekOp("(") ? args(kwargs) : List.of();
                e = new Nodes.Filter(e, name, args, kwargs);
            } else if (acceptName("is")) {
                boolean negated = acceptName("not");
                String name = name();
                List<Expr> args = List.of();
                if (peekOp("(")) {
                    args = args(new LinkedHashMap<>());
                } else if (peek().type() == Type.STRING || peek().type() == Type.NUMBER
                        || peek().type() == Type.NAME && !Set.of("else", "or", "and", "if").contains(peek().text())) {
                    args = List.of(postfix(primary()));
                }
                e = new Nodes.Test(e, name, args, negated);
            } else {
                return e;
            }
        }
    }

    private List<Expr> args(Map<String, Expr> kwargs) {
        expect("(");
        List<Expr> args = new ArrayList<>();
        while (!accept(")")) {
            if (peek().type() == Type.NAME && toks.get(pos + 1).text().equals("=")
                    && toks.get(pos + 1).type() == Type.OP) {
                String key = name();
                pos++;
                kwargs.put(key, expression());
            } else if (peekOp("*") || peekOp("**")) {
                throw new TemplateException("*args and **kwargs in calls are not implemented");
            } else {
                args.add(expression());
            }
            if (!accept(",")) {
                expect(")");
                break;
            }
        }
        return args;
    }

    private Token peek() {
        return toks.get(pos);
    }

    private boolean peekOp(String op) {
        return peek().type() == Type.OP && peek().text().equals(op);
    }

    private boolean accept(String op) {
        if (peekOp(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String op) {
        if (!accept(op)) {
            throw new TemplateException("expected '" + op + "' but found '" + peek().text() + "'");
        }
    }

    private static boolean isName(Token t, String name) {
        return t.type() == Type.NAME && t.text().equals(name);
    }

    private boolean acceptName(String name) {
        if (isName(peek(), name)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectName(String name) {
        if (!acceptName(name)) {
            throw new TemplateException("expected '" + name + "' but found '" + peek().text() + "'");
        }
    }

    private String name() {
        Token t = toks.get(pos++);
        if (t.type() != Type.NAME) {
            throw new TemplateException("expected a name but found '" + t.text() + "'");
        }
        return t.text();
    }
}
