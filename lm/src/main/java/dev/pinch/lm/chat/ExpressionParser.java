package dev.pinch.lm.chat;

import dev.pinch.lm.chat.ExprTokens.Token;
import dev.pinch.lm.chat.ExprTokens.Type;
import dev.pinch.lm.chat.Nodes.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the expression inside one tag with jinja2's precedence: conditional, or, and, not, comparisons
 * ({@code in}, {@code not in}), {@code + -}, {@code ~}, {@code * / // %}, {@code **}, unary minus, then filters and
 * {@code is} tests after attributes, subscripts, slices and calls.
 */
final class ExpressionParser {

    private static final Set<String> COMPARE = Set.of("==", "!=", "<", ">", "<=", ">=");

    private final String source;
    private final List<Token> toks;
    private int pos;

    ExpressionParser(String source) {
        this.source = source;
        this.toks = ExprTokens.tokenize(source);
    }

    /** Skips the statement's keyword. */
    void skip() {
        pos++;
    }

    /** Checks that the whole tag was read. */
    void end() {
        if (peek().type() != Type.END) {
            throw new TemplateException("unexpected '" + peek().text() + "' in: " + source);
        }
    }

    Expr expression() {
        return expression(true);
    }

    Expr expression(boolean conditional) {
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

    boolean accept(String op) {
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

    boolean acceptName(String name) {
        if (isName(peek(), name)) {
            pos++;
            return true;
        }
        return false;
    }

    void expectName(String name) {
        if (!acceptName(name)) {
            throw new TemplateException("expected '" + name + "' but found '" + peek().text() + "'");
        }
    }

    String name() {
        Token t = toks.get(pos++);
        if (t.type() != Type.NAME) {
            throw new TemplateException("expected a name but found '" + t.text() + "'");
        }
        return t.text();
    }
}
