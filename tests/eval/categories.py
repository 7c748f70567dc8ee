#!/usr/bin/env python3
"""Scores predictions on gold sets with ../shared/eval/score.py and counts the misses by kind.

usage: categories.py EVAL_DIR PRED.jsonl SET [SET...]

Kinds (from score.py --verbose): a wrong speaker whose words are a part of the gold name's
(cut short), hold all of them and more (too long), share some (overlap) or none (other); a gold
quote missed; a predicted quote with no gold quote (spurious).
"""
import collections, os, re, subprocess, sys

eval_dir, pred, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path.insert(0, eval_dir)
from score import norm  # noqa: E402

for name in sets:
    out = subprocess.run(
        ["python3", os.path.join(eval_dir, "score.py"), os.path.join(eval_dir, name), pred, "--verbose"],
        capture_output=True, text=True, check=True).stdout
    kinds = collections.Counter()
    for line in out.splitlines():
        m = re.match(r"\s+wrong speaker: '(.*)' for gold '(.*)': ", line)
        if m:
            p, g = set(norm(m[1]).split()), set(norm(m[2]).split())
            kinds["wrong: cut short" if p < g else "wrong: too long" if g < p
                  else "wrong: overlap" if p & g else "wrong: other"] += 1
        elif re.match(r"\s+missed", line):
            kinds["missed"] += 1
        elif re.match(r"\s+spurious", line):
            kinds["spurious"] += 1
    print(f"== {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for line in out.splitlines():
        if line.startswith(("speakers", "quote spans", "attribution ")):
            print("   " + line)
