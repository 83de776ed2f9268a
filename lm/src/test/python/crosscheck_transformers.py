#!/usr/bin/env python3
"""Cross-checks the golden logits (reference_decoder.py) against real transformers (5.x), offline.

Loads every golden case directory with AutoModelForCausalLM (fp32, eager attention; the weights are local, nothing
is downloaded), runs its input_ids and prints the max |logits - golden|. Not needed by CI (the fixtures are
committed); run it when the reference changes:
    /work/venv/bin/python lm/src/test/python/crosscheck_transformers.py
"""
import json
import os
import sys

import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
worst = 0.0
for case in sorted(os.listdir(GOLDEN)):
    d = os.path.join(GOLDEN, case)
    g = load_file(os.path.join(d, "golden.safetensors"))
    if "loss_weights" not in g:
        continue
    model = AutoModelForCausalLM.from_pretrained(d, dtype=torch.float32, attn_implementation="eager")
    model.eval()
    with torch.no_grad():
        logits = model(g["input_ids"]).logits
    diff = float((logits - g["logits"]).abs().max())
    worst = max(worst, diff)
    print(f"{case:20s} {json.load(open(os.path.join(d, 'config.json')))['architectures'][0]:20s} "
          f"max |transformers - golden| = {diff:.2e}")
print("worst", worst)
sys.exit(0 if worst < 1e-4 else 1)
