package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.math.Expr.Fn;
import java.util.ArrayList;
import java.util.List;

/**
 * How a function name takes its argument: {@code \sin(x)}, {@code \sin x}, {@code \sin 2x}
 * (the implicit product up to the next function), {@code \sin^2 x} (square of the sine),
 * {@code \sin^{-1} x} (arcsine), {@code \log_2 8}, {@code \ln x}. {@code \log} without a base
 * is the natural logarithm, as in SymPy.
 */
final class FunctionArguments {

    private FunctionArguments() {
    }

    static Expr parse(ExpressionParser p, String name) {
        Fn fn = LatexNames.FUNCTIONS.get(name);
        Expr power = null;
        p.skipSpaces();
        if (p.accept('^')) {
            Expr exponent = p.parseExponent();
            if (isMinusOne(exponent) && fn != null && LatexNames.INVERSES.containsKey(fn)) {
                fn = LatexNames.INVERSES.get(fn);
            } else {
                power = exponent;
            }
        }
        Expr base = null;
        if (name.equals("log") && p.accept('_')) {
            p.skipSpaces();
            base = Character.isDigit(p.peek()) ? p.parseNumber(p.budget) : p.parseArgument();
        }
        Expr arg = argument(p);
        Expr call = fn != null ? new Expr.Call(fn, arg) : new Expr.Log(base, arg);
        return power == null ? call : new Expr.Power(call, power);
    }

    private static Expr argument(ExpressionParser p) {
        p.skipSpaces();
        if (p.accept('(')) {
            return p.group(')');
        }
        if (p.accept('{')) {
            return p.group('}');
        }
        List<Expr> factors = new ArrayList<>();
        factors.add(p.parseSigned());
        p.skipSpaces();
        while (p.startsImplicitNonFunctionFactor()) {
            factors.add(p.parsePower());
            p.skipSpaces();
        }
        return factors.size() == 1 ? factors.get(0) : new Expr.Product(factors);
    }

    private static boolean isMinusOne(Expr e) {
        return e instanceof Expr.Neg n && n.arg() instanceof Expr.Num num && num.value().equals(BigRational.ONE);
    }
}
