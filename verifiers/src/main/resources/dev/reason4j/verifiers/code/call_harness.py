# reason4j call-based test harness. Reads {"module": ..., "fn_name": ..., "args": [...]} from stdin,
# imports the program as a module, calls the function and writes json.dumps(result) as the only
# line on the real stdout. Everything the program prints goes to stderr instead, so it cannot be
# mistaken for the result.
import importlib
import json
import os
import sys


def _jsonable(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"the result contains a {type(value).__name__}, which has no JSON form")


def _find(module, name):
    fn = getattr(module, name, None)
    if fn is None and isinstance(getattr(module, "Solution", None), type):
        fn = getattr(module.Solution(), name, None)  # LeetCode style: class Solution with a method
    if not callable(fn):
        raise NameError(f"the program defines no function named {name!r}")
    return fn


def main():
    request = json.loads(sys.stdin.read())
    sys.stdin = open(os.devnull)
    result_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    sys.path.insert(0, os.getcwd())
    module = importlib.import_module(request["module"])
    result = _find(module, request["fn_name"])(*request["args"])
    text = json.dumps(result, default=_jsonable)
    sys.stdout.flush()
    result_out.write(text + "\n")
    result_out.flush()


main()
