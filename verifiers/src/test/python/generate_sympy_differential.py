#!/usr/bin/python3
"""Generates SymPy-labelled answer pairs for the Java differential test (SympyDifferentialTest).

Each row is  expected <TAB> gold <TAB> response  where both answers are LaTeX printed by SymPy:
  * CORRECT:      gold = latex(E), response = latex(T(E)) for a SymPy rewrite T (expand, factor,
                  together, simplify, expand_log, expand_trig, cancel, powsimp, radsimp), so SymPy
                  itself vouches that they are equal;
  * WRONG_ANSWER: response = latex(T(E) + c) for a small non-zero c (1, -1, 1/7, x, pi, ...) and
                  SymPy confirms simplify(E - response) != 0.
E is a random expression over positive symbols x, y, n with +, -, *, /, powers, sqrt, sin, cos,
exp and log. A rewrite that takes longer than two seconds is skipped. Deterministic for a given
seed and SymPy version.

    /usr/bin/python3 verifiers/src/test/python/generate_sympy_differential.py 2024 2000 \\
        > verifiers/src/test/resources/sympy-differential/pairs.tsv
"""
import random
import signal
import sys

import sympy as sp

X, Y, N = sp.symbols("x y n", positive=True)
TRANSFORMS = [sp.expand, sp.factor, sp.together, sp.simplify, sp.expand_log, sp.expand_trig, sp.cancel,
              sp.powsimp, sp.radsimp]


class Slow(Exception):
    pass


def on_alarm(signum, frame):
    raise Slow()


def atom(rnd):
    return rnd.choice([X, Y, N, sp.Integer(rnd.randint(1, 5)), sp.Rational(rnd.randint(1, 5), rnd.randint(2, 7)), sp.pi,
                       sp.sqrt(rnd.choice([2, 3, 5]))])


def expr(rnd, depth):
    if depth <= 0 or rnd.random() < 0.25:
        return atom(rnd)
    a, b = expr(rnd, depth - 1), expr(rnd, depth - 1)
    return [a + b, a - b, a * b, a / b, a ** rnd.randint(2, 3), sp.sqrt(a), sp.sin(a), sp.cos(a), sp.exp(a),
            sp.log(a)][rnd.randrange(10)]


def pair(rnd):
    e = expr(rnd, 3)
    if e.has(sp.zoo, sp.nan, sp.oo) or (e.is_number and not e.is_finite):
        return None
    f = rnd.choice(TRANSFORMS)(e)
    if rnd.random() < 0.5:
        return "CORRECT", sp.latex(e), sp.latex(f)
    g = f + rnd.choice([1, -1, sp.Rational(1, 7)]) * rnd.choice([1, X, sp.pi])
    if sp.simplify(g - e) == 0:
        return None
    return "WRONG_ANSWER", sp.latex(e), sp.latex(g)


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    rnd = random.Random(seed)
    signal.signal(signal.SIGALRM, on_alarm)
    print(f"# SymPy {sp.__version__}, seed {seed}: expected <TAB> gold <TAB> response (see generate_sympy_differential.py)")
    made = 0
    while made < count:
        signal.alarm(2)
        try:
            row = pair(rnd)
        except (Slow, Exception):
            row = None
        finally:
            signal.alarm(0)
        if row:
            print("\t".join(row))
            made += 1


if __name__ == "__main__":
    main()
