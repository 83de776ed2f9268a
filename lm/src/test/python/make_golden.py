#!/usr/bin/env python3
"""Golden logits for dev.pinch.lm, computed in plain PyTorch (Debian's python3-torch; no transformers).

The reference forward below follows Hugging Face's modeling_llama / modeling_qwen2 line by line:
RMSNorm in fp32, rotate-half RoPE with inv_freq = 1/theta^(2i/d) and cos/sin = cat(freqs, freqs),
grouped-query attention (repeat_kv), SwiGLU MLP, optional q/k/v bias and tied embeddings.

Run from the repository root:  /usr/bin/python3 lm/src/test/python/make_golden.py
It rewrites lm/src/test/resources/golden/<case>/{config.json, model.safetensors | shards + index,
golden.safetensors}. golden.safetensors holds input_ids (I64 [B,T]), logits (F32 [B,T,V]),
greedy (I64 [1, P+N]: a prompt followed by N greedily decoded tokens) and, for the fp32 cases,
loss_weights (F32 [B,T,V]) with grad.<name>: the gradient of sum(logits * loss_weights) per parameter.
"""
import json
import math
import os
import struct

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
DTYPES = {torch.float32: "F32", torch.bfloat16: "BF16", torch.float16: "F16", torch.int64: "I64"}


def write_safetensors(path, tensors, metadata=None):
    """Minimal safetensors writer: u64 header length, JSON header, then the raw little-endian data."""
    header, blobs, offset = {}, [], 0
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, t in tensors.items():
        t = t.detach().contiguous()
        raw = t.view(torch.int16).numpy().tobytes() if t.dtype in (torch.bfloat16, torch.float16) \
            else t.numpy().tobytes()
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def rms_norm(x, w, eps):
    x32 = x.to(torch.float32)
    var = x32.pow(2).mean(-1, keepdim=True)
    return w * (x32 * torch.rsqrt(var + eps)).to(x.dtype)


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def rope(cfg, T):
    d = cfg["head_dim"]
    inv_freq = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, d, 2, dtype=torch.int64).float() / d))
    freqs = torch.outer(torch.arange(T, dtype=torch.float32), inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    return emb.cos(), emb.sin()


def forward(cfg, p, ids):
    B, T = ids.shape
    H, KV, D = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"]
    eps = cfg["rms_norm_eps"]
    cos, sin = rope(cfg, T)
    mask = torch.full((T, T), float("-inf")).triu(1)
    h = p["model.embed_tokens.weight"][ids]
    for i in range(cfg["num_hidden_layers"]):
        pre = f"model.layers.{i}."
        x = rms_norm(h, p[pre + "input_layernorm.weight"], eps)

        def proj(name, heads):
            w, b = p[pre + f"self_attn.{name}.weight"], p.get(pre + f"self_attn.{name}.bias")
            return torch.nn.functional.linear(x, w, b).view(B, T, heads, D).transpose(1, 2)

        q, k, v = proj("q_proj", H), proj("k_proj", KV), proj("v_proj", KV)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k, v = k.repeat_interleave(H // KV, dim=1), v.repeat_interleave(H // KV, dim=1)
        scores = q @ k.transpose(2, 3) / math.sqrt(D) + mask
        attn = torch.softmax(scores.float(), dim=-1).to(q.dtype) @ v
        attn = attn.transpose(1, 2).reshape(B, T, H * D)
        h = h + torch.nn.functional.linear(attn, p[pre + "self_attn.o_proj.weight"])
        x = rms_norm(h, p[pre + "post_attention_layernorm.weight"], eps)
        gate = torch.nn.functional.linear(x, p[pre + "mlp.gate_proj.weight"])
        up = torch.nn.functional.linear(x, p[pre + "mlp.up_proj.weight"])
        h = h + torch.nn.functional.linear(torch.nn.functional.silu(gate) * up, p[pre + "mlp.down_proj.weight"])
    h = rms_norm(h, p["model.norm.weight"], eps)
    head = p["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else p["lm_head.weight"]
    return torch.nn.functional.linear(h, head)


def make_params(cfg, bias, gen):
    hs, inter, V = cfg["hidden_size"], cfg["intermediate_size"], cfg["vocab_size"]
    H, KV, D = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"]

    def rnd(*shape, std=0.2):
        return torch.randn(*shape, generator=gen) * std

    def norm():
        return 1.0 + rnd(hs, std=0.1)

    p = {"model.embed_tokens.weight": rnd(V, hs, std=0.5)}
    for i in range(cfg["num_hidden_layers"]):
        pre = f"model.layers.{i}."
        p[pre + "input_layernorm.weight"] = norm()
        p[pre + "self_attn.q_proj.weight"] = rnd(H * D, hs)
        p[pre + "self_attn.k_proj.weight"] = rnd(KV * D, hs)
        p[pre + "self_attn.v_proj.weight"] = rnd(KV * D, hs)
        if bias:
            p[pre + "self_attn.q_proj.bias"] = rnd(H * D)
            p[pre + "self_attn.k_proj.bias"] = rnd(KV * D)
            p[pre + "self_attn.v_proj.bias"] = rnd(KV * D)
        p[pre + "self_attn.o_proj.weight"] = rnd(hs, H * D)
        p[pre + "mlp.gate_proj.weight"] = rnd(inter, hs)
        p[pre + "mlp.up_proj.weight"] = rnd(inter, hs)
        p[pre + "mlp.down_proj.weight"] = rnd(hs, inter)
        p[pre + "post_attention_layernorm.weight"] = norm()
    p["model.norm.weight"] = norm()
    if not cfg["tie_word_embeddings"]:
        p["lm_head.weight"] = rnd(V, hs, std=0.5)
    return p


LLAMA = {
    "architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_act": "silu",
    "hidden_size": 32, "intermediate_size": 72, "num_hidden_layers": 2,
    "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 12,
    "vocab_size": 97, "max_position_embeddings": 64, "rms_norm_eps": 1e-6, "rope_theta": 10000.0,
    "tie_word_embeddings": False, "attention_bias": False, "mlp_bias": False,
    "bos_token_id": 1, "eos_token_id": 2, "torch_dtype": "float32", "rope_scaling": None,
    "initializer_range": 0.02, "use_cache": True,
}
QWEN2 = {
    "architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_act": "silu",
    "hidden_size": 48, "intermediate_size": 64, "num_hidden_layers": 2,
    "num_attention_heads": 6, "num_key_value_heads": 1,
    "vocab_size": 101, "max_position_embeddings": 64, "rms_norm_eps": 1e-5, "rope_theta": 1000000.0,
    "tie_word_embeddings": True, "use_sliding_window": False, "sliding_window": None,
    "bos_token_id": 0, "eos_token_id": 100, "torch_dtype": "float32",
    "initializer_range": 0.02, "use_cache": True,
}


def cast(p, dtype):
    return {k: v.to(dtype) for k, v in p.items()}


def emit(name, cfg, bias, seed, dtype=torch.float32, shards=1, with_grads=False):
    gen = torch.Generator().manual_seed(seed)
    full = dict(cfg)
    full.setdefault("head_dim", cfg["hidden_size"] // cfg["num_attention_heads"])
    params = make_params(full, bias, gen)
    stored = cast(params, dtype)
    params = cast(stored, torch.float32)  # golden logits use exactly the stored (rounded) weights
    V = cfg["vocab_size"]
    ids = torch.randint(0, V, (3, 11), generator=gen)
    loss_weights = torch.randn(ids.shape[0], ids.shape[1], V, generator=gen)
    leaves = {k: v.clone().requires_grad_(True) for k, v in params.items()}
    (forward(full, leaves, ids) * loss_weights).sum().backward()
    grads = {"grad." + k: v.grad for k, v in leaves.items()}
    with torch.no_grad():
        logits = forward(full, params, ids)
        seq = torch.randint(0, V, (1, 5), generator=gen)
        for _ in range(8):
            nxt = forward(full, params, seq)[:, -1].argmax(-1, keepdim=True)
            seq = torch.cat([seq, nxt], dim=1)
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    out_cfg = dict(cfg)
    out_cfg["torch_dtype"] = {torch.float32: "float32", torch.bfloat16: "bfloat16", torch.float16: "float16"}[dtype]
    with open(os.path.join(d, "config.json"), "w") as f:
        json.dump(out_cfg, f, indent=2)
    if shards == 1:
        write_safetensors(os.path.join(d, "model.safetensors"), stored, {"format": "pt"})
    else:
        names = list(stored)
        per = math.ceil(len(names) / shards)
        weight_map, total = {}, 0
        for s in range(shards):
            fname = f"model-{s + 1:05d}-of-{shards:05d}.safetensors"
            part = {n: stored[n] for n in names[s * per:(s + 1) * per]}
            write_safetensors(os.path.join(d, fname), part, {"format": "pt"})
            weight_map.update({n: fname for n in part})
            total += sum(t.numel() * t.element_size() for t in part.values())
        with open(os.path.join(d, "model.safetensors.index.json"), "w") as f:
            json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2)
    extra = {"loss_weights": loss_weights, **grads} if with_grads else {}
    write_safetensors(os.path.join(d, "golden.safetensors"),
                      {"input_ids": ids, "logits": logits.contiguous(), "greedy": seq, **extra})
    print(name, "params", sum(t.numel() for t in params.values()), "logits", tuple(logits.shape),
          "greedy", seq.tolist())


if __name__ == "__main__":
    torch.manual_seed(0)
    emit("llama", LLAMA, bias=False, seed=1234, with_grads=True)
    emit("qwen2", QWEN2, bias=True, seed=5678, with_grads=True)
    emit("llama-bf16-sharded", LLAMA, bias=False, seed=1234, dtype=torch.bfloat16, shards=3)
    emit("qwen2-f16", QWEN2, bias=True, seed=5678, dtype=torch.float16)
