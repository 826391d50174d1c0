#!/usr/bin/env python3
"""Make a corpus of Vietnamese report texts for the extraction benchmark.

Each output file is one of the repository's example texts (examples/texts/*.txt),
varied deterministically: the district names of Điện Biên are swapped for
one another, and every figure keeps its shape ("26.800", "53,5%") but gets
other digits. Years (19xx, 20xx) and small counts are kept, so sentences stay
the genre's sentences. Python standard library only; the same arguments give
the same bytes.

Usage: make_corpus.py --texts examples/texts --mb 50 --out DIR
       make_corpus.py --texts examples/texts --docs 1000 --out DIR
"""
import argparse
import glob
import os
import random
import re
import shutil
import sys
import unicodedata

# Names swapped among one another (longest first, so "Điện Biên Phủ" is one name).
NAMES = ["Điện Biên Phủ", "Điện Biên Đông", "Điện Biên", "Mường Lay", "Tuần Giáo",
         "Mường Chà", "Tủa Chùa", "Mường Ảng", "Nậm Pồ", "Mường Nhé"]
NAME_RE = re.compile("|".join(re.escape(n) for n in NAMES))
# A figure: digits with "." thousands and "," decimals, as the texts write them.
NUM_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+")


def vary_number(m, rng):
    """Other digits, same shape; years, dates, times and counts under 10 stay."""
    s, text = m.group(0), m.string
    around = text[m.start() - 1:m.start()] + text[m.end():m.end() + 1]
    if re.fullmatch(r"(19|20)\d\d", s) or len(s) == 1 or "/" in around or ":" in around:
        return s
    out = [s[0]]  # the leading digit stays, so magnitudes stay plausible
    for c in s[1:]:
        out.append(str(rng.randrange(10)) if c.isdigit() else c)
    return "".join(out)


def vary(text, rng):
    """One variant of 'text': names permuted, figures changed."""
    perm = NAMES[:]
    rng.shuffle(perm)
    names = dict(zip(NAMES, perm))
    text = NAME_RE.sub(lambda m: names[m.group(0)], text)
    return NUM_RE.sub(lambda m: vary_number(m, rng), text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", required=True, help="folder of example *.txt")
    ap.add_argument("--out", required=True, help="folder to create (replaced)")
    ap.add_argument("--mb", type=float, default=0, help="stop at this many MB")
    ap.add_argument("--docs", type=int, default=0, help="stop at this many files")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if not a.mb and not a.docs:
        sys.exit("make_corpus: give --mb or --docs")
    texts = []
    for path in sorted(glob.glob(os.path.join(a.texts, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            texts.append(unicodedata.normalize("NFC", f.read()))
    if not texts:
        sys.exit(f"make_corpus: no *.txt in {a.texts}")
    rng = random.Random(a.seed)
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    size, n = 0, 0
    while (a.mb and size < a.mb * 1e6) or (a.docs and n < a.docs):
        data = vary(texts[n % len(texts)], rng).encode("utf-8")
        with open(os.path.join(a.out, f"{n:06d}.txt"), "wb") as f:
            f.write(data)
        size += len(data)
        n += 1
    print(f"corpus {a.out}: {n} files, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
