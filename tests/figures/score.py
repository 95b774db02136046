#!/usr/bin/env python3
"""Scores bulletin-extract's figures and dates on a marked news file.

Each mention is written [[TEXT|TYPE KEY=VALUE ...]] (TYPE one of money,
percent, quantity, date, process_node; TYPE? marks a mention whose span or
value is uncertain: it is neither required nor counted against the
extractor, nor is anything found overlapping it). Lines starting with # are
comments (kept as blank lines). The marks are removed, the binary runs once
on the whole text, and its entities of those types are compared with the
marks by exact span (line, column, text) and by the KEY=VALUE fields
(numbers compared as numbers).

  score.py --bin build/bulletin-extract [--reference-date D] [--rules-dir DIR]
           [--min-f1 F] [--min-type-f1 F] [--show-errors] FILE

A mention found with the right span but a wrong field counts as a miss and
a spurious entity both. Prints per-type and overall precision, recall and
F1; exits 1 when a floor is not reached, 2 on a malformed file.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

TYPES = ("money", "percent", "quantity", "date", "process_node")
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


def parse(path):
    plain, gold = [], []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                plain.append("")
                continue
            out, pos = "", 0
            for m in MARK.finditer(line):
                out += line[pos:m.start()]
                spec = m.group(2).split()
                typ, optional = spec[0].rstrip("?"), spec[0].endswith("?")
                if typ not in TYPES:
                    sys.exit(f"{path}:{lineno}: unknown type {typ!r}")
                fields = {}
                for kv in spec[1:]:
                    if "=" not in kv:
                        sys.exit(f"{path}:{lineno}: bad field {kv!r}")
                    k, v = kv.split("=", 1)
                    fields[k] = v
                gold.append({"line": lineno, "col": len(out) + 1, "text": m.group(1),
                             "type": typ, "optional": optional, "fields": fields})
                out += m.group(1)
                pos = m.end()
            out += line[pos:]
            if "[[" in out or "]]" in out:
                sys.exit(f"{path}:{lineno}: unbalanced [[ ]]")
            plain.append(out)
    return plain, gold


def same(want, got):
    if got is None:
        return False
    if isinstance(got, bool):
        return want == ("true" if got else "false")
    if isinstance(got, (int, float)):
        try:
            w = float(want)
        except ValueError:
            return False
        return abs(w - got) <= 1e-9 * max(1.0, abs(w))
    return want == str(got)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--reference-date", default="2024-10-20")
    ap.add_argument("--rules-dir")
    ap.add_argument("--min-f1", type=float, default=0.0)
    ap.add_argument("--min-type-f1", type=float, default=0.0)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("file")
    a = ap.parse_args()
    plain, gold = parse(a.file)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as t:
        t.write("\n".join(plain) + "\n")
    cmd = [a.bin, "--reference-date", a.reference_date]
    if a.rules_dir:
        cmd += ["--rules", a.rules_dir]
    out = subprocess.run(cmd + [t.name], capture_output=True, text=True)
    os.unlink(t.name)
    if out.returncode != 0:
        sys.exit(f"{a.bin} exited {out.returncode}: {out.stderr[:300]}")
    pred = []
    for rec in out.stdout.splitlines():
        for e in json.loads(rec)["entities"]:
            if e["type"] in TYPES:
                pred.append(e)
    by_span = {(g["line"], g["col"], g["text"]): g for g in gold}
    optional_spans = [g for g in gold if g["optional"]]

    def overlaps_optional(e):
        for g in optional_spans:
            if g["line"] == e["line"] and e["col"] < g["col"] + len(g["text"]) \
                    and g["col"] < e["col"] + len(e["text"]):
                return True
        return False

    stats = {t: {"tp": 0, "fp": 0, "fn": 0} for t in TYPES}
    found, errors = set(), []
    for e in pred:
        key = (e["line"], e.get("col"), e["text"])
        g = by_span.get(key)
        if g and g["optional"]:
            continue
        if g and g["type"] == e["type"]:
            bad = [k for k, v in g["fields"].items() if not same(v, e.get(k))]
            if not bad:
                stats[e["type"]]["tp"] += 1
                found.add(key)
                continue
            errors.append(f"{e['line']}:{e['col']}: {e['type']} '{e['text']}' wrong " +
                          ", ".join(f"{k}={e.get(k)!r} (want {g['fields'][k]})" for k in bad))
            stats[e["type"]]["fp"] += 1
            continue
        if overlaps_optional(e):
            continue
        stats[e["type"]]["fp"] += 1
        errors.append(f"{e['line']}:{e.get('col')}: spurious {e['type']} '{e['text']}'")
    for g in gold:
        key = (g["line"], g["col"], g["text"])
        if g["optional"] or key in found:
            continue
        stats[g["type"]]["fn"] += 1
        errors.append(f"{g['line']}:{g['col']}: missed {g['type']} '{g['text']}'")

    def prf(s):
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    ok = True
    print(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    total = {"tp": 0, "fp": 0, "fn": 0}
    for t in TYPES:
        s = stats[t]
        for k in total:
            total[k] += s[k]
        if not s["tp"] + s["fp"] + s["fn"]:
            continue
        p, r, f = prf(s)
        print(f"{t:<14}{p:7.3f}{r:7.3f}{f:7.3f}{s['tp']:6}{s['fp']:5}{s['fn']:5}")
        ok &= f >= a.min_type_f1
    p, r, f = prf(total)
    print(f"{'all':<14}{p:7.3f}{r:7.3f}{f:7.3f}{total['tp']:6}{total['fp']:5}{total['fn']:5}")
    print(f"mentions scored: {sum(1 for g in gold if not g['optional'])} "
          f"(optional: {len(optional_spans)})")
    ok &= f >= a.min_f1
    if a.show_errors:
        for x in errors:
            print(x)
    if not ok:
        print(f"FAIL: below the floor (all F1 >= {a.min_f1}, each type >= {a.min_type_f1})",
              file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
