#!/usr/bin/env python3
"""How much does the built-in base model know about SIB-200's topics? A linear probe over its hidden states.

For each demo language, every SIB-200 train sentence (701) and test sentence (204) goes through the model, by
transformers' own Llama forward (not Pinch's). A sentence's features are the mean over its positions of each layer's
hidden state, the embedding layer's included (7 x 256 values for the built-in model), standardised on the train
set. A multinomial logistic regression (L2, LBFGS) learns the 7 topics from all 701 train sentences; its strength
is chosen by 5-fold cross-validation on the train set, and the test accuracy is reported.

The same probe over the same architecture with random weights (seeded) is the control: what mean-pooled features
of the tokens give with no pretraining at all. The gap between the two is what pretraining taught about topics.

Compare topic_ceiling.py in dataset-service (naive Bayes over word counts, no model), and the demo's topic accuracy
(a tuned model's greedy answers). Needs torch and transformers (a virtualenv on the local package index):

    python topic_probe.py [MODEL_DIR [SIB200_DIR]]

MODEL_DIR defaults to the shipped release (trainer-service/src/main/resources/builtin-model/builtin-*), SIB200_DIR
to the copy the built-in corpus bundles.
"""
import csv
import sys
from pathlib import Path

import torch
from transformers import LlamaForCausalLM, PreTrainedTokenizerFast

ROOT = Path(__file__).resolve().parents[4]
DEMO = ["eng_Latn", "spa_Latn", "rus_Cyrl", "zho_Hans"]
STRENGTHS = [1e-3, 1e-2, 1e-1, 1.0]
FOLDS = 5


def rows(sib, lang, split):
    with open(sib / lang / f"{split}.tsv", encoding="utf-8", newline="") as f:
        return [(r["category"], r["text"]) for r in csv.DictReader(f, delimiter="\t")]


@torch.no_grad()
def features(model, tokenizer, texts):
    out = []
    for text in texts:
        ids = torch.tensor([tokenizer.encode(text)])
        states = model(ids, output_hidden_states=True).hidden_states
        out.append(torch.cat([h[0].mean(0) for h in states]))
    return torch.stack(out)


def fit(x, y, classes, strength):
    w = torch.zeros(x.shape[1], classes, requires_grad=True)
    b = torch.zeros(classes, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=300, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(x @ w + b, y) + strength * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return lambda z: (z @ w + b).argmax(1)


def accuracy(predict, x, y):
    return (predict(x) == y).float().mean().item()


def probe(xtr, ytr, xte, yte, classes):
    """Test accuracy with the strength that 5-fold cross-validation on the train set prefers; that strength."""
    folds = torch.arange(len(ytr)) % FOLDS
    def cv(s):
        return sum(accuracy(fit(xtr[folds != k], ytr[folds != k], classes, s), xtr[folds == k], ytr[folds == k])
                   for k in range(FOLDS)) / FOLDS
    best = max(STRENGTHS, key=cv)
    return accuracy(fit(xtr, ytr, classes, best), xte, yte), best


def main():
    model_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else next(
        (ROOT / "trainer-service/src/main/resources/builtin-model").glob("builtin-*"))
    sib = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "dataset-service/src/main/resources/builtin/sib200"
    tokenizer = PreTrainedTokenizerFast(tokenizer_file=str(model_dir / "tokenizer.json"))
    trained = LlamaForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
    torch.manual_seed(0)
    random = LlamaForCausalLM(trained.config).eval()
    print(f"model {model_dir.name}; SIB-200 from {sib}; linear probe, strength by {FOLDS}-fold CV on train")
    print("language   train  test  pretrained  (strength)  random weights  (strength)")
    for lang in DEMO:
        train, test = rows(sib, lang, "train"), rows(sib, lang, "test")
        labels = {c: i for i, c in enumerate(sorted({c for c, _ in train}))}
        ytr = torch.tensor([labels[c] for c, _ in train])
        yte = torch.tensor([labels[c] for c, _ in test])
        line = f"{lang:9}  {len(train):5}  {len(test):4}"
        for model in (trained, random):
            xtr = features(model, tokenizer, [t for _, t in train])
            xte = features(model, tokenizer, [t for _, t in test])
            mean, std = xtr.mean(0), xtr.std(0) + 1e-6
            acc, strength = probe((xtr - mean) / std, ytr, (xte - mean) / std, yte, len(labels))
            line += f"  {100 * acc:10.1f}  ({strength:g})".ljust(26)
        print(line, flush=True)


if __name__ == "__main__":
    main()
