#!/usr/bin/env python3
"""Golden losses and gradients of training.lossAverage, from transformers' own Llama and PyTorch autograd.

For LossAverageGoldenTest: a small random Llama (transformers' LlamaForCausalLM, tied embeddings, fp32) and two
right-padded micro-batches of sequences whose target flags mark the response, as the trainer's TokenSequence does
(a position t >= 1 with flag 1 is predicted from position t - 1):

- "sft": four rows of uneven lengths with 2, 7, 3 and 0 targets (most positions are prompt or padding: Pinch's
  head then runs at the targets only);
- "dense": two rows of 20 tokens with 19 and 17 targets (Pinch's head then runs over every position).

For each micro-batch and each average, the loss and the gradient of every parameter:

- token: the mean NLL over all target tokens (what transformers' own loss with labels = -100 elsewhere gives);
- example: each row's mean NLL over its own targets, averaged over the rows that have a target.

Run from the repository root, in a virtualenv with torch and transformers:

    python trainer-service/src/test/python/make_loss_average_golden.py

It rewrites trainer-service/src/test/resources/loss-average/: config.json and model.safetensors (the model, as
save_pretrained writes it), cases.json (the rows, their flags, the pad id and the losses) and grads.safetensors
(<case>.<average>.<parameter name>).
"""
import json
from pathlib import Path

import torch
import transformers
from safetensors.torch import save_file

OUT = Path(__file__).resolve().parents[1] / "resources" / "loss-average"
VOCAB = 48
PAD = 47


def model():
    torch.manual_seed(20261203)
    config = transformers.LlamaConfig(vocab_size=VOCAB, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                      num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64,
                                      rms_norm_eps=1e-6, rope_theta=10000.0, tie_word_embeddings=True,
                                      bos_token_id=None, eos_token_id=46, pad_token_id=PAD,
                                      initializer_range=0.2)
    m = transformers.LlamaForCausalLM(config).float().eval()
    return m


def rows(seed, lengths, prompt_lengths):
    g = torch.Generator().manual_seed(seed)
    out = []
    for length, prompt in zip(lengths, prompt_lengths):
        ids = torch.randint(0, VOCAB - 2, (length,), generator=g).tolist()
        flags = [0] * prompt + [1] * (length - prompt)
        out.append({"ids": ids, "targets": flags})
    return out


CASES = {
    "sft": rows(1, [9, 12, 6, 5], [7, 5, 3, 5]),
    "dense": rows(2, [20, 20], [1, 3]),
}


def per_row_nll(m, case):
    """The NLL of every target of every row, from one forward over the right-padded micro-batch."""
    cols = max(len(r["ids"]) for r in case)
    ids = torch.full((len(case), cols), PAD, dtype=torch.long)
    for i, r in enumerate(case):
        ids[i, :len(r["ids"])] = torch.tensor(r["ids"])
    logp = torch.log_softmax(m(input_ids=ids).logits.float(), dim=-1)
    out = []
    for i, r in enumerate(case):
        out.append(torch.stack([-logp[i, t - 1, r["ids"][t]] for t in range(1, len(r["ids"])) if r["targets"][t]])
                   if any(r["targets"][1:]) else None)
    return out


def loss(nll, average):
    present = [n for n in nll if n is not None]
    if average == "token":
        return torch.cat(present).mean()
    return torch.stack([n.mean() for n in present]).mean()


def main():
    m = model()
    OUT.mkdir(parents=True, exist_ok=True)
    m.save_pretrained(OUT, safe_serialization=True)
    (OUT / "generation_config.json").unlink(missing_ok=True)
    names = dict(m.named_parameters())
    grads, cases = {}, {}
    for name, case in CASES.items():
        cases[name] = {"rows": case, "pad": PAD}
        for average in ("token", "example"):
            m.zero_grad()
            value = loss(per_row_nll(m, case), average)
            value.backward()
            cases[name][average] = value.item()
            for pname, p in names.items():
                grads[f"{name}.{average}.{pname}"] = p.grad.detach().clone().contiguous()
    (OUT / "cases.json").write_text(json.dumps({"transformers": transformers.__version__, "torch": torch.__version__,
                                                "cases": cases}, indent=1) + "\n")
    save_file(grads, str(OUT / "grads.safetensors"))
    for name in CASES:
        print(name, {a: round(cases[name][a], 6) for a in ("token", "example")})


if __name__ == "__main__":
    main()
