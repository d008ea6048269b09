package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.math.MathAnswer.Scalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.commons.math3.complex.Complex;

/**
 * When two scalars are the same number or the same function. The rules, in order:
 * <ol>
 *   <li><b>Exact.</b> Two provably rational constants are compared as exact rationals, with no
 *       tolerance at all: {@code 123456 ≠ 123457}, {@code 1/3 ≠ 0.333}, {@code 0.5 = 1/2}.</li>
 *   <li><b>Decimal approximation.</b> When exactly one side is a plain decimal literal
 *       ({@code 3.1416}) and the other is a constant that is not provably rational ({@code \pi},
 *       {@code \sqrt 2}), the decimal is accepted iff it has at least
 *       {@link MathVerifierConfig#minSignificantDigits()} significant digits and differs from the
 *       value by at most {@code max(half a unit in its last written place,
 *       relativeTolerance · |value|)}. This is the only place a tolerance judges an answer.</li>
 *   <li><b>Other real constants</b> ({@code 2\sqrt 2} vs {@code \sqrt 8}, {@code \cos(\pi/3)} vs
 *       {@code 0.5}) are compared with {@link PreciseEvaluator} (80 digits beyond the largest
 *       magnitude met, up to 10^1300) to a relative 1e-50, so {@code 2^{50}\sqrt 2 + 1} is not
 *       {@code 2^{50}\sqrt 2} and {@code e^{2e^5} - 1} is not {@code e^{2e^5}}. Complex constants
 *       ({@code e^{i\pi}} vs {@code -1}) use double precision with
 *       {@link MathVerifierConfig#symbolicTolerance()}, which only absorbs rounding error.</li>
 *   <li><b>Rational functions</b> of the variables (also perfect roots) are compared exactly, with
 *       no tolerance, at seeded rational points (see {@link #agreeExactlyAtRationalPoints}).</li>
 *   <li><b>Other expressions with variables</b> are equal when they agree (within the same rounding
 *       tolerance) at {@link MathVerifierConfig#samplePoints()} seeded random complex points
 *       {@code z = a + bi}, {@code a ∈ [0.5, 1.5]}, {@code b ∈ [-0.3, 0.3]}, each variable drawn
 *       independently. Genuinely complex points tell {@code |x|} from {@code x}; keeping
 *       {@code |arg z| < 31°} keeps principal branches honest for identities that hold for positive
 *       variables ({@code \sqrt{x^2} = x}, {@code \sqrt[3]{x^3} = x}, {@code \ln(xy) = \ln x + \ln y}).
 *       When the complex points leave either side undefined (floor, factorial) the same real parts
 *       are tried with {@code b = 0}. At least three points must be defined on both sides; a point
 *       defined on one side only is a difference. A "same" is then vetoed if 80-digit real values
 *       differ at the rational points ({@link #differPreciselyAtRealPoints}).</li>
 * </ol>
 * Infinities are equal only to the same signed infinity. Deterministic for a given seed.
 */
final class ScalarEquivalence {

    private static final int MIN_DEFINED_POINTS = 3;
    private static final double ABSOLUTE_FLOOR = 1e-12;
    /** Rounding slack of the precise evaluator (80 digits beyond the largest magnitude): 30 digits of margin. */
    private static final BigDecimal PRECISE_TOLERANCE = new BigDecimal("1e-50");
    private static final BigDecimal PRECISE_FLOOR = new BigDecimal("1e-60");
    /** Primes: p/q with q prime and q ∤ p is never an integer, and two variables never get the same value. */
    private static final long[] POINT_DENOMINATORS = {101, 103, 107, 109, 113, 127, 131, 137, 139, 149};

    private final Budget budget;
    private final MathVerifierConfig config;

    ScalarEquivalence(Budget budget) {
        this.budget = budget;
        this.config = budget.config();
    }

    boolean equivalent(Scalar a, Scalar b) {
        if (a.undefined() || b.undefined()) {
            return false;
        }
        int infA = Expr.infinitySign(a.expr());
        int infB = Expr.infinitySign(b.expr());
        if (infA != 0 || infB != 0) {
            return infA == infB;
        }
        if (a.exact() != null && b.exact() != null) {
            return a.exact().equals(b.exact());
        }
        Set<String> vars = union(a.expr(), b.expr());
        if (!vars.isEmpty()) {
            Boolean exactly = agreeExactlyAtRationalPoints(a.expr(), b.expr(), vars);
            if (exactly != null) {
                return exactly;
            }
            return agreeAtSamplePoints(a.expr(), b.expr(), vars) && !differPreciselyAtRealPoints(a.expr(), b.expr(), vars);
        }
        return constantsEquivalent(a, b);
    }

    /** Constants that are not both rational: 80-digit real arithmetic where possible, else double-precision complex. */
    private boolean constantsEquivalent(Scalar a, Scalar b) {
        BigDecimal pa = PreciseEvaluator.value(a.expr(), budget);
        BigDecimal pb = PreciseEvaluator.value(b.expr(), budget);
        Complex va;
        Complex vb;
        if (pa != null && pb != null) {
            if (preciselyClose(pa, pb)) {
                return true; // e.g. 0.5 vs \cos(\pi/3), 2\sqrt 2 vs \sqrt 8
            }
            va = new Complex(pa.doubleValue());
            vb = new Complex(pb.doubleValue());
        } else {
            va = ComplexEvaluator.value(a.expr(), Map.of(), budget);
            vb = ComplexEvaluator.value(b.expr(), Map.of(), budget);
            if (!ComplexEvaluator.isDefined(va) || !ComplexEvaluator.isDefined(vb)) {
                return false;
            }
            if (close(va, vb)) {
                return true;
            }
        }
        if (a.decimalLiteral() != null && b.exact() == null) {
            return approximates(a.decimalLiteral(), vb);
        }
        return b.decimalLiteral() != null && a.exact() == null && approximates(b.decimalLiteral(), va);
    }

    /**
     * Whether {@code d1 = c · d2} for one constant c at every sample point: c ≠ 0 for equations,
     * c > 0 for inequalities. Used for relations ({@code a \ge 3} vs {@code 3 \le a}: both sides
     * moved to one side first).
     */
    boolean proportional(Expr d1, Expr d2, boolean requirePositive) {
        Set<String> vars = union(d1, d2);
        if (vars.isEmpty()) {
            return false;
        }
        for (boolean complex : new boolean[] {true, false}) {
            Complex ratio = null;
            int defined = 0;
            for (Map<String, Complex> point : samplePoints(vars, complex)) {
                Complex v1 = ComplexEvaluator.value(d1, point, budget);
                Complex v2 = ComplexEvaluator.value(d2, point, budget);
                if (!ComplexEvaluator.isDefined(v1) || !ComplexEvaluator.isDefined(v2)) {
                    continue;
                }
                if (v2.abs() <= ABSOLUTE_FLOOR || v1.abs() <= ABSOLUTE_FLOOR) {
                    if (!(v2.abs() <= ABSOLUTE_FLOOR && v1.abs() <= ABSOLUTE_FLOOR)) {
                        return false;
                    }
                    continue;
                }
                Complex r = v1.divide(v2);
                if (ratio != null && !close(ratio, r)) {
                    return false;
                }
                ratio = r;
                defined++;
            }
            if (defined >= MIN_DEFINED_POINTS) {
                boolean real = Math.abs(ratio.getImaginary()) <= config.symbolicTolerance() * ratio.abs();
                return !requirePositive || real && ratio.getReal() > 0;
            }
        }
        return false;
    }

    /**
     * Rational functions (and perfect roots) compared exactly at rational points {@code p/q} with a
     * distinct prime q per variable, so no two variables coincide and no point is an integer:
     * TRUE or FALSE when decided, null when either side is not exactly evaluable there (trig, π,
     * |x|, ...), which leaves the decision to complex sampling.
     */
    private Boolean agreeExactlyAtRationalPoints(Expr a, Expr b, Set<String> vars) {
        int defined = 0;
        for (Map<String, BigRational> point : rationalPoints(vars)) {
            Exact va = exactAt(a, point);
            Exact vb = exactAt(b, point);
            if (va == null || vb == null) {
                return null;
            }
            if (va.undefined() != vb.undefined() || !va.undefined() && !va.value().equals(vb.value())) {
                return false;
            }
            defined += va.undefined() ? 0 : 1;
        }
        return defined >= MIN_DEFINED_POINTS ? Boolean.TRUE : null;
    }

    /**
     * A veto after sampling said "equal": at the rational points, wherever both sides are real,
     * 80-digit values must agree too. Catches differences doubles cannot see
     * ({@code e^{e^{x+3}} - x} vs {@code e^{e^{x+3}}}); never turns "different" into "equal".
     */
    private boolean differPreciselyAtRealPoints(Expr a, Expr b, Set<String> vars) {
        for (Map<String, BigRational> point : rationalPoints(vars)) {
            BigDecimal pa = PreciseEvaluator.valueAt(a, budget, point);
            BigDecimal pb = PreciseEvaluator.valueAt(b, budget, point);
            if (pa != null && pb != null && !preciselyClose(pa, pb)) {
                return true;
            }
        }
        return false;
    }

    /** Seeded points {@code p/q}, a distinct prime q per variable, {@code p/q} near 1 and never an integer. */
    private List<Map<String, BigRational>> rationalPoints(Set<String> vars) {
        SplittableRandom rnd = new SplittableRandom(config.seed());
        List<Map<String, BigRational>> points = new ArrayList<>(config.samplePoints());
        for (int k = 0; k < config.samplePoints(); k++) {
            Map<String, BigRational> point = new LinkedHashMap<>();
            int v = 0;
            for (String name : vars) {
                long q = POINT_DENOMINATORS[v++ % POINT_DENOMINATORS.length];
                long p = q / 2 + 1 + rnd.nextLong(q - 1); // in (q/2, 3q/2): a value near 1
                point.put(name, BigRational.of(BigInteger.valueOf(p == q ? p + 1 : p), BigInteger.valueOf(q)));
            }
            points.add(point);
        }
        return points;
    }

    private record Exact(BigRational value, boolean undefined) {}

    private Exact exactAt(Expr e, Map<String, BigRational> point) {
        try {
            BigRational v = ExactEvaluator.valueAt(e, budget, point);
            return v == null ? null : new Exact(v, false);
        } catch (UndefinedValueException undefined) {
            return new Exact(null, true);
        }
    }

    /**
     * Whether every scalar has a value: a constant must evaluate, an expression with variables must
     * be defined at one or more sample points. A reference failing this cannot be compared with anything.
     */
    boolean allHaveValues(List<Scalar> scalars) {
        for (Scalar s : scalars) {
            if (s.exact() != null || Expr.infinitySign(s.expr()) != 0 || PreciseEvaluator.value(s.expr(), budget) != null) {
                continue;
            }
            Set<String> vars = Expr.variables(s.expr());
            boolean defined = false;
            for (boolean complex : new boolean[] {true, false}) {
                for (Map<String, Complex> point : vars.isEmpty() ? List.of(Map.<String, Complex>of()) : samplePoints(vars, complex)) {
                    defined |= ComplexEvaluator.isDefined(ComplexEvaluator.value(s.expr(), point, budget));
                }
            }
            if (!defined) {
                return false;
            }
        }
        return true;
    }

    private boolean agreeAtSamplePoints(Expr a, Expr b, Set<String> vars) {
        for (boolean complex : new boolean[] {true, false}) {
            int defined = 0;
            for (Map<String, Complex> point : samplePoints(vars, complex)) {
                Complex va = ComplexEvaluator.value(a, point, budget);
                Complex vb = ComplexEvaluator.value(b, point, budget);
                boolean da = ComplexEvaluator.isDefined(va);
                boolean db = ComplexEvaluator.isDefined(vb);
                if (da != db || da && !close(va, vb)) {
                    return false;
                }
                if (da) {
                    defined++;
                }
            }
            if (defined >= MIN_DEFINED_POINTS) {
                return true;
            }
        }
        return false;
    }

    private boolean approximates(BigDecimal literal, Complex value) {
        double x = value.getReal();
        if (Math.abs(value.getImaginary()) > ABSOLUTE_FLOOR * Math.max(1, Math.abs(x))) {
            return false;
        }
        if (literal.precision() < config.minSignificantDigits()) {
            return false;
        }
        double halfUnit = 0.5 * Math.pow(10, -literal.scale()) * (1 + 1e-9);
        double diff = Math.abs(literal.doubleValue() - x);
        return diff <= Math.max(halfUnit, config.relativeTolerance() * Math.abs(x));
    }

    /**
     * The precise evaluator keeps 80 digits beyond the largest magnitude it meets, so its absolute
     * error stays near 1e-80 however large the values: a difference is judged absolutely (1e-50)
     * for values of size 1 and more, relatively (1e-50) below that.
     */
    private static boolean preciselyClose(BigDecimal a, BigDecimal b) {
        BigDecimal scale = a.abs().max(b.abs()).min(BigDecimal.ONE);
        return a.subtract(b).abs().compareTo(scale.multiply(PRECISE_TOLERANCE).add(PRECISE_FLOOR)) <= 0;
    }

    private boolean close(Complex a, Complex b) {
        double scale = Math.max(a.abs(), b.abs());
        return a.subtract(b).abs() <= config.symbolicTolerance() * scale + ABSOLUTE_FLOOR;
    }

    /** Deterministic points: each variable gets its own draw per point, from a generator seeded by the config. */
    private List<Map<String, Complex>> samplePoints(Set<String> vars, boolean complex) {
        SplittableRandom rnd = new SplittableRandom(config.seed());
        List<Map<String, Complex>> points = new ArrayList<>(config.samplePoints());
        for (int k = 0; k < config.samplePoints(); k++) {
            Map<String, Complex> point = new LinkedHashMap<>();
            for (String v : vars) {
                double re = 0.5 + rnd.nextDouble();
                double im = -0.3 + 0.6 * rnd.nextDouble();
                point.put(v, new Complex(re, complex ? im : 0));
            }
            points.add(point);
            budget.tick();
        }
        return points;
    }

    private static Set<String> union(Expr a, Expr b) {
        Set<String> vars = new TreeSet<>(Expr.variables(a));
        vars.addAll(Expr.variables(b));
        return vars;
    }
}
