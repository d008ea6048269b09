package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.math.Expr.Const;
import dev.reason4j.verifiers.math.Expr.Fn;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser from a normalized LaTeX or plain-text scalar ({@code 2\sqrt{3}x^2},
 * {@code \frac12}, {@code sin(x)^2}, {@code \binom{5}{2}}) to an {@link Expr}.
 *
 * <p>Conventions, chosen so that no reading can turn a wrong answer into a right one:
 * <ul>
 *   <li>juxtaposition multiplies ({@code 2\pi r}), but a factor may not start with a digit after
 *       another factor: {@code 3 4} and {@code x2} are refused, never read as 12 or 2x;</li>
 *   <li>a run of two or more letters is a product of single-letter variables only inside a
 *       formula and only up to three letters ({@code 2xy}); alone ({@code yes}, {@code xy}) or
 *       longer it is not an expression, so words are compared as text, never as products of
 *       letters that a reordering would match; {@code or} and {@code and} are never products;</li>
 *   <li>{@code e} is Euler's number, {@code i} the imaginary unit, {@code \log} the natural log;</li>
 *   <li>{@code 2^10} is 1024 (plain-text reading of a digit run), {@code a^b^c} is {@code a^(b^c)};</li>
 *   <li>{@code 1.5e3} is scientific notation.</li>
 * </ul>
 * Every nesting level (parentheses, braces, signs, exponents) counts against
 * {@link MathVerifierConfig#maxNesting()}, so recursion depth is bounded before the stack is.
 */
final class ExpressionParser extends LatexScanner {

    private final boolean formula;
    private int openBars;

    private ExpressionParser(String s, Budget budget) {
        super(s, budget);
        this.formula = s.chars().anyMatch(c -> !Character.isLetter(c) && c != ' ');
    }

    /** Parses the whole of {@code s}; throws {@link AnswerParseException} or {@link LimitExceededException}. */
    static Expr parse(String s, Budget budget) {
        ExpressionParser p = new ExpressionParser(s, budget);
        Expr e = p.parseSum();
        p.skipSpaces();
        if (p.pos < s.length()) {
            throw new AnswerParseException("unexpected '" + s.charAt(p.pos) + "' at position " + p.pos + " in '" + s + "'");
        }
        return e;
    }

    Expr parseSum() {
        enter();
        List<Expr> terms = new ArrayList<>();
        terms.add(parseTerm());
        while (true) {
            skipSpaces();
            if (accept('+')) {
                terms.add(parseTerm());
            } else if (accept('-')) {
                terms.add(new Expr.Neg(parseTerm()));
            } else {
                break;
            }
            budget.tick();
        }
        exit();
        return terms.size() == 1 ? terms.get(0) : new Expr.Sum(terms);
    }

    private Expr parseTerm() {
        List<Expr> factors = new ArrayList<>();
        factors.add(parseSigned());
        while (true) {
            skipSpaces();
            String command = peekCommand();
            if (accept('*') || command != null && LatexNames.PRODUCT_OPERATORS.contains(command) && consumeCommand()) {
                factors.add(parseSigned());
            } else if (accept('/') || command != null && LatexNames.QUOTIENT_OPERATORS.contains(command) && consumeCommand()) {
                factors.add(new Expr.Recip(parseSigned()));
            } else if (startsImplicitFactor()) {
                factors.add(parsePower());
            } else {
                break;
            }
            budget.tick();
        }
        return factors.size() == 1 ? factors.get(0) : new Expr.Product(factors);
    }

    Expr parseSigned() {
        skipSpaces();
        if (accept('-')) {
            enter();
            Expr e = new Expr.Neg(parseSigned());
            exit();
            return e;
        }
        if (accept('+')) {
            enter();
            Expr e = parseSigned();
            exit();
            return e;
        }
        return parsePower();
    }

    Expr parsePower() {
        Expr base = parsePostfix();
        skipSpaces();
        return accept('^') ? new Expr.Power(base, parseExponent()) : base;
    }

    /** After {@code ^}: a braced group, a digit run, one letter, a command or a parenthesis; towers associate right. */
    Expr parseExponent() {
        enter();
        skipSpaces();
        Expr e;
        if (accept('-')) {
            e = new Expr.Neg(parseExponentAtom());
        } else {
            accept('+');
            e = parseExponentAtom();
        }
        skipSpaces();
        if (accept('^')) {
            e = new Expr.Power(e, parseExponent());
        }
        exit();
        return e;
    }

    private Expr parseExponentAtom() {
        skipSpaces();
        if (pos < s.length() && isAsciiLetter(s.charAt(pos))) {
            return letter(s.charAt(pos++));
        }
        return parsePrimary();
    }

    private Expr parsePostfix() {
        Expr e = parsePrimary();
        int bangs = 0;
        while (pos < s.length() && s.charAt(pos) == '!') {
            pos++;
            enter();
            bangs++;
            e = new Expr.Factorial(e);
        }
        depth -= bangs;
        return e;
    }

    private Expr parsePrimary() {
        skipSpaces();
        budget.tick();
        if (pos >= s.length()) {
            throw new AnswerParseException("expression ends too early: '" + s + "'");
        }
        char c = s.charAt(pos);
        if (Character.isDigit(c) || c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
            return parseNumber(budget);
        }
        if (c == '(' || c == '[' || c == '{') {
            pos++;
            return closeGroup(c == '(' ? ')' : c == '[' ? ']' : '}');
        }
        if (c == '|') {
            pos++;
            openBars++;
            Expr inner = closeGroup('|');
            openBars--;
            return new Expr.Call(Fn.ABS, inner);
        }
        if (c == '\\') {
            return parseCommand();
        }
        if (isAsciiLetter(c)) {
            return parseLetters();
        }
        throw new AnswerParseException("unexpected '" + c + "' in '" + s + "'");
    }

    /** A bracketed group after its opening bracket: one nesting level. */
    Expr group(char close) {
        enter();
        Expr e = closeGroup(close);
        exit();
        return e;
    }

    private Expr closeGroup(char close) {
        Expr inner = parseSum();
        skipSpaces();
        if (!accept(close)) {
            throw new AnswerParseException("expected '" + close + "' at position " + pos + " in '" + s + "'");
        }
        return inner;
    }

    private Expr parseCommand() {
        String name = peekCommand();
        if (name == null) {
            throw new AnswerParseException("unexpected '\\" + (pos + 1 < s.length() ? s.charAt(pos + 1) : "") + "' in '" + s + "'");
        }
        consumeCommand();
        return switch (name) {
            case "frac" -> new Expr.Product(List.of(parseArgument(), new Expr.Recip(parseArgument())));
            case "binom" -> new Expr.Binomial(parseArgument(), parseArgument());
            case "sqrt" -> parseRoot();
            case "pi" -> new Expr.Constant(Const.PI);
            case "lfloor" -> floorOrCeil(Fn.FLOOR, "rfloor");
            case "lceil" -> floorOrCeil(Fn.CEIL, "rceil");
            default -> namedFactor(name, true);
        };
    }

    /** A name that is not structural LaTeX: a function, greek letter or infinity; otherwise refused. */
    private Expr namedFactor(String name, boolean latex) {
        if (LatexNames.isFunction(name)) {
            return FunctionArguments.parse(this, name);
        }
        if (LatexNames.INFINITY.contains(name)) {
            return new Expr.Constant(Const.INFINITY);
        }
        if (latex && LatexNames.GREEK.contains(name)) {
            return new Expr.Var("\\" + name);
        }
        if (!latex && name.equals("pi")) {
            return new Expr.Constant(Const.PI);
        }
        if (!latex && name.equals("sqrt")) {
            return new Expr.Root(new Expr.Num(BigRational.of(2), false), parseArgument());
        }
        throw new AnswerParseException((latex ? "unknown command \\" : "not a formula: '") + name + (latex ? "" : "'"));
    }

    private Expr floorOrCeil(Fn fn, String close) {
        enter();
        Expr inner = parseSum();
        skipSpaces();
        if (!close.equals(peekCommand())) {
            throw new AnswerParseException("expected \\" + close + " in '" + s + "'");
        }
        consumeCommand();
        exit();
        return new Expr.Call(fn, inner);
    }

    private Expr parseRoot() {
        skipSpaces();
        Expr index = new Expr.Num(BigRational.of(2), false);
        if (accept('[')) {
            index = closeGroup(']');
        }
        return new Expr.Root(index, parseArgument());
    }

    /** A LaTeX macro argument: a braced group, or a single digit, letter or command ({@code \frac12}, {@code \frac\pi2}). */
    Expr parseArgument() {
        skipSpaces();
        if (pos >= s.length()) {
            throw new AnswerParseException("missing argument in '" + s + "'");
        }
        char c = s.charAt(pos);
        if (c == '{' || c == '(') {
            pos++;
            enter();
            Expr e = closeGroup(c == '{' ? '}' : ')');
            exit();
            return e;
        }
        if (Character.isDigit(c)) {
            pos++;
            return new Expr.Num(BigRational.of(c - '0'), false);
        }
        if (isAsciiLetter(c)) {
            pos++;
            return letter(c);
        }
        if (c == '\\') {
            enter();
            Expr e = parseCommand();
            exit();
            return e;
        }
        throw new AnswerParseException("unexpected '" + c + "' as an argument in '" + s + "'");
    }

    private Expr parseLetters() {
        int start = pos;
        String run = peekLetters();
        pos += run.length();
        if (run.length() == 1) {
            return subscripted(letter(run.charAt(0)));
        }
        if (LatexNames.isFunction(run) || LatexNames.INFINITY.contains(run) || run.equals("pi") || run.equals("sqrt")) {
            return namedFactor(run, false);
        }
        if (!formula || run.length() > 3 || LatexNames.HEDGE_WORDS.contains(run)) {
            throw new AnswerParseException("'" + run + "' is a word, not a formula");
        }
        pos = start + 1; // one letter per factor, so x^2 in "xy^2" binds to y alone
        return letter(run.charAt(0));
    }

    private static Expr letter(char c) {
        return switch (c) {
            case 'e' -> new Expr.Constant(Const.E);
            case 'i' -> new Expr.Constant(Const.I);
            default -> new Expr.Var(String.valueOf(c));
        };
    }

    /** {@code x_1}, {@code a_{n+1}}: the subscript becomes part of the variable's name. */
    private Expr subscripted(Expr e) {
        if (!(e instanceof Expr.Var v) || pos >= s.length() || s.charAt(pos) != '_') {
            return e;
        }
        pos++;
        String sub;
        if (accept('{')) {
            int close = s.indexOf('}', pos);
            if (close < 0) {
                throw new AnswerParseException("unclosed subscript in '" + s + "'");
            }
            sub = s.substring(pos, close).replace(" ", "");
            pos = close + 1;
        } else if (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
            sub = String.valueOf(s.charAt(pos++));
        } else {
            throw new AnswerParseException("empty subscript in '" + s + "'");
        }
        return new Expr.Var(v.name() + "_" + sub);
    }

    private boolean startsImplicitFactor() {
        if (pos >= s.length()) {
            return false;
        }
        char c = s.charAt(pos);
        if (c == '|') {
            return openBars == 0;
        }
        if (c == '\\') {
            String command = peekCommand();
            return command != null && LatexNames.startsFactor(command);
        }
        if (Character.isDigit(c) || c == '.') {
            if (previousNonSpace() == '!') {
                return true; // 2!\,4! is a product of factorials
            }
            throw new AnswerParseException("a number follows another factor without an operator in '" + s + "'");
        }
        return c == '(' || c == '[' || c == '{' || isAsciiLetter(c);
    }

    /** Whether a function's unparenthesised argument continues: {@code \sin 2x} yes, {@code \sin x \cos x} stops at {@code \cos}. */
    boolean startsImplicitNonFunctionFactor() {
        String command = peekCommand();
        if (command != null && LatexNames.isFunction(command) || LatexNames.isFunction(peekLetters())) {
            return false;
        }
        return !Character.isDigit(peek()) && startsImplicitFactor();
    }
}
