#!/usr/bin/env python3
"""PyTorch eager reference for bin/bench-generate: greedy decoding with a KV cache, the plain way.

The model is train_bench.py's Llama (imported from this directory, not copied); this adds a cached forward
in Debian's python3-torch (no transformers, no torch.compile): the prompts run once under a causal mask,
then each step feeds only the token just chosen, with rotary positions offset by the cache length. Each
layer's cache holds the keys (after RoPE) and values of its key/value heads, grown by torch.cat along the
sequence; grouped-query attention repeats them to the query heads after caching, as Hugging Face's eager
path does. The LM head runs on the last position only. Greedy argmax, EOS ignored: every sequence gets
exactly N new tokens. Everything runs under torch.inference_mode(), in fp32.

Weights: model.safetensors next to --config (fp32, Hugging Face names, as Pinch's LlamaModel.save writes
it), so that both frameworks decode with the same model and their tokens can be compared; without that
file the weights are random (seeded). Prompts: --prompts (a JSON list of token-id lists), else random.

Usage: generate_bench.py --config config.json --batch 8 --prompt 64 --new 64,256 --runs 5 --threads 2
           [--prompts prompts.json] [--weights model.safetensors]
Prints one JSON line per number of new tokens: {"framework": "pytorch", "new_tokens": N, "tokens_per_s":
median new tokens/s over the timed runs (after one warm-up run), "runs": [...], "tokens": the warm-up run's
new tokens per sequence, ...}. Each run's time covers the prompt pass and every decoding step.
"""
import argparse
import importlib.util
import json
import math
import os
import statistics
import struct
import time

import torch
import torch.nn.functional as F


def import_llama():
    """train_bench.py's Llama module, loaded from the file next to this one."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train_bench.py")
    spec = importlib.util.spec_from_file_location("train_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Llama


def read_safetensors(path):
    """name -> tensor, for an fp32 .safetensors file (8-byte little-endian header length, JSON header, data)."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = bytearray(f.read())
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        if t["dtype"] != "F32":
            raise ValueError(f"{name}: only F32 weights are read here, not {t['dtype']}")
        start, end = t["data_offsets"]
        flat = torch.frombuffer(data, dtype=torch.float32, count=(end - start) // 4, offset=start)
        out[name] = flat.reshape(t["shape"]).clone()
    return out


def load_hf_weights(model, path, num_layers):
    """Copies Hugging Face-named Llama weights into train_bench's Llama (its own, shorter parameter names)."""
    hf = read_safetensors(path)
    state = {"embed": hf["model.embed_tokens.weight"], "norm": hf["model.norm.weight"],
             "head": hf.get("lm_head.weight", hf["model.embed_tokens.weight"])}  # tied when no lm_head
    names = {"ln1": "input_layernorm", "ln2": "post_attention_layernorm",
             "q": "self_attn.q_proj", "k": "self_attn.k_proj", "v": "self_attn.v_proj", "o": "self_attn.o_proj",
             "gate": "mlp.gate_proj", "up": "mlp.up_proj", "down": "mlp.down_proj"}
    for i in range(num_layers):
        for ours, theirs in names.items():
            state[f"layers.{i}.{ours}"] = hf[f"model.layers.{i}.{theirs}.weight"]
    model.load_state_dict(state, strict=True)


def forward_cached(m, ids, cache):
    """Logits of the last position of each sequence, given the new ids (B, T) and the per-layer cache
    (a list of (k, v) of shape (B, KV heads, past, D), or None before the first call), which grows by T."""
    B, T = ids.shape
    H, KV, D = m.H, m.KV, m.D
    past = 0 if cache[0] is None else cache[0][0].shape[2]
    freqs = torch.outer(torch.arange(past, past + T, dtype=torch.float32), m.inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    # New position i (absolute past + i) sees cached and new positions up to itself; one new token sees all.
    mask = torch.full((T, past + T), float("-inf")).triu(past + 1) if T > 1 else None
    h = m.embed[ids]
    for i, l in enumerate(m.layers):
        x = m.rms(h, l.ln1)
        q = F.linear(x, l.q).view(B, T, H, D).transpose(1, 2)
        k = F.linear(x, l.k).view(B, T, KV, D).transpose(1, 2)
        v = F.linear(x, l.v).view(B, T, KV, D).transpose(1, 2)
        q, k = q * cos + m.rotate_half(q) * sin, k * cos + m.rotate_half(k) * sin
        if cache[i] is not None:
            k, v = torch.cat((cache[i][0], k), dim=2), torch.cat((cache[i][1], v), dim=2)
        cache[i] = (k, v)
        k, v = k.repeat_interleave(H // KV, dim=1), v.repeat_interleave(H // KV, dim=1)
        scores = q @ k.transpose(2, 3) / math.sqrt(D)
        if mask is not None:
            scores = scores + mask
        att = torch.softmax(scores, dim=-1) @ v
        h = h + F.linear(att.transpose(1, 2).reshape(B, T, H * D), l.o)
        x = m.rms(h, l.ln2)
        h = h + F.linear(F.silu(F.linear(x, l.gate)) * F.linear(x, l.up), l.down)
    return F.linear(m.rms(h[:, -1], m.norm), m.head)


def generate(model, prompts, n):
    """Greedy decoding of n new tokens per sequence; returns them as a (B, n) tensor."""
    cache = [None] * len(model.layers)
    out = []
    with torch.inference_mode():
        next_ids = forward_cached(model, prompts, cache).argmax(-1)
        out.append(next_ids)
        for _ in range(n - 1):
            next_ids = forward_cached(model, next_ids[:, None], cache).argmax(-1)
            out.append(next_ids)
    return torch.stack(out, dim=1)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--config", required=True)
    a.add_argument("--weights", help="fp32 model.safetensors (default: next to --config, if there)")
    a.add_argument("--prompts", help="JSON list of token-id lists (default: random)")
    a.add_argument("--batch", type=int, default=8)
    a.add_argument("--prompt", type=int, default=64)
    a.add_argument("--new", default="64,256")
    a.add_argument("--runs", type=int, default=5)
    a.add_argument("--threads", type=int, default=2)
    a.add_argument("--seed", type=int, default=1)
    args = a.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    with open(args.config) as f:
        c = json.load(f)
    model = import_llama()(c).eval()
    weights = args.weights or os.path.join(os.path.dirname(os.path.abspath(args.config)), "model.safetensors")
    if os.path.exists(weights):
        load_hf_weights(model, weights, c["num_hidden_layers"])
    else:
        weights = "random"
    if args.prompts:
        with open(args.prompts) as f:
            prompts = torch.tensor(json.load(f), dtype=torch.long)
        if tuple(prompts.shape) != (args.batch, args.prompt):
            raise SystemExit(f"{args.prompts} holds {tuple(prompts.shape)} prompt tokens, not {args.batch}x{args.prompt}")
    else:
        prompts = torch.randint(0, c["vocab_size"], (args.batch, args.prompt))

    for n in (int(s) for s in args.new.split(",")):
        tokens = generate(model, prompts, n)  # warm-up run: its tokens are the ones reported
        rates = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            generate(model, prompts, n)
            rates.append(args.batch * n / (time.perf_counter() - t0))
        print(json.dumps({"framework": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
                          "params": sum(p.numel() for p in model.parameters()), "weights": weights,
                          "batch": args.batch, "prompt": args.prompt, "new_tokens": n,
                          "tokens_per_s": statistics.median(rates), "runs": rates,
                          "tokens": tokens.tolist()}), flush=True)


if __name__ == "__main__":
    main()
