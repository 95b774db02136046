#!/usr/bin/env python3
"""Scores bulletin-extract records against the truth make-pdf.py writes.

    python3 tests/pdf/score-pdf.py TRUTH.json OUT.jsonl [--json] [--perfect]

Articles are matched by exact title, in order. Prints the articles in the
truth, found (exact title), spurious records, authors right, sections right
the precision, recall and F1 of the footnote URLs (pairs of article title
and URL) and the furniture lines (truth "furniture", if any) found in a
record's text. A truth may give "title_variants", the other accepted forms of
a title (tests/matrix/render.py --out writes them). --perfect exits 1 unless everything is right.
"""
import json
import sys


def score(truth, records):
    want = truth["articles"]
    by_title = {}
    for i, a in enumerate(want):
        # (A truth from tests/matrix/render.py --out also lists the title's
        # accepted forms: with its number, with its deck.)
        for t in {a["title"], *a.get("title_variants", [])}:
            by_title.setdefault(t, []).append(i)
    matched = {}
    spurious = 0
    for r in records:
        cands = [i for i in by_title.get(r.get("title"), []) if i not in matched]
        if cands:
            matched[cands[0]] = r
        else:
            spurious += 1
    authors = sum(1 for i, r in matched.items() if r.get("authors") == want[i]["authors"])
    sections = sum(1 for i, r in matched.items() if r.get("section") == want[i]["section"])
    gold = {(a["title"], u) for a in want for u in a["urls"]}
    # (A record's title as the truth has it when it matched an article.)
    name = {id(r): want[i]["title"] for i, r in matched.items()}
    got = {(name.get(id(r), r.get("title")), u) for r in records
           for f in r.get("footnotes", []) for u in f.get("urls", [])}
    tp = len(gold & got)
    p = tp / len(got) if got else 1.0
    rc = tp / len(gold) if gold else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    # Lines that must reach no record's text (masthead, TOC, colophon ...).
    furniture = sum(1 for r in records for f in truth.get("furniture", [])
                    if len(f) >= 4 and "".join(f.split()) in "".join(r.get("text", "").split()))
    return {"articles": len(want), "found": len(matched), "spurious": spurious,
            "furniture": furniture,
            "authors_ok": authors, "sections_ok": sections,
            "url_precision": round(p, 4), "url_recall": round(rc, 4), "url_f1": round(f1, 4),
            "missed": [want[i]["title"] for i in range(len(want)) if i not in matched]}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    truth = json.load(open(args[0], encoding="utf-8"))
    records = [json.loads(line) for line in open(args[1], encoding="utf-8") if line.strip()]
    s = score(truth, records)
    if "--json" in sys.argv:
        print(json.dumps(s, ensure_ascii=False))
    else:
        print(f"articles {s['found']}/{s['articles']} found, {s['spurious']} spurious, "
              f"{s['furniture']} furniture lines in records, "
              f"authors {s['authors_ok']}, sections {s['sections_ok']}, "
              f"footnote URLs P {s['url_precision']} R {s['url_recall']} F1 {s['url_f1']}")
        for t in s["missed"]:
            print(f"  missed: {t}")
    if "--perfect" in sys.argv:
        n = s["articles"]
        ok = (s["found"] == n and s["spurious"] == 0 and s["furniture"] == 0
              and s["authors_ok"] == n
              and s["sections_ok"] == n and s["url_f1"] == 1.0)
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
