#!/usr/bin/env python3
"""In-context copying probe for a Pinch checkpoint, run by transformers (independent of Pinch's own forward).

Feeds each held-out sentence twice, "S\\nS", to the model as transformers' LlamaForCausalLM and reports the mean loss
(nats/token) of the first reading and of the repeat. A model that can copy from its context (induction heads) predicts
the repeat almost perfectly (well under 1 nat/token); one that cannot scores the repeat like the first reading. The
built-in tasks copy, translation and continuation all need that ability, so this tells a weak base model apart from a
bad tuning recipe.

Needs torch and transformers, e.g.
  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch transformers
Run from the repository root, on any checkpoint directory in HF layout (the shipped base model, a run's step-N):
  /tmp/venv/bin/python trainer-service/src/test/python/copy_probe.py trainer-service/src/main/resources/builtin-model/builtin-*
"""
import sys

import torch
from transformers import AutoModelForCausalLM, PreTrainedTokenizerFast

# Test-split sentences of the built-in corpus (NTREX-128 documents held out of pretraining and tuning).
SENTENCES = [
    "Aguero received the ball deep in Brighton territory on that play.",
    "The city's airport has been reopened only for disaster relief efforts and will remain closed until Oct.",
    "Doctors said only time will tell if I will recover or to what degree.",
    "En esa jugada, Agüero recibió el balón muy dentro del territorio del Brighton.",
    "В его команде было немало настоящих героев.",
    "该市机场已重新启用，但仅供灾害救援使用，并将关闭至十月份。",
]


def probe(model_dir):
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
    tokenizer = PreTrainedTokenizerFast(tokenizer_file=model_dir + "/tokenizer.json")
    newline = tokenizer("\n")["input_ids"]
    firsts, repeats = [], []
    for sentence in SENTENCES:
        ids = tokenizer(sentence)["input_ids"]
        seq = torch.tensor([ids + newline + ids])
        with torch.no_grad():
            logp = torch.log_softmax(model(seq).logits[0, :-1], -1)
        nll = -logp.gather(1, seq[0, 1:, None])[:, 0]
        first, repeat = nll[: len(ids) - 1].mean().item(), nll[len(ids) + len(newline) - 1:].mean().item()
        firsts.append(first)
        repeats.append(repeat)
        print(f"{len(ids):3d} tokens  first {first:.2f}  repeat {repeat:.2f}  {sentence[:48]}")
    print(f"mean      first {sum(firsts) / len(firsts):.2f}  repeat {sum(repeats) / len(repeats):.2f} nats/token")


if __name__ == "__main__":
    for directory in sys.argv[1:]:
        print("==", directory)
        probe(directory.rstrip("/"))
