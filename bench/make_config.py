#!/usr/bin/env python3
"""Make the configuration folder for the benchmark's briefing pack.

Copies the repository's config/ to OUT, adds to localities.yaml every
locality of the workload CSV that it does not know yet (the synthetic
districts of gen_data.py, parent dien-bien), and writes one meeting file,
meetings/bench.yaml: period, locality dien-bien, children true and the
CSV's indicators, in CSV order, as key indicators (one comparison page each,
like the workload's indicator pages). Python standard library only.

Usage: make_config.py --config config --csv d200.csv --period 2024-Q4 --out DIR
"""
import argparse
import csv
import re
import shutil
import sys


def known_codes(path):
    """The locality codes already in localities.yaml ("- code: x" lines)."""
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r"^\s*-\s*code:\s*([a-z0-9-]+)\s*$", f.read(), re.M))


def quote(s):
    """A YAML double-quoted string (names hold no quotes or backslashes)."""
    if '"' in s or "\\" in s:
        sys.exit(f"make_config: unexpected character in {s!r}")
    return f'"{s}"'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", required=True, help="the repository's config folder")
    ap.add_argument("--csv", required=True, help="workload CSV (gen_data.py)")
    ap.add_argument("--period", default="2024-Q4")
    ap.add_argument("--out", required=True, help="folder to create (replaced)")
    a = ap.parse_args()

    shutil.rmtree(a.out, ignore_errors=True)
    shutil.copytree(a.config, a.out)
    locs, inds = {}, []
    with open(a.csv, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            locs.setdefault(r["locality_code"],
                            (r["locality_name"], r["level"], r["parent_code"]))
            if r["indicator_code"] not in inds:
                inds.append(r["indicator_code"])

    path = f"{a.out}/localities.yaml"
    known = known_codes(path)
    added = 0
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n  # Added by bench/make_config.py: the workload's synthetic districts.\n")
        for code, (name, level, parent) in locs.items():
            if code in known:
                continue
            if not parent:
                sys.exit(f"make_config: unknown root locality '{code}'")
            f.write(f"  - code: {code}\n    name: {quote(name)}\n"
                    f"    level: {level}\n    parent: {parent}\n")
            added += 1

    meetings = f"{a.out}/meetings"
    shutil.rmtree(meetings)
    shutil.os.mkdir(meetings)
    root = next(c for c, (_, _, p) in locs.items() if not p)
    with open(f"{meetings}/bench.yaml", "w", encoding="utf-8") as f:
        f.write("# Benchmark workload pack (bench/make_config.py).\n"
                "title: Báo cáo chỉ tiêu kinh tế - xã hội\n"
                "date: 2024-12-31\n"
                f"period: {a.period}\n"
                f"locality: {root}\n"
                "children: true\n"
                "sections: [summary, localities, key_indicators, sources]\n"
                f"key_indicators: [{', '.join(inds)}]\n"
                "# The workload's indicator pages are charts alone.\n"
                "comparison_tables: false\n")
    print(f"config {a.out}: {added} localities added, {len(inds)} key indicators")


if __name__ == "__main__":
    main()
