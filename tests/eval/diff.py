#!/usr/bin/env python3
"""What a change did, quote by quote: compares two `rawi extract` outputs.

usage: diff.py BEFORE.jsonl AFTER.jsonl [GOLD_DIR...]

With gold sets (../shared/eval/check ...): counts the gold quotes a change fixed (attributed right
after, not before) and broke, and the predicted quotes added or removed that match no gold quote,
and lists each. Without: lists every quote whose (speaker, text) changed, for reading by hand
(e.g. on a few hundred lines of bulk.jsonl).
"""
import glob, json, os, sys

# ../shared/eval beside the checkout, or beside the folder of a git worktree, unless SHARED says.
_here = os.path.dirname(os.path.abspath(__file__))
for _shared in [os.environ.get("SHARED", ""), f"{_here}/../../../shared", f"{_here}/../../../../shared"]:
    if _shared and os.path.isdir(os.path.join(_shared, "eval")):
        sys.path.insert(0, os.path.join(_shared, "eval"))
        break


def load(path):
    out = {}
    for line in open(path):
        r = json.loads(line)
        key = os.path.basename(r["path"]) if r["path"].endswith(".txt") else r.get("id")
        out[key] = r
    return out


def pairs(rec):
    names = {s["id"]: s["name"] for s in rec["speakers"]}
    return {(q["start"], q["end"]): (names[q["speaker"]], q["text"]) for q in rec["quotes"]}


before, after = load(sys.argv[1]), load(sys.argv[2])
golds = sys.argv[3:]
if not golds:
    for key in after:
        b, a = pairs(before.get(key, {"speakers": [], "quotes": []})), pairs(after[key])
        for span in sorted(set(b) | set(a)):
            if b.get(span) != a.get(span):
                old = b.get(span, ("-", ""))[0]
                new, text = a.get(span, b.get(span))
                print(f"{key}\t{old} -> {a.get(span, ('-',))[0]}\t{text[:90]}")
    sys.exit()

import score  # noqa: E402
fixed = broken = 0
for gdir in golds:
    for f in sorted(glob.glob(os.path.join(gdir, "*.json"))):
        g = json.load(open(f))
        art = open(os.path.join(os.path.dirname(score.__file__), "../corpus/articles", g["file"])).read()
        gname = {s["id"]: s for s in g["speakers"]}

        def right(rec):
            ok = set()
            if not rec:
                return ok
            sp = {s["id"]: s for s in rec["speakers"]}
            for gi, gq in enumerate(g["quotes"]):
                gs = (gq["start"], gq["end"])
                for q in rec["quotes"]:
                    ps = score.pred_span(q, art, art.encode())
                    if ps and score.overlap(ps, gs) >= 0.5 * max(gs[1] - gs[0], ps[1] - ps[0]) \
                            and score.speaker_match(sp[q["speaker"]], gname[gq["speaker"]]):
                        ok.add(gi)
            return ok
        b, a = right(before.get(g["file"])), right(after.get(g["file"]))
        for gi in sorted(a - b):
            fixed += 1
            print(f"+ {g['file']} {gname[g['quotes'][gi]['speaker']]['name']}: {g['quotes'][gi]['text'][:70]}")
        for gi in sorted(b - a):
            broken += 1
            print(f"- {g['file']} {gname[g['quotes'][gi]['speaker']]['name']}: {g['quotes'][gi]['text'][:70]}")
print(f"fixed {fixed}, broken {broken}")
