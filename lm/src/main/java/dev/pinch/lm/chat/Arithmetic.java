package dev.pinch.lm.chat;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code + - * / // % **} on ints, floats, strings and lists. */
final class Arithmetic {

    private Arithmetic() {}

    static Object apply(String op, Object l, Object r) {
        if (op.equals("+") && l instanceof String a && r instanceof String b) {
            return a + b;
        }
        if (op.equals("+") && l instanceof List<?> a && r instanceof List<?> b) {
            List<Object> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
        if (op.equals("*") && l instanceof String s && r instanceof Long n) {
            return s.repeat((int) Math.max(0, n));
        }
        if (!(l instanceof Number) || !(r instanceof Number) || l instanceof Boolean || r instanceof Boolean) {
            throw new TemplateException("unsupported operand types for " + op + ": " + PyValues.typeName(l) + " and "
                    + PyValues.typeName(r));
        }
        boolean ints = l instanceof Long && r instanceof Long;
        double x = ((Number) l).doubleValue();
        double y = ((Number) r).doubleValue();
        return switch (op) {
            case "+" -> ints ? (Object) ((Long) l + (Long) r) : (Object) (x + y);
            case "-" -> ints ? (Object) ((Long) l - (Long) r) : (Object) (x - y);
            case "*" -> ints ? (Object) ((Long) l * (Long) r) : (Object) (x * y);
            case "/" -> x / nonZero(y);
            case "//" -> ints ? (Object) Math.floorDiv((Long) l, (long) nonZero(y)) : (Object) Math.floor(x / nonZero(y));
            case "%" -> ints ? (Object) Math.floorMod((Long) l, (long) nonZero(y)) : (Object) (x - Math.floor(x / nonZero(y)) * y);
            case "**" -> ints && (Long) r >= 0 ? (Object) (long) Math.pow(x, y) : (Object) Math.pow(x, y);
            default -> throw new TemplateException("operator " + op + " is not implemented");
        };
    }

    private static double nonZero(double y) {
        if (y == 0) {
            throw new TemplateException("division by zero");
        }
        return y;
    }
}
