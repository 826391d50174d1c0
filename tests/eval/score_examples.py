#!/usr/bin/env python3
"""Score `chitieu extract` on the sample texts of examples/ against their
gold files, without the shared evaluation kit (a clone has only this tree).

    score_examples.py CHITIEU EXAMPLES_DIR [--floor F] [-v]

Runs CHITIEU on EXAMPLES_DIR/texts/*.txt that have a gold file in
EXAMPLES_DIR/expected/ and prints precision, recall and F1, first on the
numbers alone (value and unit), then strict (also kind, year, locality and
the denominator "of"). Matching follows the gold format's conventions:
scale words are multiplied out ("13 nghìn tấn" is 13000 "tấn"), a unit
matches when one contains the other, places are compared without their
level word and case ("thành phố Điện Biên Phủ" = "Điện Biên Phủ", "cả
nước" = "Việt Nam"). Each gold fact takes at most one predicted fact, the
best by kind, then year, in document order. With --floor, exits 1 when
the strict F1 is below it. -v lists the facts that do not match."""
import json
import os
import subprocess
import sys
import unicodedata

SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
LEVEL_WORDS = ("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận",
               "phường", "xã", "tp.", "tp")
COUNTRY = {"cả nước", "toàn quốc"}


def fold(s):
    return unicodedata.normalize("NFC", s or "").strip().casefold()


def base_amount(value, unit):
    """The value with its leading scale words multiplied out, and the rest
    of the unit."""
    words = fold(unit).split()
    while words and words[0] in SCALE:
        value *= SCALE[words.pop(0)]
    return value, " ".join(words)


def place(s):
    s = fold(s)
    for w in LEVEL_WORDS:
        if s.startswith(w + " "):
            s = s[len(w):].strip()
            break
    return "việt nam" if s in COUNTRY else s


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def same_number(g, p):
    try:
        gv, gu = base_amount(float(g["value"]), g.get("unit") or "")
        pv, pu = base_amount(float(p["value"]), p.get("unit") or "")
    except (TypeError, ValueError, KeyError):
        return False
    return close(gv, pv) and (gu == pu or (gu and pu and (gu in pu or pu in gu)))


def strict(g, p):
    if p.get("kind") != g["kind"] or p.get("year") != g.get("year"):
        return False
    if place(p.get("locality")) != place(g.get("locality")):
        return False
    if g.get("of") is None:
        return True
    return p.get("of") is not None and close(float(p["of"]), float(g["of"]))


def pair_up(gold, pred):
    """[(gold fact, predicted fact or None)], one prediction per gold fact."""
    free = list(range(len(pred)))
    out = []
    for g in gold:
        cands = [i for i in free if same_number(g, pred[i])]
        if not cands:
            out.append((g, None))
            continue
        best = max(cands, key=lambda i: (pred[i].get("kind") == g["kind"],
                                         pred[i].get("year") == g.get("year"),
                                         -i))
        free.remove(best)
        out.append((g, pred[best]))
    return out


def prf(hits, n_pred, n_gold):
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("-")]
    verbose = "-v" in argv
    floor = None
    if "--floor" in argv:
        floor = float(argv[argv.index("--floor") + 1])
        args.remove(argv[argv.index("--floor") + 1])
    if len(args) != 2:
        sys.exit(__doc__)
    chitieu, root = args
    gold = {}
    for name in sorted(os.listdir(os.path.join(root, "expected"))):
        if name.endswith(".gold.json"):
            with open(os.path.join(root, "expected", name), encoding="utf-8") as f:
                g = json.load(f)
            gold[g["doc"]] = g["facts"]
    texts = [os.path.join(root, "texts", d) for d in gold]
    run = subprocess.run([chitieu, "extract", "--format", "jsonl"] + texts,
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("extract failed: " + run.stderr[-300:])
    pred = {}
    for line in run.stdout.splitlines():
        if line.strip():
            fact = json.loads(line)
            pred.setdefault(fact["doc"], []).append(fact)
    n_gold = n_pred = n_num = n_strict = 0
    for doc, facts in gold.items():
        pairs = pair_up(facts, pred.get(doc, []))
        n_gold += len(facts)
        n_pred += len(pred.get(doc, []))
        n_num += sum(p is not None for _, p in pairs)
        n_strict += sum(p is not None and strict(g, p) for g, p in pairs)
        if verbose:
            for g, p in pairs:
                if p is None or not strict(g, p):
                    print(f"{doc}: gold {g['kind']} {g['value']} {g['unit']} "
                          f"{g.get('year')} {g.get('locality')} | got "
                          + (f"{p.get('kind')} {p.get('year')} {p.get('locality')}"
                             if p else "nothing"))
    _, _, nf = prf(n_num, n_pred, n_gold)
    sp, sr, sf = prf(n_strict, n_pred, n_gold)
    print(f"examples: gold={n_gold} predicted={n_pred} number_f1={nf:.3f} "
          f"strict P={sp:.3f} R={sr:.3f} strict_f1={sf:.3f}")
    if floor is not None and sf < floor:
        print(f"FAIL: strict F1 {sf:.3f} below {floor:.3f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
