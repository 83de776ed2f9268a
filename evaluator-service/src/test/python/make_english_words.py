#!/usr/bin/env python3
"""Writes the English word list of the word-level language-confusion check (LanguageConfusion's word pass rate).

    apt-get install wamerican   # SCOWL's American English list, /usr/share/dict/american-english
    python3 make_english_words.py /usr/share/dict/american-english \
        > ../../main/resources/dev/pinch/evaluator/scoring/english-words.txt.gz

The filter is the Language Confusion Benchmark's (Marchisio et al. 2024, for-ai/language-confusion,
compute_metrics.py): keep the words that are all lower case and longer than 3 characters, so that names,
acronyms and short words shared with other languages never count. LCB filtered a different list (a copy of a
Unix `words` file); SCOWL is used here because Debian ships it with a clear licence (english-words.COPYRIGHT).
Output is deterministic: sorted, one word per line, gzip with a zero timestamp.
"""
import gzip
import sys

words = sorted({w.strip() for w in open(sys.argv[1], encoding="utf-8") if w.strip().islower() and len(w.strip()) > 3})
sys.stdout.buffer.write(gzip.compress("".join(w + "\n" for w in words).encode("utf-8"), mtime=0))
