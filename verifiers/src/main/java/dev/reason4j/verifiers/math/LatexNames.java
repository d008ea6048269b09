package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.math.Expr.Fn;
import java.util.Map;
import java.util.Set;

/** The names the expression parser knows: LaTeX commands and their plain-text spellings. */
final class LatexNames {

    /** Functions spelled {@code \sin} in LaTeX or {@code sin} in plain text. {@code ln} and {@code log} are handled apart. */
    static final Map<String, Fn> FUNCTIONS = Map.ofEntries(
            Map.entry("sin", Fn.SIN), Map.entry("cos", Fn.COS), Map.entry("tan", Fn.TAN),
            Map.entry("sec", Fn.SEC), Map.entry("csc", Fn.CSC), Map.entry("cot", Fn.COT),
            Map.entry("arcsin", Fn.ASIN), Map.entry("arccos", Fn.ACOS), Map.entry("arctan", Fn.ATAN),
            Map.entry("asin", Fn.ASIN), Map.entry("acos", Fn.ACOS), Map.entry("atan", Fn.ATAN),
            Map.entry("sinh", Fn.SINH), Map.entry("cosh", Fn.COSH), Map.entry("tanh", Fn.TANH),
            Map.entry("exp", Fn.EXP), Map.entry("abs", Fn.ABS), Map.entry("floor", Fn.FLOOR), Map.entry("ceil", Fn.CEIL));

    /** {@code \sin^{-1}} means {@code \arcsin}. */
    static final Map<Fn, Fn> INVERSES = Map.of(Fn.SIN, Fn.ASIN, Fn.COS, Fn.ACOS, Fn.TAN, Fn.ATAN);

    static final Set<String> LOGARITHMS = Set.of("ln", "log");

    /** Greek letters are variables (except {@code \pi}, which is the constant). */
    static final Set<String> GREEK = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "tau", "upsilon", "phi",
            "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Upsilon",
            "Phi", "Psi", "Omega");

    static final Set<String> INFINITY = Set.of("infty", "infinity", "inf", "oo");

    /** Commands that join two factors; they never start one. */
    static final Set<String> PRODUCT_OPERATORS = Set.of("cdot", "times", "ast");

    static final Set<String> QUOTIENT_OPERATORS = Set.of("div");

    /** Plain words that would otherwise read as a product of letters: a hedge ("3 or 4") is not a product. */
    static final Set<String> HEDGE_WORDS = Set.of("or", "and");

    private LatexNames() {
    }

    /** Whether {@code name} (without backslash) can begin a factor. */
    static boolean startsFactor(String name) {
        return FUNCTIONS.containsKey(name) || LOGARITHMS.contains(name) || GREEK.contains(name)
                || INFINITY.contains(name) || Set.of("frac", "binom", "sqrt", "pi", "lfloor", "lceil").contains(name);
    }

    static boolean isFunction(String name) {
        return FUNCTIONS.containsKey(name) || LOGARITHMS.contains(name);
    }
}
