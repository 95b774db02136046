#!/usr/bin/env python3
"""Renders a bulletin written in a small markup into a PDF (through a Flat ODT
document and LibreOffice) and writes its truth as JSON.

    python3 tests/pdf/make-pdf.py [--password PW] SOURCE.bul OUT.pdf [OUT.truth.json]

(--password makes an encrypted PDF, to test how one is refused.)

Markup, one block per line (blank lines are ignored):

    ! NAME          the bulletin's name: the running header of every page
    = SECTION       a section heading
    # TITLE         an article title
    @ BYLINE        a byline, e.g. （执笔：王丽 赵一鸣）
    ||              the following articles are set in two columns (until ||| )
    |||             back to one column
    TEXT            a body paragraph; TEXT[^URL or note] makes a footnote
                    (numbered from 1 in each article, set at the page bottom)

Pages get a footer with the page number. Needs `soffice` (Debian
libreoffice-writer-nogui) and fonts-noto-cjk. The truth lists, per article,
section, title, authors and the footnote URLs, in the form
tests/pdf/score-pdf.py reads.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Serif" svg:font-family="'Noto Serif CJK SC'"/>
 <style:font-face style:name="Sans" svg:font-family="'Noto Sans CJK SC'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
  <style:text-properties style:font-name="Serif" style:font-name-asian="Serif"
   fo:font-size="10.5pt" style:font-size-asian="10.5pt" fo:language="zh" fo:country="CN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm" fo:text-indent="0.74cm" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Section" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Sans" style:font-name-asian="Sans" fo:font-size="15pt"
   style:font-size-asian="15pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Sans" style:font-name-asian="Sans" fo:font-size="13pt"
   style:font-size-asian="13pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Byline" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0.3cm"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" text:default-style-name="Footnote"
  text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Cols2" style:family="section">
  <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{header}</text:p></style:header>
  <style:footer><text:p text:style-name="Header">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""
TAIL = "</office:text></office:body></office:document>\n"

NOTE = re.compile(r"\[\^([^\]]+)\]")
URL = re.compile(r"https?://[^\s，。；）]+")
NAMES = re.compile(r"[（(]?(?:执笔|编译|作者|撰稿)[：:]\s*([^）)]*)[）)]?")


def render(src):
    header = "Bulletin"
    out, truth = [], []
    section, art, note_no = None, None, 0
    in_cols = False
    for raw in src.splitlines():
        line = raw.strip()
        if not line:
            continue
        tag, _, rest = line.partition(" ")
        if tag == "!":
            header = rest
        elif tag == "=":
            section = rest
            out.append(f'<text:p text:style-name="Section">{escape(rest)}</text:p>')
        elif tag == "#":
            art = {"section": section, "title": rest, "authors": [], "urls": []}
            truth.append(art)
            note_no = 0
            out.append(f'<text:p text:style-name="Title">{escape(rest)}</text:p>')
        elif tag == "@":
            m = NAMES.search(rest)
            if m and art is not None:
                art["authors"] = [n for n in re.split(r"[\s、，,]+", m.group(1)) if n]
            out.append(f'<text:p text:style-name="Byline">{escape(rest)}</text:p>')
        elif line == "||":
            if not in_cols:
                out.append('<text:section text:style-name="Cols2" text:name="c%d">' % len(out))
                in_cols = True
        elif line == "|||":
            if in_cols:
                out.append("</text:section>")
                in_cols = False
        else:
            parts, pos = [], 0
            for m in NOTE.finditer(line):
                parts.append(escape(line[pos:m.start()]))
                note_no += 1
                body = m.group(1)
                if art is not None:
                    art["urls"] += URL.findall(body)
                parts.append(
                    f'<text:note text:note-class="footnote"><text:note-citation text:label="{note_no}">'
                    f'{note_no}</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                    f'{escape(body)}</text:p></text:note-body></text:note>')
                pos = m.end()
            parts.append(escape(line[pos:]))
            out.append(f'<text:p text:style-name="Standard">{"".join(parts)}</text:p>')
    if in_cols:
        out.append("</text:section>")
    return HEAD.replace("{header}", escape(header)) + "\n".join(out) + TAIL, truth


def main():
    password = None
    if len(sys.argv) > 2 and sys.argv[1] == "--password":
        password = sys.argv[2]
        del sys.argv[1:3]
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    src, pdf = sys.argv[1], sys.argv[2]
    fodt, truth = render(open(src, encoding="utf-8").read())
    tmp = tempfile.mkdtemp(prefix="make-pdf.")
    try:
        path = os.path.join(tmp, "doc.fodt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(fodt)
        target = "pdf"
        if password:
            target = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                      '"DocumentOpenPassword":{"type":"string","value":"%s"}}' % password)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", target, "--outdir", tmp, path],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(tmp, "doc.pdf"), pdf)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if len(sys.argv) == 4:
        with open(sys.argv[3], "w", encoding="utf-8") as fh:
            json.dump({"articles": truth}, fh, ensure_ascii=False, indent=1)
            fh.write("\n")


if __name__ == "__main__":
    main()
