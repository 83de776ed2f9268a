#!/usr/bin/env python3
"""How many steps of copy drills alone does a fresh model of the built-in config need before it copies?

Trains a fresh LlamaForCausalLM of the built-in model's config (transformers; 6 layers, hidden 256, 4 query and 2
key/value heads, vocabulary 8,192) on copy drills only, as the trainer's CopyDrills writes them (segments of 8 to 48
tokens written twice with a newline after each; only the second writing and its newline are targets), 16 windows of
WINDOW tokens per step, AdamW (weight decay 0.1, clip 1.0, LR warmup 50 steps), and prints the drills' copy loss every
50 steps. A model that copies drives it towards 0; one that does not stays near the entropy of the tokens drawn.

Tokens: "unigram" draws them from the built-in pretraining text's own token stream (every fifth line), as CopyDrills
does, so frequent tokens recur within a segment; "uniform" draws them uniformly from ids 300 to 8,189.

  /tmp/venv/bin/python trainer-service/src/test/python/drills_from_scratch.py LR STEPS WINDOW unigram|uniform \\
      TOKENIZER_JSON pinch-data/store/corpora/builtin/2/text.jsonl
"""
import json
import random
import sys
import time

import torch
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast


def main(lr, steps, window, mode, tokenizer_file, text):
    torch.manual_seed(0)
    rng = random.Random(0)
    tok = PreTrainedTokenizerFast(tokenizer_file=tokenizer_file)
    stream = []
    for i, line in enumerate(open(text, encoding="utf-8")):
        if i % 5 == 0:
            stream += tok(json.loads(line)["text"])["input_ids"]
    vocab = 8192
    cfg = LlamaConfig(vocab_size=vocab, hidden_size=256, intermediate_size=640, num_hidden_layers=6,
                      num_attention_heads=4, num_key_value_heads=2, head_dim=64, max_position_embeddings=512,
                      tie_word_embeddings=True, rms_norm_eps=1e-6)
    model = LlamaForCausalLM(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.1)
    newline = tok("\n")["input_ids"]

    def drill():
        ids, labels = [], []
        while len(ids) < window + 1:
            n = rng.randint(8, 48)
            if mode == "unigram":
                segment = [stream[rng.randrange(len(stream))] for _ in range(n)]
            else:
                segment = [rng.randrange(300, vocab - 2) for _ in range(n)]
            ids += segment + newline + segment + newline
            labels += [-100] * (n + len(newline)) + segment + newline
        return ids[:window + 1], labels[:window + 1]

    start = time.time()
    for step in range(steps):
        rows = [drill() for _ in range(16)]
        batch = torch.tensor([r[0] for r in rows])
        labels = torch.tensor([r[1] for r in rows])
        for group in opt.param_groups:
            group["lr"] = lr * min(1, (step + 1) / 50)
        logits = model(batch[:, :-1]).logits
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, vocab), labels[:, 1:].reshape(-1),
                                                 ignore_index=-100)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if (step + 1) % 50 == 0:
            print(step + 1, "%.3f" % loss.item(), "%.0fs" % (time.time() - start), flush=True)


if __name__ == "__main__":
    a = sys.argv[1:]
    main(float(a[0]), int(a[1]), int(a[2]), a[3], a[4], a[5])
