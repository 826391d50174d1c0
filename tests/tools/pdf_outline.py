#!/usr/bin/env python3
"""Print the outline (bookmarks) of a PDF as lines "LEVEL<TAB>PAGE<TAB>TITLE",
depth first, from `qpdf --json --json-key=outlines` (qpdf decodes the
UTF-16 /Title strings). With --links=K instead, print the page each link
of page K goes to, top to bottom, one a line.
Usage: pdf_outline.py FILE.pdf [--links=K] [--password=PW]"""
import json
import subprocess
import sys


def walk(items, level):
    for o in items:
        print("%d\t%s\t%s" % (level, o.get("destpageposfrom1"), o["title"]))
        walk(o.get("kids", []), level + 1)


def links(path, page, extra):
    cmd = ["qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf"] + extra
    d = json.loads(subprocess.run(cmd + [path], check=True,
                                  capture_output=True).stdout)
    objs = d["qpdf"][1]
    number = {p["object"]: i + 1 for i, p in enumerate(d["pages"])}

    def val(ref):
        return objs["obj:" + ref]["value"] if isinstance(ref, str) else ref

    found = []
    for a in val(d["pages"][page - 1]["object"]).get("/Annots", []):
        a = val(a)
        if a.get("/Subtype") != "/Link":
            continue
        dest = val(a.get("/Dest") or val(a["/A"])["/D"])
        found.append((-a["/Rect"][1], number[dest[0]]))
    for _, n in sorted(found):
        print(n)


def main():
    extra = [a for a in sys.argv[2:] if not a.startswith("--links=")]
    page = [a for a in sys.argv[2:] if a.startswith("--links=")]
    if page:
        links(sys.argv[1], int(page[0].split("=")[1]), extra)
        return
    cmd = ["qpdf", "--json", "--json-key=outlines"] + extra + [sys.argv[1]]
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    walk(json.loads(out)["outlines"], 0)


if __name__ == "__main__":
    main()
