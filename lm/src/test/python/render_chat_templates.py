#!/usr/bin/env python3
"""Renders the real chat templates with Python's jinja2 as transformers does (ImmutableSandboxedEnvironment,
trim_blocks, lstrip_blocks, loopcontrols, raise_exception, strftime_now, tojson with ensure_ascii=False), for the
conversations in chat-templates/cases.json. The outputs in chat-templates/expected/ are the byte-for-byte reference
of the Java renderer (ChatTemplateTest). Debian's python3-jinja2 is enough:
    /usr/bin/python3 lm/src/test/python/render_chat_templates.py
strftime_now returns a fixed date (26 Nov 2026) so that the outputs are reproducible; the Java test fixes its clock.
"""
import datetime
import json
import os

from jinja2.exceptions import TemplateError
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "chat-templates")
SPECIAL = {"qwen2.5-instruct": {"eos_token": "<|im_end|>", "pad_token": "<|endoftext|>"},
           "qwen3": {"eos_token": "<|im_end|>", "pad_token": "<|endoftext|>"},
           "llama-3.2-instruct": {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"},
           "gemma-3-it": {"bos_token": "<bos>", "eos_token": "<eos>", "pad_token": "<pad>"},
           "smollm2-instruct": {"bos_token": "<|im_start|>", "eos_token": "<|im_end|>"}}


def raise_exception(message):
    raise TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(fmt):
    return datetime.datetime(2026, 11, 26, 9, 30).strftime(fmt)


env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
env.filters["tojson"] = tojson
env.globals["raise_exception"] = raise_exception
env.globals["strftime_now"] = strftime_now
cases = json.load(open(os.path.join(HERE, "cases.json"), encoding="utf-8"))
for name, special in SPECIAL.items():
    template = env.from_string(open(os.path.join(HERE, name + ".jinja"), encoding="utf-8").read())
    for case, data in cases.items():
        out = os.path.join(HERE, "expected", f"{name}.{case}.txt")
        try:
            text = template.render(**special, **data)
        except TemplateError as e:
            text = "ERROR: " + str(e)
        with open(out, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print(name, "rendered", len(cases), "cases")
