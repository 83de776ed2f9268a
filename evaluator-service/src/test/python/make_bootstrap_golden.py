#!/usr/bin/env python3
"""Writes the bootstrap golden file that BootstrapGoldenTest checks the Java statistics against.

    python3 make_bootstrap_golden.py > ../resources/dev/pinch/evaluator/stats/bootstrap-golden.json

Needs numpy and scipy (Debian's python3-numpy and python3-scipy will do; made with numpy 1.24 / scipy 1.10 and checked
with numpy 2.4 / scipy 1.17). CI does not run this script: it reads only the JSON it wrote.

How Java and Python agree to 1e-6: both draw the resampling indices from the same simple generator, SplitMix64
(Steele, Lea, Flood 2014), seeded the same way, and consume it in the same order (per resample, per seed slot: one
seed index per mix, then n prompt indices). The statistic on each resample, the percentile interval (numpy's linear
quantile) and the p-values (interval inversion for levels; for contrasts a paired sign-flip test drawing one sign per
prompt from a second SplitMix64 with the same seed) are computed independently here with numpy. Independently of the shared generator, the
script also checks its own percentile interval against scipy.stats.bootstrap on the same data (many resamples,
scipy's own random draws), so the reference is a correct bootstrap and not merely a copy of the Java one.
The data below are synthetic (seeded numpy draws), no corpus text.
"""
import json
import sys

import numpy as np
from scipy import stats

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_int(self, bound):
        return self.next_long() % bound


def signed(u):
    return u - (1 << 64) if u >= 1 << 63 else u


def layout(terms, data):
    """Per language, the ids measured in every seed of every mix whose term covers it; the pooled ids, sorted."""
    measured = {}
    for term in terms:
        for lang in term["languages"]:
            for replicate in data[term["mix"]][lang]:
                ids = set(replicate)
                measured[lang] = measured[lang] & ids if lang in measured else ids
    pool = sorted(set().union(*measured.values()))
    return measured, pool


def statistic(terms, data, measured, pool, seed_draws, counts):
    """seed_draws[k][mix] and counts[k] (per pool id); None: every seed once, every prompt once."""
    mixes = list(dict.fromkeys(t["mix"] for t in terms))
    total = 0.0
    for term in terms:
        m = mixes.index(term["mix"])
        lang_means = []
        for lang in term["languages"]:
            ids = sorted(measured[lang])
            replicates = data[term["mix"]][lang]
            slots = range(len(replicates)) if seed_draws is None else range(len(seed_draws))
            slot_means = []
            for k in slots:
                rep = replicates[k if seed_draws is None else seed_draws[k][m]]
                x = np.array([rep[i] for i in ids], dtype=float)
                c = np.ones(len(ids)) if counts is None else np.array([counts[k][pool.index(i)] for i in ids], float)
                if c.sum() == 0:
                    return float("nan")
                slot_means.append(float((c * x).sum() / c.sum()))
            lang_means.append(np.mean(slot_means))
        total += term["weight"] * np.mean(lang_means)
    return total


def is_contrast(terms):
    langs = {l for t in terms for l in t["languages"]}
    return all(abs(sum(t["weight"] for t in terms if l in t["languages"])) < 1e-9 for l in langs)


def contributions(terms, data, measured, pool):
    """Each pooled prompt's share of the point estimate (seeds averaged), accumulated term by term, language by
    language, prompt by prompt."""
    c = [0.0] * len(pool)
    for term in terms:
        w = term["weight"] / len(term["languages"])
        for lang in term["languages"]:
            ids = sorted(measured[lang])
            replicates = data[term["mix"]][lang]
            for i in ids:
                mean = 0.0
                for rep in replicates:
                    mean += rep[i]
                c[pool.index(i)] += w * mean / len(replicates) / len(ids)
    return c


def sign_flip(c, seed, resamples):
    """Paired sign-flip test: each share keeps or flips its sign (minus when the 64-bit draw, read signed, is
    negative); p = (#{|sum| >= |observed|} + 1) / (resamples + 1)."""
    observed = abs(float(np.sum(c)))
    tolerance = 1e-9 * max(1.0, observed)
    rng = SplitMix64(seed)
    extreme = 0
    for _ in range(resamples):
        total = 0.0
        for x in c:
            total += -x if rng.next_long() >= 1 << 63 else x
        extreme += abs(total) >= observed - tolerance
    return (extreme + 1) / (resamples + 1)


def bootstrap(case):
    terms, data = case["terms"], case["data"]
    mixes = list(dict.fromkeys(t["mix"] for t in terms))
    seeds = [len(data[m][next(t["languages"][0] for t in terms if t["mix"] == m)]) for m in mixes]
    measured, pool = layout(terms, data)
    n, slots = len(pool), max(seeds)
    value = statistic(terms, data, measured, pool, None, None)
    per_seed = []
    if slots > 1 and all(s == slots for s in seeds):
        per_seed = [statistic(terms, data, measured, pool, [[r] * len(mixes)], None) for r in range(slots)]
    rng = SplitMix64(case["seed"])
    resampled = []
    for _ in range(case["resamples"]):
        seed_draws, counts = [], []
        for _k in range(slots):
            seed_draws.append([rng.next_int(s) for s in seeds])
            draws = [rng.next_int(n) for _ in range(n)]
            counts.append(np.bincount(draws, minlength=n))
        s = statistic(terms, data, measured, pool, seed_draws, counts)
        if not np.isnan(s):
            resampled.append(s)
    resampled = np.array(resampled)
    alpha = 1 - case["level"]
    low, high = np.quantile(resampled, [alpha / 2, 1 - alpha / 2])
    below = int((resampled <= case["null"]).sum())
    above = int((resampled >= case["null"]).sum())
    p = min(1.0, 2 * (min(below, above) + 1) / (len(resampled) + 1))
    if is_contrast(terms) and case["null"] == 0:
        p = sign_flip(contributions(terms, data, measured, pool), case["seed"], case["resamples"])
    return {"value": value, "low": float(low), "high": float(high), "p": p, "prompts": n, "seeds": slots,
            "seedValues": per_seed}


def outcomes(rng, n, win, tie):
    """SxS points x 100 for n prompts: win 100, tie 50, loss 0."""
    u = rng.random(n)
    return [100.0 if v < win else 50.0 if v < win + tie else 0.0 for v in u]


def replicate(ids, values):
    return {i: float(v) for i, v in zip(ids, values)}


def cases():
    rng = np.random.default_rng(20240601)
    ids = ["p%03d" % i for i in range(40)]
    out = []
    out.append({"name": "one cell, SxS outcomes", "seed": 7, "resamples": 1000, "level": 0.95, "null": 50.0,
                "terms": [{"weight": 1, "mix": "pinch-p1", "languages": ["es"]}],
                "data": {"pinch-p1": {"es": [replicate(ids, outcomes(rng, 40, 0.5, 0.2))]}}})
    chrf = rng.uniform(0, 80, size=(3, 40))
    ru_ids = ids[:35]  # a language with fewer prompts: pooled by id, resampled as clusters
    out.append({"name": "paired difference over three languages", "seed": 11, "resamples": 1500, "level": 0.95,
                "null": 0.0,
                "terms": [{"weight": 1, "mix": "pinch-p1", "languages": ["es", "ru", "zh"]},
                          {"weight": -1, "mix": "mono-en", "languages": ["es", "ru", "zh"]}],
                "data": {"pinch-p1": {"es": [replicate(ids, chrf[0] + 5)], "ru": [replicate(ru_ids, chrf[1] + 3)],
                                      "zh": [replicate(ids, chrf[2] + rng.normal(0, 10, 40))]},
                         "mono-en": {"es": [replicate(ids, chrf[0])], "ru": [replicate(ru_ids, chrf[1])],
                                     "zh": [replicate(ids, chrf[2])]}}})
    seeds_a = [replicate(ids[:30], outcomes(rng, 30, 0.55 + 0.05 * s, 0.2)) for s in range(3)]
    seeds_b = [replicate(ids[:30], outcomes(rng, 30, 0.4, 0.2)) for _ in range(3)]
    out.append({"name": "hierarchical: three seeds per mix, paired on prompts", "seed": 3, "resamples": 1000,
                "level": 0.9, "null": 0.0,
                "terms": [{"weight": 1, "mix": "pinch-p1", "languages": ["es"]},
                          {"weight": -1, "mix": "mono-en", "languages": ["es"]}],
                "data": {"pinch-p1": {"es": seeds_a}, "mono-en": {"es": seeds_b}}})
    langs = {lang: rng.uniform(0, 100, size=(2, 25)) for lang in ["ar", "fi", "he", "hi"]}
    small = ids[:25]
    out.append({"name": "gain on unseen minus gain on seen languages", "seed": 5, "resamples": 1000, "level": 0.95,
                "null": 0.0,
                "terms": [{"weight": 1, "mix": "p10", "languages": ["he", "hi"]},
                          {"weight": -1, "mix": "p0", "languages": ["he", "hi"]},
                          {"weight": -1, "mix": "p10", "languages": ["ar", "fi"]},
                          {"weight": 1, "mix": "p0", "languages": ["ar", "fi"]}],
                "data": {"p10": {l: [replicate(small, v[0])] for l, v in langs.items()},
                         "p0": {l: [replicate(small, v[1])] for l, v in langs.items()}}})
    return out


def scipy_check(case, result):
    """The single-cell interval against scipy's own percentile bootstrap (its draws, many resamples)."""
    values = np.array(list(case["data"]["pinch-p1"]["es"][0].values()))
    ref = stats.bootstrap((values,), np.mean, n_resamples=20000, method="percentile",
                          confidence_level=case["level"], random_state=np.random.default_rng(1))
    lo, hi = ref.confidence_interval
    assert abs(lo - result["low"]) < 2.5 and abs(hi - result["high"]) < 2.5, (lo, hi, result)
    return {"low": float(lo), "high": float(hi), "resamples": 20000}


def discordant_case():
    """Few discordant prompts, all one way (4 of 24: ties vs losses), as the demo produced: the sign-flip p must be
    near the exact 2 / 2^4 = 0.125, where inverting the bootstrap interval gives about 0.02."""
    ids = ["p%02d" % i for i in range(24)]
    a = {i: (50.0 if k < 4 else 0.0) for k, i in enumerate(ids)}
    b = {i: 0.0 for i in ids}
    return {"name": "four discordant prompts of 24", "seed": 1, "resamples": 2000, "level": 0.95, "null": 0.0,
            "terms": [{"weight": 1, "mix": "pinch-p1", "languages": ["ru"]},
                      {"weight": -1, "mix": "mono-en", "languages": ["ru"]}],
            "data": {"pinch-p1": {"ru": [a]}, "mono-en": {"ru": [b]}}}


def holm(p):
    p = np.asarray(p, float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.maximum.accumulate(np.minimum(1, (m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adjusted
    return out.tolist()


def kappa(a, b):
    labels = sorted(set(a) | set(b))
    table = np.zeros((len(labels), len(labels)))
    for x, y in zip(a, b):
        table[labels.index(x), labels.index(y)] += 1
    n = table.sum()
    observed = np.trace(table) / n
    chance = (table.sum(axis=1) / n) @ (table.sum(axis=0) / n)
    return float((observed - chance) / (1 - chance))


def main():
    generators = []
    for seed in [1, 42, -7]:
        g = SplitMix64(seed)
        longs = [str(signed(g.next_long())) for _ in range(8)]
        g = SplitMix64(seed)
        generators.append({"seed": seed, "longs": longs, "bound": 37, "ints": [g.next_int(37) for _ in range(20)]})
    results = []
    for case in cases() + [discordant_case()]:
        case["expected"] = bootstrap(case)
        if case["name"].startswith("one cell"):
            case["scipyPercentile"] = scipy_check(case, case["expected"])
        if case["name"].startswith("four discordant"):
            assert abs(case["expected"]["p"] - 0.125) < 0.02, case["expected"]
            assert case["expected"]["low"] > 0, "the bootstrap interval alone would call it significant"
        results.append(case)
    rng = np.random.default_rng(5)
    p = rng.uniform(0, 0.2, 6).round(6).tolist()
    judge_a = rng.choice(["WIN", "TIE", "LOSS"], 60, p=[0.4, 0.3, 0.3]).tolist()
    judge_b = [x if rng.random() < 0.7 else str(rng.choice(["WIN", "TIE", "LOSS"])) for x in judge_a]
    json.dump({"splitmix64": generators, "bootstrap": results,
               "holm": [{"p": p, "adjusted": holm(p)}],
               "kappa": [{"a": judge_a, "b": judge_b, "kappa": kappa(judge_a, judge_b)}]},
              sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
