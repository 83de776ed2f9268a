#!/usr/bin/env python3
"""PyTorch eager reference for bin/bench-train: the same tiny Llama, the same AdamW, the same batch shapes.

A plain training loop in Debian's python3-torch (no transformers, no torch.compile): embedding,
RMSNorm, rotate-half RoPE, grouped-query attention (matmul + softmax, as Hugging Face's eager path),
SwiGLU MLP, untied head; next-token cross-entropy over all positions; AdamW (betas 0.9/0.95, eps 1e-8,
decoupled decay on matrices only); global grad-norm clipping at 1.0; initialisation N(0, 0.02), norms 1.

Usage: train_bench.py --config config.json --batch 8 --seq 256 --warmup 2 --window 3 --windows 5 --threads 2
Prints one JSON line: {"framework": "pytorch", "tokens_per_s": median, "windows": [...], ...}.
"""
import argparse
import json
import math
import statistics
import time

import torch
import torch.nn.functional as F


class Llama(torch.nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        hs, inter, V = c["hidden_size"], c["intermediate_size"], c["vocab_size"]
        H, KV = c["num_attention_heads"], c["num_key_value_heads"]
        D = c.get("head_dim", hs // H)
        self.H, self.KV, self.D, self.eps = H, KV, D, c["rms_norm_eps"]
        P = torch.nn.Parameter
        self.embed = P(torch.empty(V, hs))
        self.layers = torch.nn.ModuleList()
        for _ in range(c["num_hidden_layers"]):
            layer = torch.nn.Module()
            layer.ln1, layer.ln2 = P(torch.ones(hs)), P(torch.ones(hs))
            layer.q, layer.k = P(torch.empty(H * D, hs)), P(torch.empty(KV * D, hs))
            layer.v, layer.o = P(torch.empty(KV * D, hs)), P(torch.empty(hs, H * D))
            layer.gate, layer.up = P(torch.empty(inter, hs)), P(torch.empty(inter, hs))
            layer.down = P(torch.empty(hs, inter))
            self.layers.append(layer)
        self.norm = P(torch.ones(hs))
        self.head = P(torch.empty(V, hs))
        for p in self.parameters():
            if p.dim() == 2:
                torch.nn.init.normal_(p, std=c.get("initializer_range", 0.02))
        inv = 1.0 / (c["rope_theta"] ** (torch.arange(0, D, 2).float() / D))
        self.register_buffer("inv_freq", inv, persistent=False)

    def rms(self, x, w):
        return w * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))

    @staticmethod
    def rotate_half(x):
        x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
        return torch.cat((-x2, x1), dim=-1)

    def forward(self, ids):
        B, T = ids.shape
        H, KV, D = self.H, self.KV, self.D
        freqs = torch.outer(torch.arange(T, dtype=torch.float32), self.inv_freq)
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos(), emb.sin()
        mask = torch.full((T, T), float("-inf")).triu(1)
        h = self.embed[ids]
        for l in self.layers:
            x = self.rms(h, l.ln1)
            q = F.linear(x, l.q).view(B, T, H, D).transpose(1, 2)
            k = F.linear(x, l.k).view(B, T, KV, D).transpose(1, 2)
            v = F.linear(x, l.v).view(B, T, KV, D).transpose(1, 2)
            q, k = q * cos + self.rotate_half(q) * sin, k * cos + self.rotate_half(k) * sin
            k, v = k.repeat_interleave(H // KV, dim=1), v.repeat_interleave(H // KV, dim=1)
            att = torch.softmax(q @ k.transpose(2, 3) / math.sqrt(D) + mask, dim=-1) @ v
            h = h + F.linear(att.transpose(1, 2).reshape(B, T, H * D), l.o)
            x = self.rms(h, l.ln2)
            h = h + F.linear(F.silu(F.linear(x, l.gate)) * F.linear(x, l.up), l.down)
        return F.linear(self.rms(h, self.norm), self.head)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--config", required=True)
    a.add_argument("--batch", type=int, default=8)
    a.add_argument("--seq", type=int, default=256)
    a.add_argument("--warmup", type=int, default=2)
    a.add_argument("--window", type=int, default=3)
    a.add_argument("--windows", type=int, default=5)
    a.add_argument("--threads", type=int, default=2)
    a.add_argument("--seed", type=int, default=1)
    args = a.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    with open(args.config) as f:
        c = json.load(f)
    model = Llama(c)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    rest = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}],
                            lr=1e-3, betas=(0.9, 0.95), eps=1e-8)
    V = c["vocab_size"]
    gen = torch.Generator().manual_seed(args.seed)

    def step():
        ids = torch.randint(0, V, (args.batch, args.seq), generator=gen)
        logits = model(ids)
        loss = F.cross_entropy(logits[:, :-1].reshape(-1, V), ids[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=False)
        return loss.item()

    for _ in range(args.warmup):
        step()
    rates = []
    for _ in range(args.windows):
        t0 = time.perf_counter()
        for _ in range(args.window):
            loss = step()
        rates.append(args.batch * args.seq * args.window / (time.perf_counter() - t0))
    print(json.dumps({"framework": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "params": sum(p.numel() for p in model.parameters()),
                      "tokens_per_s": statistics.median(rates), "windows": rates, "last_loss": loss}))


if __name__ == "__main__":
    main()
