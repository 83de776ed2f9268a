#!/usr/bin/env python3
"""Writes the chrF/chrF++ golden file that ChrFGoldenTest checks the Java scorer against.

Run with sacrebleu 2.x installed (any environment with `pip install sacrebleu`; this file was made with 2.6.0):
    python3 make_chrf_golden.py > ../resources/dev/pinch/evaluator/scoring/chrf-golden.jsonl
The sentence pairs below were written for this test (no corpus text). Output is deterministic.
"""
import json
import sys

import sacrebleu
from sacrebleu.metrics import CHRF

# (id, hypothesis, reference): Chinese, Arabic, Hindi, plus other scripts and edge cases.
PAIRS = [
    ("zh-1", "今天天气很好，我们去公园散步吧。", "今天天气不错，我们去公园走走吧。"),
    ("zh-2", "他在北京大学学习计算机科学。", "他在北京大学攻读计算机科学专业。"),
    ("zh-3", "这本书非常有意思", "这本书很有趣。"),
    ("zh-4", "会议将于下午三点开始。", "会议下午三点开始。"),
    ("zh-5", "我不知道。", "我们明天见！"),
    ("ar-1", "ذهب الولد إلى المدرسة في الصباح.", "ذهب الطفل إلى المدرسة صباحاً."),
    ("ar-2", "الطقس جميل اليوم، لنذهب إلى الحديقة.", "الجو جميل اليوم، هيا نذهب إلى الحديقة!"),
    ("ar-3", "قرأت الكتاب الذي أعطيتني إياه.", "قرأتُ الكتاب الذي أعطيتني."),
    ("ar-4", "سيبدأ الاجتماع في الساعة الثالثة.", "يبدأ الاجتماع الساعة الثالثة بعد الظهر."),
    ("ar-5", "لا أعرف", "شكراً جزيلاً لك على مساعدتك."),
    ("hi-1", "आज मौसम बहुत अच्छा है, चलो पार्क चलते हैं।", "आज मौसम अच्छा है, चलो पार्क में घूमने चलते हैं।"),
    ("hi-2", "वह दिल्ली विश्वविद्यालय में पढ़ता है।", "वह दिल्ली विश्वविद्यालय का छात्र है।"),
    ("hi-3", "बैठक तीन बजे शुरू होगी।", "बैठक दोपहर तीन बजे शुरू होगी।"),
    ("hi-4", "मुझे यह किताब बहुत पसंद आई।", "मुझे यह पुस्तक बहुत अच्छी लगी।"),
    ("hi-5", "नमस्ते", "धन्यवाद, फिर मिलेंगे!"),
    ("cs-1", "Co nás nejvíc trápí, protože lékaři si vybírají.", "Nejvíce smutní jsme z toho, že musíme rozhodovat."),
    ("ru-1", "Собрание начнётся в три часа дня.", "Собрание начнется в 15:00."),
    ("sr-1", "Састанак ће почети у три сата.", "Састанак почиње у три часа поподне."),
    ("he-1", "הפגישה תתחיל בשלוש אחר הצהריים.", "הפגישה מתחילה בשעה שלוש."),
    ("en-punct", "(hi) there, \"friend\"! Isn't it great?!", "hi (there) friend, isn't it great?"),
    ("en-single", "a b c d", "a b c"),
    ("ws-unicode", "no\u00a0break\u3000ideographic\u2009thin", "no break ideographic thin"),
    ("emoji", "I love it 😀😀 so much 🎉", "I love it 😀 very much 🎉🎉"),
    ("empty-hyp", "", "Something to match."),
    ("same", "Identical sentence, word for word.", "Identical sentence, word for word."),
]

CONFIGS = {
    "chrf": dict(),
    "chrfpp": dict(word_order=2),
    "chrf_eps": dict(eps_smoothing=True),
    "chrfpp_lc": dict(word_order=2, lowercase=True),
    "chrf_ws": dict(whitespace=True),
}


def main():
    metrics = {name: CHRF(**kw) for name, kw in CONFIGS.items()}
    out = sys.stdout
    for pid, hyp, ref in PAIRS:
        row = {"id": pid, "hyp": hyp, "ref": ref}
        for name, metric in metrics.items():
            row[name] = metric.sentence_score(hyp, [ref]).score
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    groups = {g: [p for p in PAIRS if p[0].startswith(g + "-")] for g in ("zh", "ar", "hi")}
    groups["all"] = PAIRS
    for group, pairs in groups.items():
        hyps = [p[1] for p in pairs]
        refs = [p[2] for p in pairs]
        row = {"corpus": group, "hyps": hyps, "refs": [refs]}
        for name, metric in metrics.items():
            row[name] = metric.corpus_score(hyps, [refs]).score
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    # Two reference streams: every segment keeps the reference with the better F-score.
    hyps = [p[1] for p in PAIRS[:5]]
    refs1 = [p[2] for p in PAIRS[:5]]
    refs2 = [p[1][::-1] for p in PAIRS[:5]]
    row = {"corpus": "zh-multiref", "hyps": hyps, "refs": [refs1, refs2]}
    for name, metric in metrics.items():
        row[name] = metric.corpus_score(hyps, [refs1, refs2]).score
    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.write(json.dumps({"sacrebleu": sacrebleu.__version__}) + "\n")


if __name__ == "__main__":
    main()
