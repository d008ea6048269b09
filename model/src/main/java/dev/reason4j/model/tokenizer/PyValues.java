package dev.reason4j.model.tokenizer;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * How Python prints values: {@code str()} and {@code repr()} of the JSON-like values a chat template
 * sees (strings, numbers, booleans, None, lists, dicts), so that {@code {{ x }}} renders as Jinja2 does.
 */
final class PyValues {
    private PyValues() {
    }

    /** Python's {@code str(x)}; {@code null} renders as Jinja2 renders an undefined value: empty. */
    static String str(Object x) {
        if (x == null) {
            return "";
        }
        if (x instanceof CharSequence s) {
            return s.toString();
        }
        return repr(x);
    }

    /** Python's {@code repr(x)}. */
    static String repr(Object x) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, x);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object x) {
        if (x == null) {
            out.append("None");
        } else if (x instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (x instanceof Double || x instanceof Float) {
            out.append(floatRepr(((Number) x).doubleValue()));
        } else if (x instanceof Number n) {
            out.append(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        } else if (x instanceof CharSequence s) {
            appendStringRepr(out, s.toString());
        } else if (x instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                appendRepr(out, e.getKey());
                out.append(": ");
                appendRepr(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else if (x instanceof Collection<?> list) {
            out.append('[');
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                appendRepr(out, it.next());
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else {
            appendStringRepr(out, x.toString());
        }
    }

    private static void appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        out.append(quote);
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that round-trip, positional for decimal exponents
     * in [-4, 16), scientific ({@code 1e-05}, {@code 1e+16}) outside.
     */
    static String floatRepr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int pointAt = digits.length() - d.scale(); // value = 0.digits * 10^pointAt
        StringBuilder out = new StringBuilder(x < 0 ? "-" : "");
        if (pointAt > -4 && pointAt <= 16) {
            if (pointAt <= 0) {
                out.append("0.").append("0".repeat(-pointAt)).append(digits);
            } else if (pointAt >= digits.length()) {
                out.append(digits).append("0".repeat(pointAt - digits.length())).append(".0");
            } else {
                out.append(digits, 0, pointAt).append('.').append(digits.substring(pointAt));
            }
            return out.toString();
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits.substring(1));
        }
        int exponent = pointAt - 1;
        out.append('e').append(exponent < 0 ? '-' : '+');
        String e = Integer.toString(Math.abs(exponent));
        return out.append(e.length() < 2 ? "0" + e : e).toString();
    }
}
