#!/usr/bin/python3
"""Regenerates the chat-template fixtures under model/src/test/resources/chat-templates/expected/.

Renders every template in templates.json on its listed cases from cases.json exactly as Hugging Face
transformers' apply_chat_template does (ImmutableSandboxedEnvironment with trim_blocks, lstrip_blocks
and the loopcontrols extension; globals raise_exception and strftime_now; HF's tojson filter; the
template's special tokens, tools=None and documents=None unless a case gives them, and the case's
extra context). Writes expected/<template>/<case>.txt, or <case>.error.txt holding the message of
the exception the template raised.

Run with Debian's interpreter, which has python3-jinja2:  /usr/bin/python3 model/src/test/python/render_chat_templates.py
The Java tests only read the committed fixtures; they never run Python.
"""
import json
import pathlib
from datetime import datetime

import jinja2
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "chat-templates"


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(format):
    return datetime.now().strftime(format)


def environment():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def main():
    templates = json.loads((ROOT / "templates.json").read_text(encoding="utf-8"))
    cases = json.loads((ROOT / "cases.json").read_text(encoding="utf-8"))
    env = environment()
    for name, spec in templates.items():
        source = (ROOT / "templates" / (name + ".jinja")).read_text(encoding="utf-8")
        compiled = env.from_string(source)
        out_dir = ROOT / "expected" / name
        out_dir.mkdir(parents=True, exist_ok=True)
        for old in out_dir.iterdir():
            old.unlink()
        for case_name in spec["cases"]:
            case = cases[case_name]
            context = {"tools": None, "documents": None}
            context.update(spec.get("extra", {}))
            context.update(case.get("extra", {}))
            kwargs = dict(spec["special_tokens"])
            kwargs.update(context)
            try:
                text = compiled.render(messages=case["messages"],
                                       add_generation_prompt=case["add_generation_prompt"], **kwargs)
                (out_dir / (case_name + ".txt")).write_bytes(text.encode("utf-8"))
            except jinja2.exceptions.TemplateError as e:
                (out_dir / (case_name + ".error.txt")).write_bytes(str(e).encode("utf-8"))
            print(name, case_name)


if __name__ == "__main__":
    main()
