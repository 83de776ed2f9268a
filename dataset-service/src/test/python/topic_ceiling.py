#!/usr/bin/env python3
"""How well can SIB-200's topics be told apart from the built-in corpus's own labelled data alone?

A yardstick for the demo's topic accuracy: a multinomial naive Bayes over word counts (character unigrams and
bigrams for Chinese; add-0.5 smoothing), trained on SIB-200's train split of one language and scored on its
test split (204 sentences), with

- all 701 train sentences, and
- 385, what each monolingual demo mix of 1,280 examples holds of the 701 (its budget over the five tasks' 2,271 train
  examples), over 5 seeded draws.

No model, and no data beyond the SIB-200 files the built-in corpus bundles (src/main/resources/builtin/sib200, the
same as ../shared/data/sib200). Standard library only:

    python3 dataset-service/src/test/python/topic_ceiling.py [SIB200_DIR] [LANG_FOLDER ...]
"""
import collections
import csv
import math
import random
import re
import sys
from pathlib import Path

DEMO = ["eng_Latn", "spa_Latn", "rus_Cyrl", "zho_Hans"]
MIX_SHARE = 385
DRAWS = 5


def rows(folder, split):
    with open(folder / f"{split}.tsv", encoding="utf-8", newline="") as f:
        return [(r["category"], r["text"]) for r in csv.DictReader(f, delimiter="\t")]


def features(text, han):
    text = text.lower()
    if han:
        return list(text) + [text[i:i + 2] for i in range(len(text) - 1)]
    return re.findall(r"\w+", text)


def accuracy(train, test, han):
    priors = collections.Counter(c for c, _ in train)
    counts = collections.defaultdict(collections.Counter)
    vocabulary = set()
    for c, t in train:
        for w in features(t, han):
            counts[c][w] += 1
            vocabulary.add(w)
    totals = {c: sum(counts[c].values()) for c in priors}

    def score(c, words):
        denominator = totals[c] + 0.5 * len(vocabulary)
        return math.log(priors[c]) + sum(math.log((counts[c][w] + 0.5) / denominator) for w in words)

    right = sum(max(priors, key=lambda c: score(c, features(t, han))) == label for label, t in test)
    return 100.0 * right / len(test)


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "src/main/resources/builtin/sib200"
    languages = sys.argv[2:] or DEMO
    print("language  majority  all-701  mix-385 (5 draws)")
    for lang in languages:
        folder = root / lang
        train, test = rows(folder, "train"), rows(folder, "test")
        han = lang.endswith("_Hans") or lang.endswith("_Hant")
        majority = 100.0 * max(collections.Counter(c for c, _ in test).values()) / len(test)
        draws = []
        for seed in range(DRAWS):
            sample = list(train)
            random.Random(seed).shuffle(sample)
            draws.append(accuracy(sample[:MIX_SHARE], test, han))
        print(f"{lang:9} {majority:8.1f}  {accuracy(train, test, han):7.1f}  "
              + " ".join(f"{a:.1f}" for a in draws) + f"  (mean {sum(draws) / len(draws):.1f})")


if __name__ == "__main__":
    main()
