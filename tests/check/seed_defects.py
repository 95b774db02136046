#!/usr/bin/env python3
"""Seeds one defect at a time into well-formed bulletins and says where
`bulletin-extract check` must report it.

    python3 seed_defects.py BINARY OUT_DIR DOC...

For each DOC (a matrix text document, tests/matrix/text) it reads the
extractor's record of the clean document (article lines, bylines, footnotes
and their marks) and writes up to three defective copies into OUT_DIR:

  NAME.no-byline.txt    one article's byline removed (a bracketed byline
                        group such as the t4 sources-and-translator line
                        goes whole; a line left empty goes too)
  NAME.undefined.txt    one footnote removed, its mark left in the text
  NAME.skipped.txt      one footnote renumbered n -> n+1, its mark too, so
                        that the numbering skips n

and prints one line per copy: FILE<TAB>RULE<TAB>LINE, the rule id and input
line check must report in the copy (article.no-byline at the article's
title, footnote.undefined at the mark, footnote.numbering at the note). A
document offering no place for a defect (no byline, no footnote) gets no
copy of that kind. Nothing is written into the repository.
"""
import json
import os
import re
import subprocess
import sys


def fuzzy(text):
    """A pattern for `text` that allows white space (line breaks) between
    its characters, as a PDF extractor may wrap it anywhere."""
    chars = [c for c in text if not c.isspace()]
    return r"\s*".join(re.escape(c) for c in chars)


def line_starts(raw):
    starts = [0]
    for m in re.finditer("\n", raw):
        starts.append(m.end())
    return starts


def offset_of_line(raw, line):
    """Character offset of the start of 1-based `line` in `raw`."""
    starts = line_starts(raw)
    return starts[line - 1] if line - 1 < len(starts) else len(raw)


def line_of(raw, offset):
    return raw.count("\n", 0, offset) + 1


def cut(raw, start, end):
    """`raw` without [start, end); lines the cut leaves blank go too (the
    cut stands alone on its lines)."""
    left = raw.rfind("\n", 0, start) + 1
    right = raw.find("\n", end)
    right = len(raw) if right < 0 else right
    if (raw[left:start] + raw[end:right]).strip() == "":
        return raw[:left] + raw[right + 1:]
    return raw[:start] + raw[end:]


def find_note(raw, number, note_text, from_offset):
    """(start, end, number_start, number_end) of the footnote `number` whose
    text is `note_text`: its number ([1], 1, 1.) at a line start, then the
    text, from `from_offset` on; None when it is not there."""
    head = note_text[:12]
    pat = re.compile(
        r"(?m)^[ \t\u3000]*\[?(%d)\]?[.．、]?[ \t\u3000]*%s" % (number, fuzzy(head)))
    m = pat.search(raw, from_offset)
    if not m:
        return None
    end = m.end()
    tail = re.compile(r"[ \t\u3000\]\.．、]*" + fuzzy(note_text))
    t = tail.match(raw, m.end(1))
    if t:
        end = t.end()
    return m.start(), end, m.start(1), m.end(1)


def find_mark(raw, line, number, text, offset):
    """(start, end) of the digits of mark `number` on input `line`, where
    the record's `text` had it at code point `offset` (the mark itself cut
    out of the text); None when not found."""
    lo = offset_of_line(raw, line)
    hi = raw.find("\n", lo)
    hi = len(raw) if hi < 0 else hi
    before = text[:offset].split("\n")[-1]
    for k in range(min(6, len(before)), 0, -1):
        ctx = before[-k:]
        pat = re.compile(fuzzy(ctx) + r"[ \t]?\[?(%d)\]?" % number)
        m = pat.search(raw, lo, hi)
        if m:
            return m.start(1), m.end(1)
    return None


def seed(binary, doc, out_dir):
    raw = open(doc, encoding="utf-8").read()
    records = subprocess.run([binary, doc], capture_output=True, check=True,
                             text=True).stdout.splitlines()
    articles = [json.loads(r) for r in records if r.strip()]
    name = os.path.basename(doc)[: -len(".txt")]
    seeded = []

    def write(kind, text, rule, line):
        path = os.path.join(out_dir, "%s.%s.txt" % (name, kind))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        seeded.append((path, rule, line))

    # A removed byline: the first article whose byline stands in the text
    # after its title.
    for a in articles:
        byline = a.get("byline")
        if not byline:
            continue
        start = offset_of_line(raw, a["source"]["line"])
        m = re.compile(fuzzy(byline)).search(raw, start)
        if m and line_of(raw, m.start()) <= a["source"]["end_line"]:
            write("no-byline", cut(raw, m.start(), m.end()),
                  "article.no-byline", a["source"]["line"])
            break

    # The notes of every article with their marks, in document order.
    notes = []  # (article index, position in article, note, ref, found)
    for a in articles:
        numbers = [f["number"] for f in a.get("footnotes", [])]
        for i, f in enumerate(a.get("footnotes", [])):
            n = f["number"]
            refs = [r for r in a.get("footnote_refs", []) if r["number"] == n]
            if n <= 0 or numbers.count(n) != 1 or len(refs) != 1:
                continue
            ref = refs[0]
            note = find_note(raw, n, f["text"], offset_of_line(raw, ref["line"]))
            mark = find_mark(raw, ref["line"], n, a["text"], ref["offset"])
            if note and mark and mark[1] <= note[0]:
                notes.append((a, i, f, ref, note, mark))

    # Numbers some article holds a note of that no mark refers to or that
    # repeats: check takes a bracketed mark with no note for the sign of a
    # note the segmenter put in another article, so a note is removed only
    # where no other article has a surplus note of its number.
    surplus = {}  # number -> indexes of the articles with a surplus note
    for a in articles:
        nums = [f["number"] for f in a.get("footnotes", [])]
        marked = {r["number"] for r in a.get("footnote_refs", [])}
        for n in nums:
            if n > 0 and (nums.count(n) > 1 or n not in marked):
                surplus.setdefault(n, set()).add(a["index"])

    # A mark with no note: the first such note removed.
    for a, i, f, ref, note, mark in notes:
        if surplus.get(f["number"], set()) - {a["index"]}:
            continue
        write("undefined", cut(raw, note[0], note[1]), "footnote.undefined",
              ref["line"])
        break

    # A skipped number: note n and the notes numbered on from it (n+1,
    # n+2 ... in document order, through articles when the numbering runs
    # on) renumbered one up with their marks, so that n is skipped. Not the
    # first note of an article whose n+1 would run on from the articles
    # before it (legal numbering).
    last = {}  # article index -> the last footnote number before it
    prev = 0
    for a in articles:
        last[a["index"]] = prev
        for f in a.get("footnotes", []):
            if f["number"] > 0:
                prev = f["number"]
    # Preferred: a note after another of its article (1, 3 in one list);
    # else the first note of an article.
    order = sorted(range(len(notes)), key=lambda k: (
        all(g["number"] <= 0 for g in notes[k][0]["footnotes"][:notes[k][1]]), k))
    for k in order:
        a, i, f, ref, note, mark = notes[k]
        n = f["number"]
        first = all(g["number"] <= 0 for g in a["footnotes"][:i])
        before = last[a["index"]]
        if first and (n + 1 == 1 or (before > 0 and n + 1 == before + 1)):
            continue
        chain = [notes[k]]
        for later in notes[k + 1:]:
            if later[2]["number"] != chain[-1][2]["number"] + 1:
                break
            chain.append(later)
        # Digit spans to replace, from the end so that offsets hold.
        spans = []
        for _, _, g, _, g_note, g_mark in chain:
            spans += [(g_mark, g["number"] + 1), ((g_note[2], g_note[3]),
                                                  g["number"] + 1)]
        text = raw
        for (start, end), number in sorted(spans, reverse=True):
            text = text[:start] + str(number) + text[end:]
        write("skipped", text, "footnote.numbering", line_of(raw, note[2]))
        break
    return seeded


def main():
    binary, out_dir, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
    for doc in docs:
        for path, rule, line in seed(binary, doc, out_dir):
            print("%s\t%s\t%d" % (path, rule, line))


if __name__ == "__main__":
    main()
