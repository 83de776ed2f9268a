"""An independent PyTorch forward of the decoder families Pinch supports, written from transformers' model
definitions (modeling_llama, modeling_qwen3, modeling_gemma2, modeling_gemma3, modeling_rope_utils), not
copied from them. It reads a Hugging Face config dict the way transformers does and needs only torch (runs on
Debian's python3-torch 1.13 and on torch 2.x).

What each family adds to the Llama block:
  qwen3        RMSNorm over each query/key head (q_norm, k_norm) before RoPE
  gemma2       embedding * sqrt(hidden); RMSNorm scales by (1 + w); GELU-tanh gate; the attention output and the
               MLP are normed before and after (post_attention_layernorm, pre/post_feedforward_layernorm);
               scores * query_pre_attn_scalar^-0.5 and soft-capped; logits soft-capped; even layers slide
  gemma3_text  gemma2 + q/k norm, every sliding_window_pattern-th layer global, local rope base for sliding layers
  mistral      every layer slides when sliding_window is set
RoPE scaling: linear, dynamic (NTK, base rescaled to the sequence length), llama3 (wavelength bands), yarn.
"""
import math

import torch
import torch.nn.functional as F

GEMMA = ("gemma2", "gemma3_text")


def rms_norm(x, w, eps, offset):
    x32 = x.to(torch.float32)
    n = x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + eps)
    if offset:  # Gemma: computed in fp32, scaled by (1 + w), then cast
        return (n * (1.0 + w.float())).to(x.dtype)
    return w * n.to(x.dtype)


def inv_freq(rope, dim, seq_len, max_pos):
    """The inverse frequencies of one rope spec (a transformers-5 rope_parameters dict)."""
    kind = rope.get("rope_type", "default")
    base = rope["rope_theta"]
    exps = torch.arange(0, dim, 2, dtype=torch.int64).float() / dim
    if kind == "dynamic":
        length = max(seq_len, max_pos)
        factor = rope["factor"]
        base = base * ((factor * length / max_pos) - (factor - 1)) ** (dim / (dim - 2))
    inv = 1.0 / (base ** exps)
    if kind in ("default", "dynamic"):
        return inv, 1.0
    if kind == "linear":
        return inv / rope["factor"], 1.0
    if kind == "llama3":
        factor, low, high = rope["factor"], rope["low_freq_factor"], rope["high_freq_factor"]
        old = rope["original_max_position_embeddings"]
        wavelen = 2 * math.pi / inv
        out = torch.where(wavelen > old / low, inv / factor, inv)
        smooth = (old / wavelen - low) / (high - low)
        medium = (wavelen >= old / high) & (wavelen <= old / low)
        return torch.where(medium, (1 - smooth) * out / factor + smooth * out, out), 1.0
    if kind == "yarn":
        factor, old = rope["factor"], rope["original_max_position_embeddings"]
        fast, slow = rope.get("beta_fast", 32), rope.get("beta_slow", 1)

        def dim_for(rotations):
            return dim * math.log(old / (rotations * 2 * math.pi)) / (2 * math.log(base))

        lo, hi = max(math.floor(dim_for(fast)), 0), min(math.ceil(dim_for(slow)), dim - 1)
        if lo == hi:
            hi += 0.001
        ramp = ((torch.arange(dim // 2, dtype=torch.float32) - lo) / (hi - lo)).clamp(0, 1)
        pos = base ** exps
        keep = 1 - ramp  # share of the unscaled (extrapolated) frequency
        inv = (1.0 / (factor * pos)) * (1 - keep) + (1.0 / pos) * keep
        scale = rope.get("attention_factor") or (0.1 * math.log(factor) + 1.0 if factor > 1 else 1.0)
        return inv, scale
    raise ValueError(kind)


def cos_sin(rope, dim, positions, max_pos):
    inv, scale = inv_freq(rope, dim, int(positions.max()) + 1, max_pos)
    freqs = positions.float()[:, None] * inv[None, :]
    emb = torch.cat((freqs, freqs), dim=-1)
    return emb.cos() * scale, emb.sin() * scale


def rotate(x, cos, sin):
    half = x.shape[-1] // 2
    return x * cos + torch.cat((-x[..., half:], x[..., :half]), dim=-1) * sin


def layer_sliding(cfg):
    n, mt = cfg["num_hidden_layers"], cfg["model_type"]
    if "layer_types" in cfg:
        return [t == "sliding_attention" for t in cfg["layer_types"]]
    if mt == "gemma2":
        return [i % 2 == 0 for i in range(n)]
    if mt == "gemma3_text":
        p = cfg.get("sliding_window_pattern", 6)
        return [(i + 1) % p != 0 for i in range(n)]
    return [cfg.get("sliding_window") is not None] * n


def ropes(cfg):
    """(global rope, local rope) as rope_parameters dicts, from 4.x keys."""
    g = dict(cfg.get("rope_scaling") or {"rope_type": "default"})
    g["rope_theta"] = cfg["rope_theta"]
    local = {"rope_type": "default", "rope_theta": cfg["rope_local_base_freq"]} if "rope_local_base_freq" in cfg else g
    return g, local


def forward(cfg, p, ids):
    B, T = ids.shape
    mt = cfg["model_type"]
    gemma = mt in GEMMA
    H, KV, D = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"]
    eps = cfg["rms_norm_eps"]
    qk_norm = mt in ("qwen3", "gemma3_text")
    scale = (cfg["query_pre_attn_scalar"] if gemma else D) ** -0.5
    attn_cap = cfg.get("attn_logit_softcapping") if gemma else None
    final_cap = cfg.get("final_logit_softcapping") if gemma else None
    positions = torch.arange(T)
    g_rope, l_rope = ropes(cfg)
    tables = {False: cos_sin(g_rope, D, positions, cfg["max_position_embeddings"]),
              True: cos_sin(l_rope, D, positions, cfg["max_position_embeddings"])}
    q_idx, k_idx = positions[:, None], positions[None, :]
    causal = k_idx <= q_idx
    window = cfg.get("sliding_window")
    masks = {False: causal, True: causal & (q_idx - k_idx < window) if window else causal}
    sliding = layer_sliding(cfg)

    h = p["model.embed_tokens.weight"][ids]
    if gemma:
        h = h * torch.tensor(cfg["hidden_size"] ** 0.5, dtype=h.dtype)
    for i in range(cfg["num_hidden_layers"]):
        pre = f"model.layers.{i}."
        x = rms_norm(h, p[pre + "input_layernorm.weight"], eps, gemma)

        def proj(name, heads):
            w, b = p[pre + f"self_attn.{name}.weight"], p.get(pre + f"self_attn.{name}.bias")
            return F.linear(x, w, b).view(B, T, heads, D)

        q, k, v = proj("q_proj", H), proj("k_proj", KV), proj("v_proj", KV).transpose(1, 2)
        if qk_norm:
            q = rms_norm(q, p[pre + "self_attn.q_norm.weight"], eps, gemma)
            k = rms_norm(k, p[pre + "self_attn.k_norm.weight"], eps, gemma)
        cos, sin = tables[sliding[i]]
        q, k = rotate(q.transpose(1, 2), cos, sin), rotate(k.transpose(1, 2), cos, sin)
        k, v = k.repeat_interleave(H // KV, dim=1), v.repeat_interleave(H // KV, dim=1)
        scores = (q @ k.transpose(2, 3)) * scale
        if attn_cap:
            scores = torch.tanh(scores / attn_cap) * attn_cap
        scores = scores.masked_fill(~masks[sliding[i]], float("-inf"))
        attn = (torch.softmax(scores.float(), dim=-1).to(q.dtype) @ v).transpose(1, 2).reshape(B, T, H * D)
        attn = F.linear(attn, p[pre + "self_attn.o_proj.weight"], p.get(pre + "self_attn.o_proj.bias"))
        if gemma:
            h = h + rms_norm(attn, p[pre + "post_attention_layernorm.weight"], eps, True)
            x = rms_norm(h, p[pre + "pre_feedforward_layernorm.weight"], eps, True)
        else:
            h = h + attn
            x = rms_norm(h, p[pre + "post_attention_layernorm.weight"], eps, False)
        gate = F.linear(x, p[pre + "mlp.gate_proj.weight"])
        act = F.gelu(gate, approximate="tanh") if gemma else F.silu(gate)
        out = F.linear(act * F.linear(x, p[pre + "mlp.up_proj.weight"]), p[pre + "mlp.down_proj.weight"])
        h = h + (rms_norm(out, p[pre + "post_feedforward_layernorm.weight"], eps, True) if gemma else out)
    h = rms_norm(h, p["model.norm.weight"], eps, gemma)
    head = p["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else p["lm_head.weight"]
    logits = F.linear(h, head)
    if final_cap:
        logits = torch.tanh(logits / final_cap) * final_cap
    return logits


def param_shapes(cfg):
    hs, inter, V = cfg["hidden_size"], cfg["intermediate_size"], cfg["vocab_size"]
    H, KV, D = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"]
    mt = cfg["model_type"]
    bias = mt == "qwen2"
    shapes = {"model.embed_tokens.weight": (V, hs)}
    for i in range(cfg["num_hidden_layers"]):
        pre = f"model.layers.{i}."
        shapes[pre + "input_layernorm.weight"] = (hs,)
        for name, out in (("q_proj", H * D), ("k_proj", KV * D), ("v_proj", KV * D)):
            shapes[pre + f"self_attn.{name}.weight"] = (out, hs)
            if bias:
                shapes[pre + f"self_attn.{name}.bias"] = (out,)
        shapes[pre + "self_attn.o_proj.weight"] = (hs, H * D)
        if mt in ("qwen3", "gemma3_text"):
            shapes[pre + "self_attn.q_norm.weight"] = (D,)
            shapes[pre + "self_attn.k_norm.weight"] = (D,)
        shapes[pre + "mlp.gate_proj.weight"] = (inter, hs)
        shapes[pre + "mlp.up_proj.weight"] = (inter, hs)
        shapes[pre + "mlp.down_proj.weight"] = (hs, inter)
        shapes[pre + "post_attention_layernorm.weight"] = (hs,)
        if mt in GEMMA:
            shapes[pre + "pre_feedforward_layernorm.weight"] = (hs,)
            shapes[pre + "post_feedforward_layernorm.weight"] = (hs,)
    shapes["model.norm.weight"] = (hs,)
    if not cfg["tie_word_embeddings"]:
        shapes["lm_head.weight"] = (V, hs)
    return shapes
