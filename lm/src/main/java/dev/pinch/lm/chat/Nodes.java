package dev.pinch.lm.chat;

import java.util.List;
import java.util.Map;

/** The syntax tree of a template: statements ({@link Node}) and expressions ({@link Expr}). */
final class Nodes {

    private Nodes() {}

    sealed interface Node permits Text, Output, If, For, Set, SetAttr, Break, Continue {}

    record Text(String text) implements Node {}

    record Output(Expr expr) implements Node {}

    /** {@code if}/{@code elif}/{@code else}: conditions and bodies in order; the last body may have no condition. */
    record If(List<Expr> conditions, List<List<Node>> bodies) implements Node {}

    record For(List<String> targets, Expr iterable, Expr filter, List<Node> body, List<Node> orElse) implements Node {}

    record Set(String name, Expr value) implements Node {}

    record SetAttr(String object, String attribute, Expr value) implements Node {}

    record Break() implements Node {}

    record Continue() implements Node {}

    sealed interface Expr permits Literal, Name, ListLit, DictLit, Attr, Item, Slice, Call, Filter, Test, Unary, Binary,
            Conditional {}

    record Literal(Object value) implements Expr {}

    record Name(String name) implements Expr {}

    record ListLit(List<Expr> items) implements Expr {}

    record DictLit(List<Expr> keys, List<Expr> values) implements Expr {}

    record Attr(Expr target, String name) implements Expr {}

    record Item(Expr target, Expr key) implements Expr {}

    record Slice(Expr target, Expr start, Expr stop, Expr step) implements Expr {}

    record Call(Expr target, List<Expr> args, Map<String, Expr> kwargs) implements Expr {}

    record Filter(Expr target, String name, List<Expr> args, Map<String, Expr> kwargs) implements Expr {}

    record Test(Expr target, String name, List<Expr> args, boolean negated) implements Expr {}

    record Unary(String op, Expr operand) implements Expr {}

    record Binary(String op, Expr left, Expr right) implements Expr {}

    record Conditional(Expr condition, Expr then, Expr otherwise) implements Expr {}
}
