#!/usr/bin/env python3
"""Make data/gazetteer/gazetteer.tsv, the national gazetteer chitieu embeds,
from the GSO lists of Vietnam's administrative units (see README.md beside
this script for the source and the format).

Run by hand when the source changes; the build only reads the TSV:

    python3 data/gazetteer/make_gazetteer.py DVHC_DIR > data/gazetteer/gazetteer.tsv

DVHC_DIR holds units-2025-03-01.json (the three-level tree of 1 March 2025)
and units-2025-07-01-merges.json (the two-level tree from 1 July 2025, each
new unit with the old units merged into it, 'full' or 'partial').
"""
import json
import os
import sys

OLD_TO = "2025-06-30"
NEW_FROM = "2025-07-01"

# Level words as names start with them, longest first, with the level
# chitieu writes (lower case). A name whose first words are none of these
# keeps the source's 'type'.
LEVELS = [
    ("Thành phố Trung ương", "thành phố"),
    ("Thành phố", "thành phố"),
    ("Thị trấn", "thị trấn"),
    ("Thị xã", "thị xã"),
    ("Đặc khu", "đặc khu"),
    ("Phường", "phường"),
    ("Huyện", "huyện"),
    ("Quận", "quận"),
    ("Tỉnh", "tỉnh"),
    ("Xã", "xã"),
]


def split_name(full, typ):
    """'Thị Trấn Mường Chà' -> ('thị trấn', 'Mường Chà'). The level comes
    from the name's own first words (the source's 'type' is wrong for a few
    wards named 'Phường 5' typed 'Xã'), compared without case since a few
    names write 'Thị Trấn'."""
    low = full.lower()
    for word, level in LEVELS:
        if low.startswith(word.lower() + " "):
            return level, full[len(word) + 1:].strip()
    if typ:
        for word, level in LEVELS:
            if typ.lower() == word.lower():
                return level, full
    sys.exit("make_gazetteer: no level word in %r" % full)


def clean(s):
    if "\t" in s or "\n" in s:
        sys.exit("make_gazetteer: tab or newline in %r" % s)
    return s


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    with open(os.path.join(src, "units-2025-03-01.json"), encoding="utf-8") as f:
        old = json.load(f)["data"]
    with open(os.path.join(src, "units-2025-07-01-merges.json"), encoding="utf-8") as f:
        new = json.load(f)["data"]

    # old code -> [(new code, 'f'|'p')], from the new units' merge lists
    into = {}
    for p in new:
        for m in p["merges"]:
            into.setdefault(m["old_id"], []).append(("m" + p["level1_id"], m["type"][0]))
        for c in p["level2s"]:
            for m in c["merges"]:
                into.setdefault(m["old_id"], []).append(("m" + c["level2_id"], m["type"][0]))

    rows = []
    counts = [0, 0, 0, 0, 0]

    def add(code, level, name, parent, vfrom, vto, codes_into):
        dest = ",".join(c + ("" if t == "f" else ":p") for c, t in codes_into)
        rows.append("\t".join([code, level, clean(name), parent, vfrom, vto, dest]))

    for p in old:
        level, name = split_name(p["name"], p["type"])
        add(p["level1_id"], level, name, "", "", OLD_TO, into.get(p["level1_id"], []))
        counts[0] += 1
        for d in p["level2s"]:
            level, name = split_name(d["name"], d["type"])
            add(d["level2_id"], level, name, p["level1_id"], "", OLD_TO,
                into.get(d["level2_id"], []))
            counts[1] += 1
            for c in d["level3s"]:
                level, name = split_name(c["name"], c["type"])
                add(c["level3_id"], level, name, d["level2_id"], "", OLD_TO,
                    into.get(c["level3_id"], []))
                counts[2] += 1
    for p in new:
        level, name = split_name(p["name"], None)
        add("m" + p["level1_id"], level, name, "", NEW_FROM, "", [])
        counts[3] += 1
        for c in p["level2s"]:
            level, name = split_name(c["name"], None)
            add("m" + c["level2_id"], level, name, "m" + p["level1_id"], NEW_FROM, "", [])
            counts[4] += 1

    missing = [r.split("\t")[0] for r in rows[: sum(counts[:3])]
               if len(r.split("\t")[0]) != 3 and not r.split("\t")[6]]
    if missing:
        sys.exit("make_gazetteer: old units mapped nowhere: %s" % missing[:10])

    out = sys.stdout
    out.write("# chitieu national gazetteer: Vietnam's administrative units before and\n")
    out.write("# after 1 July 2025. Made by make_gazetteer.py from the GSO lists as compiled\n")
    out.write("# by the dvhcvn projects (the tree of 2025-03-01; the 2025-07-01 mapping,\n")
    out.write("# MIT licence, see LICENSE-2025-07-01-mapping). Format: README.md.\n")
    out.write("# units: %d provinces, %d districts, %d communes until %s; "
              "%d provinces, %d communes from %s\n"
              % (counts[0], counts[1], counts[2], OLD_TO, counts[3], counts[4], NEW_FROM))
    out.write("#code\tlevel\tname\tparent\tvalid_from\tvalid_to\tinto\n")
    for r in rows:
        out.write(r + "\n")


if __name__ == "__main__":
    main()
