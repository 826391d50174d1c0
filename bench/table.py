#!/usr/bin/env python3
"""Print the tables of bench/run.sh (Markdown) from its results.tsv.

Rows of results.tsv: part, case, tool, run, wall seconds, peak RSS KiB; tool
"note" rows carry a figure instead (run = its name, wall = its value).
Times and RSS are the median of the runs. MB = 10^6 bytes, MiB = 2^20.
Python standard library only.
"""
import statistics
import sys
from collections import defaultdict

WORKLOAD_PAGES = {"10": 24, "50": 65, "200": 255}


def load(path):
    runs, notes = defaultdict(list), {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            part, case, tool, run, val, rss = line.rstrip("\n").split("\t")
            if tool == "note":
                notes[part, case, run] = val
            else:
                runs[part, case, tool].append((float(val), int(rss or 0)))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(r for _, r in v) / 1024,
               len(v)) for k, v in runs.items()}
    return med, notes


def num(x, dec=0):
    return f"{x:,.{dec}f}"


def goal(ok, text):
    return f"- {'met' if ok else '**missed**'}: {text}"


def pack(med, notes, goals):
    sizes = sorted({c for p, c, _ in med if p == "pack"}, key=int)
    if not sizes:
        return
    print("### Briefing pack (median of runs)\n")
    print("| N | pages chitieu / peer / workload | wall chitieu (s) | wall peer (s) | "
          "speed-up | RSS chitieu (MiB) | RSS peer (MiB) | PDF chitieu (B) | PDF peer (B) | "
          "bytes chitieu/peer | import (s) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        c, p = med.get(("pack", n, "chitieu")), med.get(("pack", n, "peer"))
        imp = med.get(("pack", n, "import"))
        cb = int(notes.get(("pack", n, "chitieu_bytes"), 0))
        pb = int(notes.get(("pack", n, "peer_bytes"), 0))
        pages = (f"{notes.get(('pack', n, 'chitieu_pages'), '?')} / "
                 f"{notes.get(('pack', n, 'peer_pages'), '—')} / {WORKLOAD_PAGES.get(n, '?')}")
        row = [n, pages, num(c[0], 3), num(p[0], 2) if p else "—",
               f"{p[0] / c[0]:.0f}×" if p else "—", num(c[1], 1),
               num(p[1], 1) if p else "—", num(cb), num(pb) if pb else "—",
               f"{cb / pb:.2f}" if pb else "—", num(imp[0], 3) if imp else "—"]
        print("| " + " | ".join(str(x) for x in row) + " |")
        if n == "200":
            if p:
                goals.append(goal(p[0] / c[0] >= 50, f"pack N=200 at least 50× faster than "
                                  f"the peer: {p[0] / c[0]:.0f}×"))
                goals.append(goal(cb <= pb / 2, f"pack N=200 at most half the peer's bytes: "
                                  f"{cb / pb:.2f} of them"))
            goals.append(goal(c[1] < 100, f"pack N=200 peak RSS under 100 MiB: "
                              f"{c[1]:.1f} MiB"))
    print("\nchitieu's pack has more than the peer's: a table of contents, bookmarks, "
          "internal links, a status block per unit, 'So cùng kỳ' and 'Nguồn' columns, "
          "a sources line under each comparison and a sources appendix, none of which "
          "the peer has (the bench meeting sets comparison_tables: false: the "
          "workload's comparisons are charts alone); its page count is the first figure of 'pages', the workload's "
          "(and the peer's) the others. 'import' (not part of the speed-up) loads the "
          "CSV into the fresh database the pack is drawn from.\n")


def extract(med, notes, goals):
    c, g = med.get(("extract", "corpus", "chitieu")), med.get(("extract", "corpus", "grep"))
    if not c:
        return
    size = int(notes[("extract", "corpus", "bytes")])
    files = int(notes[("extract", "corpus", "files")])
    facts = int(notes[("extract", "corpus", "facts")])
    mb = size / 1e6
    print("### Extraction (median of runs)\n")
    print(f"Corpus: {num(files)} files, {num(mb, 1)} MB, {num(facts)} facts.\n")
    print("| tool | wall (s) | MB/s | facts/s | RSS (MiB) |")
    print("|---|---|---|---|---|")
    print(f"| chitieu extract --format jsonl | {num(c[0], 2)} | {num(mb / c[0], 1)} | "
          f"{num(facts / c[0])} | {num(c[1], 1)} |")
    print(f"| grep -c (floor: reading the input) | {num(g[0], 2)} | {num(mb / g[0], 1)} | "
          f"— | {num(g[1], 1)} |")
    print(f"\nchitieu / grep -c time: {c[0] / g[0]:.1f}×\n")
    goals.append(goal(mb / c[0] >= 20, f"extraction at least 20 MB/s: {mb / c[0]:.1f} MB/s"))
    goals.append(goal(c[0] / g[0] <= 10, f"extraction within 10× of grep -c: "
                      f"{c[0] / g[0]:.1f}×"))


def store(med, notes, goals):
    ci, si = med.get(("store", "import", "chitieu")), med.get(("store", "import", "sqlite3"))
    cg, ce = med.get(("store", "ingest", "chitieu")), med.get(("store", "ingest", "extract"))
    if not ci:
        return
    rows = int(notes[("store", "import", "rows")])
    docs = int(notes[("store", "ingest", "docs")])
    facts = int(notes[("store", "ingest", "facts")])
    print("### Store (median of runs)\n")
    print("| workload | tool | wall (s) | rate | RSS (MiB) |")
    print("|---|---|---|---|---|")
    print(f"| import {num(rows)} rows | chitieu import --add-missing | {num(ci[0], 3)} | "
          f"{num(rows / ci[0])} rows/s | {num(ci[1], 1)} |")
    print(f"| import {num(rows)} rows | sqlite3 .import --csv (floor) | {num(si[0], 3)} | "
          f"{num(rows / si[0])} rows/s | {num(si[1], 1)} |")
    print(f"| ingest {num(docs)} documents ({num(facts)} facts) | chitieu ingest | "
          f"{num(cg[0], 3)} | {num(docs / cg[0])} docs/s, {num(facts / cg[0])} facts/s | "
          f"{num(cg[1], 1)} |")
    print(f"| the same documents | chitieu extract (no store) | {num(ce[0], 3)} | "
          f"{num(docs / ce[0])} docs/s | {num(ce[1], 1)} |")
    print(f"\nimport / sqlite3 shell time: {ci[0] / si[0]:.1f}×; "
          f"ingest / extract time: {cg[0] / ce[0]:.1f}×\n")
    goals.append(goal(ci[0] / si[0] <= 3, f"import within 3× of the sqlite3 shell's .import: "
                      f"{ci[0] / si[0]:.1f}×"))
    goals.append(goal(rows / ci[0] >= 200000, f"import at least 200,000 rows/s: "
                      f"{num(rows / ci[0])} rows/s"))
    goals.append(goal(docs / cg[0] >= 500, f"ingest at least 500 documents/s: "
                      f"{num(docs / cg[0])} docs/s"))


def main():
    med, notes = load(sys.argv[1] if len(sys.argv) > 1 else "bench/out/results.tsv")
    goals = []
    pack(med, notes, goals)
    extract(med, notes, goals)
    store(med, notes, goals)
    print("### Goals\n")
    print("\n".join(goals))


if __name__ == "__main__":
    main()
