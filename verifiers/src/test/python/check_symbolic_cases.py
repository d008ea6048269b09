#!/usr/bin/python3
"""Cross-checks the symbolic math fixture against SymPy.

Reads verifiers/src/test/resources/math-cases/symbolic.tsv and, for every row, converts the gold
and the boxed response from LaTeX to SymPy with a translator written independently of the Java
parser, then asks SymPy whether they are equal:

  * CORRECT rows:      simplify(gold - response) == 0, or gold.equals(response) is True;
  * WRONG_ANSWER rows: neither of those, and gold - response is non-zero at a random point.

For CORRECT rows the symbols are declared positive, matching the Java checker's sampling region
(complex points near the positive real axis), so identities such as sqrt(x^2) = x hold on both
sides. For WRONG_ANSWER rows they are only real: a near miss must differ for some real value
(|x| vs x differs at x = -1 even though it agrees for positive x).

Run with Debian's SymPy (apt-get install python3-sympy):
    /usr/bin/python3 verifiers/src/test/python/check_symbolic_cases.py
Exit status 0 when SymPy agrees with every row. The Java tests do not need Python.
"""
import pathlib
import random
import re
import sys

import sympy
from sympy.parsing.sympy_parser import (convert_xor, factorial_notation, implicit_multiplication_application,
                                        parse_expr, split_symbols, standard_transformations)

FIXTURE = pathlib.Path(__file__).resolve().parents[1] / "resources" / "math-cases" / "symbolic.tsv"
TRANSFORMS = standard_transformations + (split_symbols, implicit_multiplication_application, convert_xor,
                                         factorial_notation)
FUNCTIONS = {"sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "ln", "log", "exp"}
SYMPY_NAMES = {"arcsin": "asin", "arccos": "acos", "arctan": "atan", "ln": "log"}


def braced(s, i):
    """(content, index after) of the {...} group starting at s[i] == '{'."""
    depth = 0
    for j in range(i, len(s)):
        depth += {"{": 1, "}": -1}.get(s[j], 0)
        if depth == 0:
            return s[i + 1:j], j + 1
    raise ValueError("unbalanced braces in " + s)


def unbox(s):
    at = s.rfind("\\boxed{")
    return braced(s, at + len("\\boxed"))[0] if at >= 0 else s


def replace_commands(s):
    """\\frac, \\sqrt, \\binom with braced arguments, innermost work done by recursion."""
    out, i = "", 0
    while i < len(s):
        m = re.match(r"\\(frac|binom|sqrt)", s[i:])
        if not m:
            out += s[i]
            i += 1
            continue
        name, i = m.group(1), i + m.end()
        index = None
        if name == "sqrt" and s[i] == "[":
            close = s.index("]", i)
            index, i = s[i + 1:close], close + 1
        first, i = braced(s, i)
        if name == "sqrt":
            out += f" root({replace_commands(first)}, {index})" if index else f" sqrt({replace_commands(first)})"
            continue
        second, i = braced(s, i)
        a, b = replace_commands(first), replace_commands(second)
        out += f" (({a})/({b}))" if name == "frac" else f" binomial({a}, {b})"
    return out


def function_argument(s, i):
    """The argument after a function name: a parenthesised group, or the factors up to + - or the next command."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i] == "(":
        depth = 0
        for j in range(i, len(s)):
            depth += {"(": 1, ")": -1}.get(s[j], 0)
            if depth == 0:
                return s[i:j + 1], j + 1
    j = i
    while j < len(s) and s[j] not in "+-=\\)/*,":
        if s[j] == "(":
            j = function_argument(s, j)[1]
        else:
            j += 1
    return "(" + s[i:j] + ")", j


def replace_functions(s):
    out, i = "", 0
    while i < len(s):
        m = re.match(r"\\([a-z]+)(?:_(\d+|\{\d+\}))?(?:\^(\d|\{[^}]*\}))?", s[i:])
        if not m or m.group(1) not in FUNCTIONS:
            out += s[i]
            i += 1
            continue
        name = SYMPY_NAMES.get(m.group(1), m.group(1))
        arg, i = function_argument(s, i + m.end())
        arg = replace_functions(arg)
        base = m.group(2).strip("{}") if m.group(2) else None
        call = f"log({arg}, {base})" if base else f"{name}({arg})"
        power = m.group(3).strip("{}") if m.group(3) else None
        out += f"({call})**({power})" if power else call
    return out


def to_sympy(latex, **assumptions):
    s = unbox(latex).replace("\\left", "").replace("\\right", "").replace("\\,", " ").replace("\\cdot", "*")
    s = replace_functions(replace_commands(s))
    s = s.replace("\\pi", " pi ").replace("{", "(").replace("}", ")")
    s = re.sub(r"\|([^|]+)\|", r"Abs(\1)", s)
    if "\\" in s:
        raise ValueError("untranslated LaTeX in " + s)
    local = {c: sympy.Symbol(c, **assumptions) for c in "abcdfghjklmnpqrstuvwxyz"}
    local.update({"e": sympy.E, "i": sympy.I, "pi": sympy.pi})
    return parse_expr(s, local_dict=local, transformations=TRANSFORMS)


def sympy_equal(a, b):
    diff = a - b
    if sympy.simplify(diff) == 0 or a.equals(b) is True:
        return True
    rnd = random.Random(7)
    for _ in range(5):
        point = {sym: sympy.Rational(rnd.randint(-17, 17) or 1, 7) for sym in diff.free_symbols}
        if abs(complex(diff.subs(point).evalf(30))) > 1e-12:
            return False
    return True


def main():
    rows, mismatches = 0, []
    for number, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        expected, _near, gold, response = line.split("\t")
        if expected not in ("CORRECT", "WRONG_ANSWER"):
            continue
        rows += 1
        # equal answers must be equal for positive variables (the Java sampling region);
        # different answers must differ for real variables, so |x| vs x is a true near miss
        assumptions = {"positive": True} if expected == "CORRECT" else {"real": True}
        a, b = to_sympy(gold, **assumptions), to_sympy(response, **assumptions)
        equal = sympy_equal(a, b)
        agrees = equal == (expected == "CORRECT")
        print(f"{'ok ' if agrees else 'MISMATCH'} symbolic.tsv:{number:<3} {expected:<12} sympy={'equal' if equal else 'different':<9} "
              f"{gold}  vs  {unbox(response)}    [sympy: {a}  vs  {b}]")
        if not agrees:
            mismatches.append(number)
    print(f"\nSymPy {sympy.__version__}: {rows} symbolic cases checked, {rows - len(mismatches)} agree, "
          f"{len(mismatches)} disagree{': lines ' + str(mismatches) if mismatches else ''}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
