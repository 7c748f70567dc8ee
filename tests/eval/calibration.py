#!/usr/bin/env python3
"""How well `confidence` predicts a right attribution, per confidence bucket.

usage: calibration.py EVAL_DIR PRED.jsonl [SET...] [--by=FIELD] [--step=0.1] [--list]

For every predicted quote of the gold sets (default: dev check train), matched as score.py
matches them (speakers by name forms, spans by 50% overlap, one-to-one), the outcome is: right
(span and speaker match), wrong speaker (span matches, speaker does not) or spurious (no gold
span). Prints, per bucket of the quote's `confidence` (or per value of another quote field with
--by=kind, --by=cue), how many quotes and the share attributed right; a calibrated confidence
is close to that share. Also the same for speakers (a predicted speaker is right when it matches
a gold speaker who has quotes) and the quotes and speakers left when those under each threshold
are hidden. With --list, one tab-separated line per quote instead: article, confidence,
outcome, speaker name, the quote's first words (e.g. to read the sure ones that are wrong).
"""
import collections, json, os, sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
flags = {a[2:] for a in sys.argv[1:] if a.startswith("--") and "=" not in a}
eval_dir, pred_path, sets = args[0], args[1], args[2:] or ["dev", "check", "train"]
sys.path.insert(0, eval_dir)
from score import speaker_match, spans_of, pred_span, overlap  # noqa: E402

art_dir = os.path.join(eval_dir, "..", "corpus", "articles")
preds = {}
for line in open(pred_path, encoding="utf-8"):
    if line.strip():
        o = json.loads(line)
        preds[os.path.basename(o["path"])] = o

step = float(opts.get("step", 0.1))
by = opts.get("by")


def bucket(q):
    if by:
        return str(q.get(by))
    c = q["confidence"]
    lo = min(int(c / step + 1e-9) * step, 1.0 - step)
    return f"{lo:.2f}-{lo + step:.2f}"


quotes = []  # (bucket, confidence, outcome)
speakers = []  # (confidence, right)
for name in sets:
    d = os.path.join(eval_dir, name)
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".json"):
            continue
        gold = json.load(open(os.path.join(d, fn), encoding="utf-8"))
        raw = open(os.path.join(art_dir, gold["file"]), "rb").read()
        article = raw.decode("utf-8")
        pred = preds.get(gold["file"], {"speakers": [], "quotes": []})
        gsp = {s["id"]: s for s in gold["speakers"]}
        gq = []
        for q in gold["quotes"]:
            st = q.get("start")
            s = spans_of(q["text"], article, st if isinstance(st, int) else None)
            gq.append((s[0], q["speaker"]))
        psp = {s["id"]: s for s in pred["speakers"]}
        pq = []
        for q in pred["quotes"]:
            sp = pred_span(q, article, raw)
            if sp and sp[1] > sp[0]:
                pq.append((sp, q))
        g_active = [sid for sid in gsp if any(x[1] == sid for x in gq)]
        p_active = [sid for sid in psp if any(x[1]["speaker"] == sid for x in pq)]
        smap, used = {}, set()
        for pid in p_active:
            for gid in g_active:
                if gid not in used and speaker_match(psp[pid], gsp[gid]):
                    smap[pid] = gid
                    used.add(gid)
                    break
        for pid in p_active:
            speakers.append((psp[pid].get("confidence", 1.0), pid in smap))
        cands = []
        for i, (ps, _) in enumerate(pq):
            for j, (gs, _) in enumerate(gq):
                ov = overlap(ps, gs)
                if ov > 0 and ov >= 0.5 * (ps[1] - ps[0]) and ov >= 0.5 * (gs[1] - gs[0]):
                    cands.append((ov, i, j))
        cands.sort(reverse=True)
        outcome, gm = {}, set()
        for ov, i, j in cands:
            if i in outcome or j in gm:
                continue
            gm.add(j)
            outcome[i] = "right" if smap.get(pq[i][1]["speaker"]) == gq[j][1] else "wrong"
        for i, (_, q) in enumerate(pq):
            quotes.append((bucket(q), q["confidence"], outcome.get(i, "spurious")))
            if "list" in flags:
                name = psp[q["speaker"]]["name"]
                print(f"{gold['file']}\t{q['confidence']:.2f}\t{outcome.get(i, 'spurious')}\t"
                      f"{name}\t{q['text'][:50]}" + (f"\t{q[by]}" if by else ""))

if "list" in flags:
    sys.exit(0)

print(f"{'bucket' if not by else by:>16} {'quotes':>6} {'right':>6} {'wrong':>6} {'spur.':>6} {'share right':>11} {'mean conf':>9}")
rows = collections.defaultdict(list)
for b, c, o in quotes:
    rows[b].append((c, o))
for b in sorted(rows, key=lambda k: (-len(rows[k]), k) if by else k):
    r = rows[b]
    n = collections.Counter(o for _, o in r)
    print(f"{b:>16} {len(r):6} {n['right']:6} {n['wrong']:6} {n['spurious']:6} "
          f"{n['right'] / len(r):11.2f} {sum(c for c, _ in r) / len(r):9.2f}")
n = collections.Counter(o for _, _, o in quotes)
print(f"{'all':>16} {len(quotes):6} {n['right']:6} {n['wrong']:6} {n['spurious']:6} {n['right'] / max(1, len(quotes)):11.2f}")
brier = sum((c - (o == "right")) ** 2 for _, c, o in quotes) / max(1, len(quotes))
print(f"Brier score of the quote confidences: {brier:.3f} (lower is better)")
pos = [c for _, c, o in quotes if o == "right"]
neg = [c for _, c, o in quotes if o != "right"]
if pos and neg:
    # The chance that a right quote has a higher confidence than a wrong one (0.5: no better
    # than chance).
    auc = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))
    print(f"AUC (right ranked above wrong or spurious): {auc:.3f}")

print("\nhiding what is under a threshold: quotes kept, their share right; speakers kept, their share right")
for t in [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]:
    kq = [o for _, c, o in quotes if c >= t]
    ks = [r for c, r in speakers if c >= t]
    print(f"  >= {t:.1f}: quotes {len(kq):4} ({sum(o == 'right' for o in kq) / max(1, len(kq)):.2f} right)"
          f"  speakers {len(ks):4} ({sum(ks) / max(1, len(ks)):.2f} right)")
