#!/usr/bin/env python3
"""Re-saves real config.json fixtures with transformers 5 (rope_parameters layout), offline:
    /work/venv/bin/python lm/src/test/python/resave_transformers5.py
writes lm/src/test/resources/configs/<name>.transformers5.json for the configs named below."""
import os
import shutil
import tempfile

from transformers import AutoConfig

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "configs")
for name in ("llama-3.2-1b-instruct", "gemma-3-1b-it", "qwen3-0.6b"):
    with tempfile.TemporaryDirectory() as src, tempfile.TemporaryDirectory() as dst:
        shutil.copy(os.path.join(HERE, name + ".json"), os.path.join(src, "config.json"))
        AutoConfig.from_pretrained(src).save_pretrained(dst)
        shutil.copy(os.path.join(dst, "config.json"), os.path.join(HERE, name + ".transformers5.json"))
        print(name, open(os.path.join(dst, "config.json")).read()[:0])
