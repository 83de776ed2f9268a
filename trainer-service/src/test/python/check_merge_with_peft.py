"""Checks a merged checkpoint that Pinch wrote (POST /runs/{id}/checkpoints/{step}/merged, `bin/pinch merge`)
against PEFT itself: loads the base and the adapter checkpoint with PEFT, and the merged directory with
transformers, and compares their logits on random token ids.

    python check_merge_with_peft.py BASE_DIR ADAPTER_DIR MERGED_DIR

e.g. with a local store: BASE_DIR = <store>/models/builtin-<hash>, ADAPTER_DIR = <store>/checkpoints/<run>/step-N,
MERGED_DIR = <store>/merged/<run>/step-N. Needs torch, transformers and peft (the local package index has them).
Prints the largest differences; exits 1 when the merged model differs from PEFT's base + adapter by more than 1e-4.
"""
import sys

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM


def main(base_dir, adapter_dir, merged_dir):
    torch.manual_seed(0)
    load = lambda d: AutoModelForCausalLM.from_pretrained(d, torch_dtype=torch.float32).eval()
    base = load(base_dir)
    ids = torch.randint(0, base.config.vocab_size, (2, 24))
    with torch.no_grad():
        plain = base(ids).logits
        peft = PeftModel.from_pretrained(base, adapter_dir).eval()
        adapted = peft(ids).logits
        peft_merged = peft.merge_and_unload()(ids).logits
        pinch = load(merged_dir)(ids).logits
    diff = (pinch - adapted).abs().max().item()
    print("max |Pinch merged - PEFT base+adapter| =", diff)
    print("max |Pinch merged - PEFT merge_and_unload| =", (pinch - peft_merged).abs().max().item())
    print("max |PEFT base+adapter - base| (the adapter's effect) =", (adapted - plain).abs().max().item())
    return 0 if diff <= 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
