#!/usr/bin/env python3
"""In-context copying probe and held-out loss of a Pinch checkpoint, computed by transformers (independent of Pinch's
own forward).

Copying: feeds each held-out sentence twice, "S\\nS", to the model as transformers' LlamaForCausalLM and reports the
mean loss (nats/token) of the first reading and of the repeat. A model that can copy from its context (induction
heads) predicts the repeat almost perfectly (well under 1 nat/token); one that cannot scores the repeat like the first
reading. The built-in tasks copy, translation and continuation all need that ability, so this tells a weak base model
apart from a bad tuning recipe. It also scores copy drills like those the trainer's CopyDrills writes with Draw.TEXT:
random segments of the sentences' own tokens, written twice (the built-in recipe's drills draw their tokens uniformly
from the vocabulary instead).

Held-out loss: when the directory has heldout.json (a built-in model release), the mean next-token loss over its
windows, beside the loss Pinch recorded there.

Needs torch and transformers, e.g.
  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch transformers
Run from the repository root, on checkpoint directories in HF layout (the shipped base model, a run's step-N):
  /tmp/venv/bin/python trainer-service/src/test/python/copy_probe.py trainer-service/src/main/resources/builtin-model/builtin-*
"""
import json
import os
import random
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


def load(model_dir):
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
    return model, PreTrainedTokenizerFast(tokenizer_file=os.path.join(model_dir, "tokenizer.json"))


def next_token_nll(model, seq):
    """Loss of every next token of the [1, n] tensor seq: n - 1 values."""
    with torch.no_grad():
        logp = torch.log_softmax(model(seq).logits[0, :-1].float(), -1)
    return -logp.gather(1, seq[0, 1:, None])[:, 0]


def reading_losses(model, tokenizer):
    """Per sentence: (tokens, mean loss of the first reading, mean loss of the repeat)."""
    was_training = model.training
    model.eval()
    newline = tokenizer("\n")["input_ids"]
    out = []
    for sentence in SENTENCES:
        ids = tokenizer(sentence)["input_ids"]
        nll = next_token_nll(model, torch.tensor([ids + newline + ids]))
        out.append((len(ids), nll[: len(ids) - 1].mean().item(), nll[len(ids) + len(newline) - 1:].mean().item()))
    model.train(was_training)
    return out


def drill_losses(model, tokenizer, drills=16, seed=5):
    """Copy drills as the trainer's CopyDrills writes them: segments of 8 to 48 tokens drawn at random from the
    probe sentences' tokens, written twice with a newline after each. Mean loss of the first and the second writing:
    a model that copies scores the second far below the first."""
    rng = random.Random(seed)
    pool = [t for sentence in SENTENCES for t in tokenizer(sentence)["input_ids"]]
    newline = tokenizer("\n")["input_ids"]
    first = second = 0.0
    counts = [0, 0]
    for _ in range(drills):
        n = rng.randint(8, 48)
        segment = [rng.choice(pool) for _ in range(n)]
        nll = next_token_nll(model, torch.tensor([segment + newline + segment + newline]))
        first += nll[: n - 1].sum().item()
        counts[0] += n - 1
        start = n + len(newline) - 1
        second += nll[start: start + n].sum().item()
        counts[1] += n
    return first / counts[0], second / counts[1]


def heldout_loss(model, release_dir):
    windows = json.load(open(os.path.join(release_dir, "heldout.json"), encoding="utf-8"))
    total = count = 0.0
    for window in windows["windows"]:
        nll = next_token_nll(model, torch.tensor([window]))
        total += nll.sum().item()
        count += nll.numel()
    return total / count, windows["loss"]


def main(directories):
    for directory in directories:
        directory = directory.rstrip("/")
        print("==", directory)
        model, tokenizer = load(directory)
        rows = reading_losses(model, tokenizer)
        for (tokens, first, repeat), sentence in zip(rows, SENTENCES):
            print(f"{tokens:3d} tokens  first {first:.2f}  repeat {repeat:.2f}  {sentence[:48]}")
        print("mean      first %.2f  repeat %.2f nats/token" % (sum(r[1] for r in rows) / len(rows),
                                                              sum(r[2] for r in rows) / len(rows)))
        print("drills    first %.2f  second %.2f nats/token" % drill_losses(model, tokenizer))
        if os.path.exists(os.path.join(directory, "heldout.json")):
            measured, recorded = heldout_loss(model, directory)
            print(f"held-out loss {measured:.6f} nats/token (transformers); Pinch recorded {recorded:.6f}, "
                  f"difference {abs(measured - recorded):.2e}")


if __name__ == "__main__":
    main(sys.argv[1:])
