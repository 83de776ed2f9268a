#!/usr/bin/env python3
"""How much does the built-in base model know about SIB-200's topics? A linear probe over its hidden states.

For each demo language, every SIB-200 train sentence (701) and test sentence (204) goes through the model, by
transformers' own Llama forward (not Pinch's). A sentence's features are the mean over its positions of each layer's
hidden state, the embedding layer's included (7 x 256 values for the built-in model). A multinomial logistic
regression (L2, LBFGS; features standardised on the data it is fitted on) learns the 7 topics; its strength is
chosen by 5-fold cross-validation on the train sentences it gets, and its test accuracy is reported with a 95%
normal-approximation half-width (204 test sentences).

Three feature sets, each probed with all 701 train sentences and with 385 (what a monolingual demo mix holds; the
mean of 5 seeded draws):
- the shipped model's hidden states;
- the same architecture with random weights (seeded): mean-pooled features with no pretraining;
- the bag of tokens (the tokenizer's counts, divided by the sentence's length): what a linear readout of the tokens
  alone gets, the ceiling of mean-pooling before any model.

Compare topic_ceiling.py beside it (naive Bayes over word counts, no model; its SIB-200 reader, demo languages and
draw size are shared from there), and the demo's topic accuracy (a tuned model's greedy answers). Needs torch and transformers (a virtualenv on the local package index):

    python topic_probe.py [MODEL_DIR [SIB200_DIR]]

MODEL_DIR defaults to the shipped release (trainer-service/src/main/resources/builtin-model/builtin-*), SIB200_DIR
to the copy the built-in corpus bundles.
"""
import random
import sys
from pathlib import Path

import torch
from transformers import LlamaForCausalLM, PreTrainedTokenizerFast

from topic_ceiling import DEMO, DRAWS, MIX_SHARE, rows

ROOT = Path(__file__).resolve().parents[4]
STRENGTHS = [1e-3, 1e-2, 1e-1, 1.0]
FOLDS = 5


@torch.no_grad()
def features(model, tokenizer, texts):
    out = []
    for text in texts:
        ids = torch.tensor([tokenizer.encode(text)])
        states = model(ids, output_hidden_states=True).hidden_states
        out.append(torch.cat([h[0].mean(0) for h in states]))
    return torch.stack(out)


def bag_of_tokens(tokenizer, texts):
    out = torch.zeros(len(texts), tokenizer.vocab_size)
    for i, text in enumerate(texts):
        ids = tokenizer.encode(text)
        out[i].index_add_(0, torch.tensor(ids), torch.full((len(ids),), 1.0 / len(ids)))
    return out


def fit(x, y, classes, strength):
    """A predictor fitted on (x, y), standardising x on these rows only."""
    mean, std = x.mean(0), x.std(0) + 1e-6
    x = (x - mean) / std
    w = torch.zeros(x.shape[1], classes, requires_grad=True)
    b = torch.zeros(classes, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=300, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(x @ w + b, y) + strength * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return lambda z: (((z - mean) / std) @ w + b).argmax(1)


def accuracy(predict, x, y):
    return (predict(x) == y).float().mean().item()


def probe(xtr, ytr, xte, yte, classes):
    """Test accuracy with the strength that 5-fold cross-validation on the train rows prefers."""
    folds = torch.arange(len(ytr)) % FOLDS

    def cv(s):
        return sum(accuracy(fit(xtr[folds != k], ytr[folds != k], classes, s), xtr[folds == k], ytr[folds == k])
                   for k in range(FOLDS)) / FOLDS
    return accuracy(fit(xtr, ytr, classes, max(STRENGTHS, key=cv)), xte, yte)


def cell(xtr, ytr, xte, yte, classes):
    """'all 701 ± half-width, mean of the 385-sentence draws' for one feature set."""
    full = probe(xtr, ytr, xte, yte, classes)
    draws = []
    for d in range(DRAWS):
        picked = torch.tensor(sorted(random.Random(d).sample(range(len(ytr)), MIX_SHARE)))
        draws.append(probe(xtr[picked], ytr[picked], xte, yte, classes))
    half = 1.96 * (full * (1 - full) / len(yte)) ** 0.5
    return f"{100 * full:5.1f} ± {100 * half:3.1f}, {100 * sum(draws) / DRAWS:5.1f}"


def main():
    if len(sys.argv) > 1:
        model_dir = Path(sys.argv[1])
    else:
        shipped = sorted((ROOT / "trainer-service/src/main/resources/builtin-model").glob("builtin-*"))
        if len(shipped) != 1:
            sys.exit(f"expected one shipped release under builtin-model/, found {len(shipped)}: pass MODEL_DIR")
        model_dir = shipped[0]
    sib = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "dataset-service/src/main/resources/builtin/sib200"
    tokenizer = PreTrainedTokenizerFast(tokenizer_file=str(model_dir / "tokenizer.json"))
    trained = LlamaForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
    torch.manual_seed(0)
    random_weights = LlamaForCausalLM(trained.config).eval()
    print(f"model {model_dir.name}; SIB-200 from {sib}; linear probe, strength by {FOLDS}-fold CV on train;"
          f" test accuracy (%) with all 701 train sentences ± 95% half-width, then the mean over {DRAWS} draws of"
          f" {MIX_SHARE}")
    print(f"{'language':9}  {'pretrained':>20}  {'random weights':>20}  {'bag of tokens':>20}")
    for lang in DEMO:
        train, test = rows(sib / lang, "train"), rows(sib / lang, "test")
        labels = {c: i for i, c in enumerate(sorted({c for c, _ in train}))}
        ytr = torch.tensor([labels[c] for c, _ in train])
        yte = torch.tensor([labels[c] for c, _ in test])
        cells = []
        for model in (trained, random_weights, None):
            if model is None:
                xtr, xte = bag_of_tokens(tokenizer, [t for _, t in train]), bag_of_tokens(tokenizer, [t for _, t in test])
            else:
                xtr, xte = features(model, tokenizer, [t for _, t in train]), features(model, tokenizer, [t for _, t in test])
            cells.append(cell(xtr, ytr, xte, yte, len(labels)))
        print(f"{lang:9}  " + "  ".join(f"{c:>20}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
