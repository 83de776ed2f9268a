#!/usr/bin/env python3
"""Does a little repetition in the pretraining text teach a checkpoint to copy from its context?

Continues a checkpoint's pretraining in PyTorch (transformers' LlamaForCausalLM, AdamW at 1e-3 after 10 warmup
steps, weight decay 0.1, clip 1.0, 16 windows of 256 tokens) on the built-in corpus's pretraining text with a share
of its lines written twice in a row, and prints copy_probe's first-reading and repeat losses every 50 steps.

  /tmp/venv/bin/python trainer-service/src/test/python/repeat_pretrain_probe.py MODEL_DIR \\
      pinch-data/store/corpora/builtin/2/text.jsonl [--repeat-share 0.5] [--steps 200]
"""
import argparse
import json
import random
import time

import torch

from copy_probe import load, reading_losses


def losses(model, tokenizer):
    rows = reading_losses(model, tokenizer)
    return sum(r[1] for r in rows) / len(rows), sum(r[2] for r in rows) / len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("text")
    ap.add_argument("--repeat-share", type=float, default=0.5)
    ap.add_argument("--steps", type=int, default=200)
    a = ap.parse_args()
    torch.manual_seed(0)
    rng = random.Random(1)
    model, tokenizer = load(a.model)
    model.train()
    newline = tokenizer("\n")["input_ids"]
    stream = []
    for line in open(a.text, encoding="utf-8"):
        ids = tokenizer(json.loads(line)["text"])["input_ids"] + newline
        stream += ids * (2 if rng.random() < a.repeat_share else 1)
    windows = [stream[i:i + 257] for i in range(0, len(stream) - 257, 256)]
    rng.shuffle(windows)
    print("before: first %.2f repeat %.2f" % losses(model, tokenizer), flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.1)
    start = time.time()
    for step in range(a.steps):
        batch = torch.tensor(windows[step * 16:(step + 1) * 16])
        for group in opt.param_groups:
            group["lr"] = 1e-3 * min(1.0, (step + 1) / 10)
        logits = model(batch[:, :-1]).logits
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), batch[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if (step + 1) % 50 == 0:
            print("step %d loss %.3f  first %.2f repeat %.2f  %.0f s" % (
                (step + 1, loss.item()) + losses(model, tokenizer) + (time.time() - start,)), flush=True)


if __name__ == "__main__":
    main()
