package dev.reason4j.model.tokenizer;

/**
 * The value of a Jinja2 string literal: Jinja2 decodes the text between the quotes with Python's
 * {@code unicode-escape} codec: the escapes n, t, r, a, b, f, v, backslash, both quotes, x with two
 * hex digits, u with four, U with eight, up to three octal digits, and a backslash before a newline
 * joining the lines. Any other backslash stays as it is.
 */
final class PyStringLiteral {
    private PyStringLiteral() {
    }

    static String decode(String body) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits > body.length()) {
                        throw new IllegalArgumentException("truncated \\" + e + " escape in string literal '" + body + "'");
                    }
                    out.appendCodePoint(Integer.parseInt(body.substring(i, i + digits), 16));
                    i += digits;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < body.length() && end < i + 2 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.appendCodePoint(Integer.parseInt(body.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
