#!/usr/bin/env python3
"""Golden LoRA forward and gradients for dev.pinch.lm, computed by PEFT on transformers' LlamaForCausalLM.

Needs torch, transformers, peft and safetensors (not Debian's python3 alone), e.g.
  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch transformers peft safetensors
Run from the repository root:
  /tmp/venv/bin/python lm/src/test/python/make_lora_golden.py            # PEFT's adapter and golden values
  /tmp/venv/bin/python lm/src/test/python/make_lora_golden.py --check-pinch lm/target/pinch-adapter
The second form loads an adapter that Pinch wrote (LoraGoldenTest writes one into lm/target/pinch-adapter)
with PEFT's own PeftModel.from_pretrained, copies it to golden/lora-llama/pinch-written/ and records what PEFT
made of it in golden/lora-llama/peft-loads-pinch.json, which LoraGoldenTest checks.

Base model: golden/llama (make_golden.py). Adapter: r=4, alpha=8 on all seven projections, A and B drawn from a
seeded normal (PEFT starts B at zero, which would make A's gradient and the update zero). Writes
golden/lora-llama/adapter/{adapter_config.json, adapter_model.safetensors} with PEFT's save_pretrained, and
golden/lora-llama/golden.safetensors: input_ids, loss_weights, logits (with the adapter), merged_logits
(after PEFT's merge_and_unload) and grad.<PEFT tensor name> of sum(logits * loss_weights) for every lora_A/B.
"""
import json
import os
import shutil
import sys

import torch
from peft import LoraConfig, PeftModel, get_peft_model
from safetensors import safe_open
from safetensors.torch import load_file, save_file
from transformers import LlamaForCausalLM

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
BASE = os.path.join(ROOT, "llama")
OUT = os.path.join(ROOT, "lora-llama")
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def base_model():
    return LlamaForCausalLM.from_pretrained(BASE, torch_dtype=torch.float32, attn_implementation="eager").eval()


def make_golden():
    torch.manual_seed(0)
    model = get_peft_model(base_model(), LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0, target_modules=TARGETS,
                                                    task_type="CAUSAL_LM"))
    gen = torch.Generator().manual_seed(14)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "lora_" in name:
                p.copy_(torch.randn(p.shape, generator=gen) * 0.3)
    golden = load_file(os.path.join(BASE, "golden.safetensors"))
    ids = golden["input_ids"]
    loss_weights = torch.randn(ids.shape[0], ids.shape[1], model.config.vocab_size, generator=gen)
    logits = model(input_ids=ids).logits
    (logits * loss_weights).sum().backward()
    grads = {}
    for name, p in model.named_parameters():
        if p.requires_grad:
            grads["grad." + name.replace(".default", "")] = p.grad.detach().clone()
        else:
            assert p.grad is None, name + " is frozen but got a gradient"
    adapter = os.path.join(OUT, "adapter")
    shutil.rmtree(adapter, ignore_errors=True)
    model.peft_config["default"].base_model_name_or_path = "../llama"
    model.save_pretrained(adapter)
    os.remove(os.path.join(adapter, "README.md"))  # PEFT's model card, not part of the format
    with torch.no_grad():
        merged = model.merge_and_unload()(input_ids=ids).logits
    save_file({"input_ids": ids, "loss_weights": loss_weights, "logits": logits.detach().contiguous(),
               "merged_logits": merged.contiguous(), **grads}, os.path.join(OUT, "golden.safetensors"),
              metadata={"format": "pt"})
    print("lora tensors", len(grads), "logits", tuple(logits.shape), "max |merged - adapter|",
          (merged - logits).abs().max().item())


def check_pinch(src):
    """Loads a Pinch-written adapter with PEFT and records whether the names, keys and logits agree."""
    dst = os.path.join(OUT, "pinch-written")
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    with open(os.path.join(OUT, "adapter", "adapter_config.json")) as f:
        peft_keys = sorted(json.load(f))
    with open(os.path.join(dst, "adapter_config.json")) as f:
        pinch_keys = sorted(json.load(f))
    with safe_open(os.path.join(OUT, "adapter", "adapter_model.safetensors"), "pt") as f:
        peft_names = sorted(f.keys())
    with safe_open(os.path.join(dst, "adapter_model.safetensors"), "pt") as f:
        pinch_names = sorted(f.keys())
    model = PeftModel.from_pretrained(base_model(), dst).eval()
    ids = load_file(os.path.join(ROOT, "llama", "golden.safetensors"))["input_ids"]
    with torch.no_grad():
        logits = model(input_ids=ids).logits
    expected = load_file(os.path.join(dst, "pinch-logits.safetensors"))["logits"]
    result = {
        "peft_version": __import__("peft").__version__,
        "files": sorted(f for f in os.listdir(dst) if f != "pinch-logits.safetensors"),
        "config_keys_equal": peft_keys == pinch_keys,
        "tensor_names_equal": peft_names == pinch_names,
        "max_abs_logit_diff": (logits - expected).abs().max().item(),
        "logit_scale": expected.abs().max().item(),
    }
    with open(os.path.join(OUT, "peft-loads-pinch.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(result)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check-pinch":
        check_pinch(sys.argv[2])
    else:
        make_golden()
