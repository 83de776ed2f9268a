#!/usr/bin/env python3
"""Golden logits, gradients and greedy continuations for every decoder family, from reference_decoder.py
(plain PyTorch; Debian's python3-torch 1.13 is enough, no transformers).

Each case is a tiny random model with its family's features switched on where they show: sequences longer
than the sliding window, soft-caps that bite, scaled RoPE with positions past the original context.
Run from the repository root:  /usr/bin/python3 lm/src/test/python/make_golden_families.py
It rewrites lm/src/test/resources/golden/<case>/{config.json, model.safetensors, golden.safetensors}
(deterministic). golden.safetensors: input_ids [B,T], logits [B,T,V], loss_weights [B,T,V], grad.<name> (the
gradient of sum(logits * loss_weights)) and greedy [1, P+N] (a prompt and N greedily chosen tokens: of 60 prompts,
the one whose continuation varies most; each token from a full forward of the sequence so far: the Java KV-cache generator must reproduce it).
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import OUT, write_safetensors  # noqa: E402
from reference_decoder import forward, param_shapes  # noqa: E402

BASE = {
    "hidden_act": "silu", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 3,
    "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 8, "vocab_size": 89,
    "max_position_embeddings": 64, "rms_norm_eps": 1e-6, "rope_theta": 10000.0, "tie_word_embeddings": False,
    "bos_token_id": 1, "eos_token_id": 2, "torch_dtype": "float32", "initializer_range": 0.02,
}

CASES = {
    # Llama 3.x: llama3 band scaling, original context 8 < 24 tokens, so every band is exercised
    "llama3-rope": {**BASE, "architectures": ["LlamaForCausalLM"], "model_type": "llama", "rope_theta": 500000.0,
                    "attention_bias": False, "mlp_bias": False, "tie_word_embeddings": True,
                    "rope_scaling": {"rope_type": "llama3", "factor": 4.0, "low_freq_factor": 1.0,
                                     "high_freq_factor": 4.0, "original_max_position_embeddings": 8}},
    "llama-linear-rope": {**BASE, "architectures": ["LlamaForCausalLM"], "model_type": "llama",
                          "rope_scaling": {"rope_type": "linear", "factor": 2.5}},
    # dynamic NTK: the 24 positions pass max_position_embeddings 16, so the base is rescaled
    "llama-dynamic-rope": {**BASE, "architectures": ["LlamaForCausalLM"], "model_type": "llama",
                           "max_position_embeddings": 16, "rope_scaling": {"rope_type": "dynamic", "factor": 2.0}},
    "qwen2-yarn-rope": {**BASE, "architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "rope_theta": 1e6,
                        "use_sliding_window": False, "sliding_window": None, "max_window_layers": 3,
                        "rope_scaling": {"rope_type": "yarn", "factor": 4.0, "original_max_position_embeddings": 8}},
    "qwen3": {**BASE, "architectures": ["Qwen3ForCausalLM"], "model_type": "qwen3", "head_dim": 12,
              "num_attention_heads": 6, "rope_theta": 1000000.0, "attention_bias": False, "tie_word_embeddings": True,
              "use_sliding_window": False, "sliding_window": None, "max_window_layers": 3},
    "mistral-sliding": {**BASE, "architectures": ["MistralForCausalLM"], "model_type": "mistral",
                        "sliding_window": 5},
    "gemma2": {**BASE, "architectures": ["Gemma2ForCausalLM"], "model_type": "gemma2", "num_hidden_layers": 4,
               "hidden_act": "gelu_pytorch_tanh", "hidden_activation": "gelu_pytorch_tanh", "head_dim": 16,
               "query_pre_attn_scalar": 12, "attn_logit_softcapping": 2.0, "final_logit_softcapping": 3.0,
               "sliding_window": 5, "tie_word_embeddings": True, "attention_bias": False, "pad_token_id": 0},
    "gemma3": {**BASE, "architectures": ["Gemma3ForCausalLM"], "model_type": "gemma3_text", "num_hidden_layers": 4,
               "hidden_act": "gelu_pytorch_tanh", "hidden_activation": "gelu_pytorch_tanh", "head_dim": 16,
               "query_pre_attn_scalar": 16, "attn_logit_softcapping": None, "final_logit_softcapping": None,
               "sliding_window": 6, "sliding_window_pattern": 3, "rope_theta": 1000000.0,
               "rope_local_base_freq": 10000.0, "tie_word_embeddings": True, "attention_bias": False,
               "rope_scaling": {"rope_type": "linear", "factor": 8.0}, "pad_token_id": 0},
}


def params(cfg, gen):
    gemma = cfg["model_type"].startswith("gemma")
    p = {}
    for name, shape in param_shapes(cfg).items():
        if name.endswith("norm.weight"):
            # Gemma norms scale by (1 + w): small w; Llama norms by w: around 1
            p[name] = torch.randn(*shape, generator=gen) * 0.1 + (0.0 if gemma else 1.0)
        else:
            p[name] = torch.randn(*shape, generator=gen) * (0.5 if "embed" in name or "lm_head" in name else 0.2)
    return p


def emit(name, cfg, seed):
    gen = torch.Generator().manual_seed(seed)
    p = params(cfg, gen)
    V = cfg["vocab_size"]
    ids = torch.randint(0, V, (2, 24), generator=gen)
    weights = torch.randn(ids.shape[0], ids.shape[1], V, generator=gen)
    leaves = {k: v.clone().requires_grad_(True) for k, v in p.items()}
    (forward(cfg, leaves, ids) * weights).sum().backward()
    with torch.no_grad():
        logits = forward(cfg, p, ids)
        best = None
        for _ in range(60):  # the prompt whose continuation varies most (random tiny models tend to repeat)
            seq = torch.randint(0, V, (1, 5), generator=gen)
            for _ in range(14):
                nxt = forward(cfg, p, seq)[:, -1].argmax(-1, keepdim=True)
                seq = torch.cat([seq, nxt], dim=1)
            if best is None or len(set(seq[0, 5:].tolist())) > len(set(best[0, 5:].tolist())):
                best = seq
        seq = best
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    with open(os.path.join(d, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2)
    write_safetensors(os.path.join(d, "model.safetensors"), p, {"format": "pt"})
    grads = {"grad." + k: v.grad for k, v in leaves.items()}
    write_safetensors(os.path.join(d, "golden.safetensors"),
                      {"input_ids": ids, "logits": logits.contiguous(), "loss_weights": weights, "greedy": seq,
                       **grads})
    print(name, "logits max", float(logits.abs().max()), "greedy", seq.tolist())


if __name__ == "__main__":
    for i, (case, config) in enumerate(CASES.items()):
        emit(case, config, 4242 + i)
