#!/usr/bin/env python3
"""Scores the extractor's segmentation on the layout matrix.

Runs BIN over every text/DOC.TPL.EXTRACTOR.txt and compares its records with
truth/DOC.TPL.json:

  found      articles whose record has the exact title (white space removed;
             the title alone, or with its deck, with or without its number)
  spurious   records that match no article
  authors    found articles whose authors list is exactly right
  sections   found articles whose section is right
  url        footnote URLs as (article, URL) pairs: precision, recall, F1
             (the URLs of a spurious record are all false)
  furniture  records whose text holds a masthead, TOC, colophon, header or
             footer line, or the title of an article (a TOC entry, or two
             articles run together)

Prints one table per extractor (rows: templates) and a total per extractor.
--min NAME=VALUE (found, authors, sections, url) and --max NAME=VALUE
(spurious: per document; furniture: in all) are checked per extractor; the
exit status is 1 when one fails. EXTRACTOR:NAME=VALUE (e.g. pdf:found=0.9)
checks that extractor alone. --docs GLOB ... scores only the documents whose
DOC.TPL matches one of the globs (fnmatch: b[1-4].t[1-4], b5.*). --json
prints the figures as JSON.
"""
import argparse
import fnmatch
import glob
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FOOTER_RE = re.compile(r"第\s*\d+\s*[页頁]\s*[，,]\s*共|\.{6,}|…{3,}")


def squash(s):
    return re.sub(r"\s+", "", s or "")


def score_one(bin_path, text_path, truth, errors):
    out = subprocess.run([bin_path, text_path], capture_output=True, check=False)
    if out.returncode not in (0, 1):
        errors.append(f"{text_path}: exit status {out.returncode}: "
                      f"{out.stderr.decode(errors='replace')[:200]}")
    records = [json.loads(l) for l in out.stdout.decode().splitlines() if l.strip()]
    arts = truth["articles"]
    by_title = {}
    for i, a in enumerate(arts):
        for v in a["title_variants"]:
            by_title.setdefault(squash(v), i)
    s = dict(articles=len(arts), found=0, spurious=0, authors=0, sections=0,
             url_tp=0, url_fp=0, url_fn=0, furniture=0)
    matched = {}
    for r in records:
        i = by_title.get(squash(r.get("title")))
        if i is None or i in matched:
            s["spurious"] += 1
            errors.append(f"{text_path}: spurious record #{r.get('index')} "
                          f"title {r.get('title')!r}")
            for f in r.get("footnotes", []):
                s["url_fp"] += len(f.get("urls", []))
            continue
        matched[i] = r
    for i, a in enumerate(arts):
        r = matched.get(i)
        if r is None:
            s["url_fn"] += len(a["urls"])
            errors.append(f"{text_path}: missed {a['title']!r}")
            continue
        s["found"] += 1
        if r.get("authors", []) == a["authors"]:
            s["authors"] += 1
        else:
            errors.append(f"{text_path}: {a['title']!r}: authors "
                          f"{r.get('authors')} want {a['authors']}")
        if r.get("section") == a["section"]:
            s["sections"] += 1
        else:
            errors.append(f"{text_path}: {a['title']!r}: section "
                          f"{r.get('section')!r} want {a['section']!r}")
        got = {u for f in r.get("footnotes", []) for u in f.get("urls", [])}
        want = set(a["urls"])
        s["url_tp"] += len(got & want)
        s["url_fp"] += len(got - want)
        s["url_fn"] += len(want - got)
        for u in sorted(got ^ want):
            errors.append(f"{text_path}: {a['title']!r}: url "
                          f"{'extra' if u in got else 'missing'} {u}")
    bad = [f for f in truth["furniture"] if len(f) >= 4]
    titles = [a["title"] for a in arts]
    for r in records:
        text = squash(r.get("text"))
        hits = [f for f in bad + titles if squash(f) in text]
        if FOOTER_RE.search(r.get("text", "")):
            hits.append("(footer or leader dots)")
        if hits:
            s["furniture"] += 1
            errors.append(f"{text_path}: record #{r.get('index')} text holds "
                          f"{hits[:3]}")
    return s


def ratios(t):
    n = max(t["articles"], 1)
    found = max(t["found"], 1)
    p = t["url_tp"] / max(t["url_tp"] + t["url_fp"], 1)
    r = t["url_tp"] / max(t["url_tp"] + t["url_fn"], 1)
    return dict(found_ratio=t["found"] / n, authors_ratio=t["authors"] / found,
                sections_ratio=t["sections"] / found,
                url_f1=2 * p * r / (p + r) if p + r else 0.0)


def floors(specs, ex):
    """The (NAME, VALUE) pairs of --min/--max specs that hold for extractor
    ex: NAME=VALUE for every extractor, EX:NAME=VALUE for EX alone; a
    narrower spec after a wider one for the same NAME replaces it."""
    out = {}
    for m in specs:
        name, val = m.split("=")
        who, _, name = name.rpartition(":")
        if who in ("", ex):
            if who or name not in out or not out[name][1]:
                out[name] = (val, who)
    return [(n, v) for n, (v, _) in out.items()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--dir", default=HERE)
    ap.add_argument("--min", action="append", default=[])
    ap.add_argument("--max", action="append", default=[])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--pdf-dir", help="also score BIN on DIR/DOC.TPL.pdf "
                    "itself (extractor 'pdf', the PDF front end)")
    ap.add_argument("--only", help="score this extractor alone (e.g. pdf)")
    ap.add_argument("--docs", nargs="+", help="score only DOC.TPL matching "
                    "one of these globs")
    args = ap.parse_args()
    totals = defaultdict(lambda: defaultdict(int))
    cells = {}
    max_spurious = defaultdict(int)
    errors = []
    for tp in sorted(glob.glob(os.path.join(args.dir, "truth", "*.json"))):
        truth = json.load(open(tp, encoding="utf-8"))
        key = truth["doc"]
        if args.docs and not any(fnmatch.fnmatchcase(key, g) for g in args.docs):
            continue
        inputs = sorted(glob.glob(os.path.join(args.dir, "text", key + ".*.txt")))
        if args.pdf_dir and os.path.exists(os.path.join(args.pdf_dir, key + ".pdf")):
            inputs.append(os.path.join(args.pdf_dir, key + ".pdf"))
        for text_path in inputs:
            ex = "pdf" if text_path.endswith(".pdf") else text_path.rsplit(".", 2)[1]
            if args.only and ex != args.only:
                continue
            s = score_one(args.bin, text_path, truth, errors)
            cells[(ex, key)] = s
            for k, v in s.items():
                totals[ex][k] += v
                totals[ex, key.split(".")[1]][k] += v
            max_spurious[ex] = max(max_spurious[ex], s["spurious"])
    if not cells:
        sys.exit(f"no matrix texts under {args.dir}")
    extractors = sorted({ex for ex, _ in cells})
    templates = sorted({k.split(".")[1] for _, k in cells})
    report = {}
    for ex in extractors:
        rows = {}
        for t in templates + ["all"]:
            tot = totals[ex] if t == "all" else totals[ex, t]
            rows[t] = dict(tot, **ratios(tot))
        rows["all"]["max_spurious_per_doc"] = max_spurious[ex]
        report[ex] = rows
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for ex in extractors:
            print(f"{ex}:")
            print(f"  {'tpl':<5}{'found':>10}{'spurious':>9}{'authors':>9}"
                  f"{'sections':>9}{'url F1':>8}{'furniture':>10}")
            for t, row in report[ex].items():
                print(f"  {t:<5}{row['found']:>4}/{row['articles']:<5}"
                      f"{row['spurious']:>7}{row['authors']:>9}{row['sections']:>9}"
                      f"{row['url_f1']:>8.3f}{row['furniture']:>10}")
    if args.show_errors:
        for e in errors:
            print(os.path.relpath(e.split(":", 1)[0], args.dir) + ":" + e.split(":", 1)[1])
    failed = 0
    for ex in extractors:
        row = report[ex]["all"]
        for name, val in floors(args.min, ex):
            name = "url_f1" if name == "url" else name + "_ratio"
            if row[name] < float(val):
                failed += 1
                print(f"FAIL {ex}: {name} {row[name]:.3f} < {val}", file=sys.stderr)
        for name, val in floors(args.max, ex):
            got = row["max_spurious_per_doc"] if name == "spurious" else row[name]
            if got > float(val):
                failed += 1
                print(f"FAIL {ex}: {name} {got} > {val}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
