#!/usr/bin/env python3
"""Scores bulletin-extract's organisations on a marked sentence file.

The file has one sentence per line, each organisation mention written as
[[NAME]]; lines starting with # and blank lines are skipped. The marks are
removed, the binary runs once on the whole text, and its org entities are
compared with the marked ones by exact span (line, column, text).

  score.py --bin build/bulletin-extract [--rules-dir rules]
           [--min-recall R] [--min-precision P] [--show-errors] FILE

Prints the counts, precision and recall, and how many marked mentions are
not an alias of the gazetteer (rules/orgs*.tsv); exits 1 when a --min is
not reached, 2 on a malformed file.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

MARK = re.compile(r"\[\[(.+?)\]\]")


def parse(path):
    """(plain text lines, gold set of (line, col, text))."""
    plain, gold = [], []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                plain.append("")
                continue
            out, pos = "", 0
            for m in MARK.finditer(line):
                out += line[pos:m.start()]
                gold.append((lineno, len(out) + 1, m.group(1)))
                out += m.group(1)
                pos = m.end()
            out += line[pos:]
            if "[[" in out or "]]" in out:
                sys.exit(f"{path}:{lineno}: unbalanced [[ ]]")
            plain.append(out)
    return plain, gold


def gazetteer_aliases(rules_dir):
    names = set()
    for tsv in glob.glob(os.path.join(rules_dir, "orgs*.tsv")):
        with open(tsv, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4:
                    continue
                names.add(cols[0].lower())
                names.update(a.strip().lower() for a in cols[3].split("|"))
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--rules-dir", default=None)
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("file")
    args = ap.parse_args()

    plain, gold = parse(args.file)
    # Blank lines between sentences: each one is its own paragraph.
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8",
                                     delete=False) as tmp:
        tmp.write("\n".join(plain) + "\n")
    try:
        run = subprocess.run([args.bin, tmp.name], capture_output=True,
                             text=True, encoding="utf-8")
    finally:
        os.unlink(tmp.name)
    if run.returncode not in (0, 1):
        sys.exit(f"{args.bin} exited {run.returncode}: {run.stderr}")
    found = []
    for rec in run.stdout.splitlines():
        for e in json.loads(rec).get("entities", []):
            if e["type"] == "org":
                found.append((e["line"], e["col"], e["text"]))

    gold_set, found_set = set(gold), set(found)
    tp = len(gold_set & found_set)
    precision = tp / len(found_set) if found_set else 1.0
    recall = tp / len(gold_set) if gold_set else 1.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    print(f"mentions {len(gold)}  found {len(found)}  correct {tp}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  f1 {f1:.3f}")
    if args.rules_dir:
        known = gazetteer_aliases(args.rules_dir)
        unknown = [g for g in gold if g[2].lower() not in known]
        utp = len(set(unknown) & found_set)
        print(f"not in the gazetteer {len(unknown)}  found {utp}"
              f"  recall {utp / max(1, len(unknown)):.3f}")
    if args.show_errors:
        for g in sorted(gold_set - found_set):
            print("miss  %d:%d %s   | %s" % (g[0], g[1], g[2], plain[g[0] - 1]))
        for g in sorted(found_set - gold_set):
            print("wrong %d:%d %s   | %s" % (g[0], g[1], g[2], plain[g[0] - 1]))
    ok = recall >= args.min_recall and precision >= args.min_precision
    if not ok:
        print(f"FAILED: need recall >= {args.min_recall}, "
              f"precision >= {args.min_precision}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
