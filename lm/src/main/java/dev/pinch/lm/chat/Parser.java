package dev.pinch.lm.chat;

import dev.pinch.lm.chat.Nodes.Expr;
import dev.pinch.lm.chat.Nodes.Node;
import dev.pinch.lm.chat.TemplateLexer.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the statements chat templates use ({@code if}, {@code for} with loop controls,
 * {@code set} including namespace attributes, and transformers' {@code generation} block); expressions are left to
 * {@link ExpressionParser}. Any other statement is refused by name.
 */
final class Parser {

    private final List<Chunk> chunks;
    private int at;
    private ExpressionParser ex;

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
                    ex = new ExpressionParser(c.text());
                    out.add(new Nodes.Output(ex.expression()));
                    ex.end();
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
        ex = new ExpressionParser(text);
        ex.skip();
        switch (word) {
            case "if" -> {
                List<Expr> conds = new ArrayList<>();
                List<List<Node>> bodies = new ArrayList<>();
                conds.add(ex.expression());
                ex.end();
                while (true) {
                    bodies.add(body(Set.of("elif", "else", "endif")));
                    String w = keyword();
                    if (w.equals("endif")) {
                        break;
                    }
                    if (w.equals("elif")) {
                        conds.add(ex.expression());
                        ex.end();
                    } else {
                        ex.end();
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
                    targets.add(ex.name());
                } while (ex.accept(","));
                ex.expectName("in");
                Expr iterable = ex.expression(false);
                Expr filter = ex.acceptName("if") ? ex.expression(false) : null;
                ex.end();
                List<Node> loop = body(Set.of("else", "endfor"));
                List<Node> orElse = List.of();
                if (keyword().equals("else")) {
                    orElse = body(Set.of("endfor"));
                    keyword();
                }
                return List.of(new Nodes.For(targets, iterable, filter, loop, orElse));
            }
            case "set" -> {
                String target = ex.name();
                String attr = ex.accept(".") ? ex.name() : null;
                if (!ex.accept("=")) {
                    throw new TemplateException("{% set " + target + " %}...{% endset %} blocks are not implemented");
                }
                Expr value = ex.expression();
                ex.end();
                return List.of(attr == null ? new Nodes.Set(target, value) : new Nodes.SetAttr(target, attr, value));
            }
            case "break", "continue" -> {
                ex.end();
                return List.of(word.equals("break") ? new Nodes.Break() : new Nodes.Continue());
            }
            case "generation" -> { // transformers' assistant-mask marker: renders its body unchanged
                ex.end();
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
        ex = new ExpressionParser(c.text());
        ex.skip();
        return c.text().split("\\s+", 2)[0];
    }
}
