#!/usr/bin/env python3
"""Renders the layout matrix: every bulletin in sources/ through every template.

For each source bulletin (sources/*.json: sections, titles, decks, authors,
paragraphs, notes) and each template (TEMPLATES below) this writes a flat ODT
document, converts it to PDF with LibreOffice (soffice --headless
--convert-to pdf), and extracts the PDF three ways:

  text/DOC.TPL.pdftotext.txt   pdftotext (reading order)
  text/DOC.TPL.layout.txt      pdftotext -layout
  text/DOC.TPL.pdfminer.txt    pdf2txt (python3-pdfminer)

and the truth for the pair, from the source alone:

  truth/DOC.TPL.json           articles (section, title, title variants,
                               authors, footnote URLs) and the furniture lines
                               (masthead, TOC, colophon, headers, footers)
                               that must never reach any record's text

Usage: render.py [--pdf-dir DIR] [--only DOC.TPL ...] [--pdf-only | --no-pdf]
       render.py --sources DIR --out DIR [--only DOC.TPL ...]

--pdf-only writes the PDFs alone and leaves the checked-in text/ and truth/
untouched (to remake /work/matrix-pdf for the PDF front end); --no-pdf writes
the truth alone. --sources reads the bulletins from another directory and
--out writes DOC.TPL.pdf and its truth DOC.TPL.matrix.json there and nothing
else (how tests/pdf/sources/p1-water.json became tests/pdf/p1-water.pdf and
p1-water.truth.json, through t3).
Needs Debian libreoffice-writer-nogui, fonts-noto-cjk, poppler-utils,
python3-pdfminer. ctest does not run this: it reads the checked-in texts.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

# Words a template prints, per script (Hans: Simplified, Hant: Traditional).
WORDS = {
    "Hans": {"toc": "目录", "issue": "第 {n} 期（总第 {t} 期）", "host": "主办",
             "internal": "内部资料　注意保存", "byline_top": "文／",
             "compiled": "编译", "author": "作者", "source": "资料来源",
             "notes": "注：", "refs": "参考资料：", "written": "撰文：",
             "page_of": "第 {p} 页，共 {c} 页", "page": "第 {p} 页",
             "num": "一二三四五六七八九十", "issue_alt": "第 {n} 期　　总第 {t} 期",
             "printed": "编印", "internal_alt": "内部资料", "reporter": "记者",
             "report": "报道", "endnote": "注{i}："},
    "Hant": {"toc": "目錄", "issue": "第 {n} 期（總第 {t} 期）", "host": "主辦",
             "internal": "內部資料　注意保存", "byline_top": "文／",
             "compiled": "編譯", "author": "作者", "source": "資料來源",
             "notes": "註：", "refs": "參考資料：", "written": "撰文：",
             "page_of": "第 {p} 頁，共 {c} 頁", "page": "第 {p} 頁",
             "num": "一二三四五六七八九十", "issue_alt": "第 {n} 期　　總第 {t} 期",
             "printed": "編印", "internal_alt": "內部資料", "reporter": "記者",
             "report": "報導", "endnote": "註{i}："},
}

# The templates: how a bulletin is laid out. Every key is one layout habit.
TEMPLATES = {
    # One column, TOC, page footnotes numbered through the document, title
    # with its deck on a line of its own, byline under the title, odd/even
    # running headers (bulletin name / section name), "page N of M" footers.
    "t1": dict(columns=1, toc=True, colophon=True, notes="page",
               note_restart="document", deck="line", byline="top",
               section_fmt="{cn}、{name}", title_num=False,
               header="name/section", footer="page_of", page="A4",
               title_pt=15),
    # Two columns, no TOC, endnotes at each article's end ("注：", [1]),
    # deck after a full-width colon, byline at the end in brackets, header
    # "name + issue", footer "- N -".
    "t2": dict(columns=2, toc=False, colophon=True, notes="end_bracket",
               note_restart="article", deck="colon", byline="end",
               section_fmt="【{name}】", title_num=False, header="name_issue",
               footer="dash", page="A4", title_pt=13),
    # Small pages, large titles that wrap, numbered titles, deck after a
    # dash, byline on a name line of its own, page footnotes restarting on
    # every page, TOC, header = section name only, footer = bare number.
    "t3": dict(columns=1, toc=True, colophon=True, notes="page",
               note_restart="page", deck="dash", byline="line",
               section_fmt="{cn}、{name}", title_num=True, header="section",
               footer="bare", page="A5", title_pt=17),
    # Reference list at the article's end ("参考资料：", "1. …"), byline
    # and source at the end, deck after a full-width space, no header,
    # footer "第 N 页", no TOC, no colophon.
    "t4": dict(columns=1, toc=False, colophon=False, notes="end_list",
               note_restart="article", deck="space", byline="end_source",
               section_fmt="{name}", title_num=False, header="none",
               footer="page", page="A4", title_pt=14),
    # A masthead of its own (内部资料, 第 N 期 and 总第 N 期 on one line, the
    # publisher's 编印 line with the date), TOC, numbered sections each
    # opening a page (so its heading sits just under the running header),
    # titles numbered （一） within their section, centred and large so they
    # wrap, the deck on a line of its own with no separator, byline 撰文：
    # under the title, endnotes 注1： after each article (marks superscript),
    # header section name on odd and bulletin name + issue on even pages,
    # footer "- N -" on odd and "第 N 页" on even pages, colophon.
    "t5": dict(columns=1, toc=True, colophon=True, notes="end_numbered",
               note_restart="article", deck="sub", byline="written_top",
               section_fmt="{cn}、{name}", title_num="paren",
               header="section/name_issue", footer="dash/page", page="A4",
               title_pt=19, masthead="alt", section_page=True,
               title_align="center"),
}

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')

DECK_SEP = {"line": "——", "colon": "：", "dash": "——", "space": "　", "sub": ""}


def cn_num(words, i):
    return words["num"][i] if i < 10 else str(i + 1)


def note_text(note):
    return note["text"]


def note_urls(note):
    return [w[w.find("http"):].split("，")[0] for w in [note["text"]]
            if "http" in w]


class Doc:
    """Accumulates the ODT body and the truth of one rendering."""

    def __init__(self, src, tpl):
        self.src, self.tpl = src, tpl
        self.w = WORDS[src["script"]]
        self.body = []
        self.furniture = []
        self.articles = []

    def p(self, style, text_xml):
        self.body.append(f'<text:p text:style-name="{style}">{text_xml}</text:p>')

    def masthead(self):
        s, w = self.src, self.w
        if self.tpl.get("masthead") == "alt":
            issue = w["issue_alt"].format(n=s["number"], t=s["total"])
            printed = f'{s["publisher"]}{w["printed"]}　　{s["date"]}'
            self.p("Internal", escape(w["internal_alt"]))
            self.p("Masthead", escape(s["name"]))
            self.p("Center", escape(issue))
            self.p("Center", escape(printed))
            self.p("Rule", "")
            # (内部资料 alone is no furniture to look for: a sentence may
            # hold the words, 建立内部资料治理制度.)
            self.furniture += [s["name"], issue, printed]
            return
        self.p("Internal", escape(w["internal"]))
        self.p("Masthead", escape(s["name"]))
        issue = w["issue"].format(n=s["number"], t=s["total"])
        self.p("Center", escape(issue))
        host = f'{s["publisher"]}　{w["host"]}　　{s["date"]}'
        self.p("Center", escape(host))
        self.furniture += [w["internal"], s["name"], issue, s["publisher"]]

    def toc(self):
        s, w = self.src, self.w
        self.p("TocHead", escape(w["toc"]))
        self.furniture.append(w["toc"])
        page, k = 1, 0
        for si, sec in enumerate(s["sections"]):
            self.p("TocSection", escape(self.section_label(si, sec["name"])))
            for j, a in enumerate(sec["articles"]):
                k += 1
                page = 1 + k // 4
                t = self.title_label(k, j, a["title"]).replace("\n", "")
                self.p("TocEntry", f'{escape(t)}<text:tab/>{page}')
        self.body.append('<text:p text:style-name="PageBreak"/>')

    def section_label(self, i, name):
        return self.tpl["section_fmt"].format(cn=cn_num(self.w, i), name=name)

    def title_label(self, k, j, title):
        """The title as printed: k counts through the document, j within the
        section; a title's line breaks (\\n in the source) are kept."""
        if self.tpl["title_num"] == "paren":
            return f"（{cn_num(self.w, j)}）{title}"
        return f"{k}. {title}" if self.tpl["title_num"] else title

    def byline_text(self, authors, where):
        w = self.w
        names = "、".join(authors)
        if where == "top":
            return w["byline_top"] + names
        if where == "line":
            return w["written"] + " ".join(authors)
        if where == "written_top":
            return w["written"] + names
        if where == "reporter":
            return f'{w["reporter"]}　{"　".join(authors)}　{w["report"]}'
        if where == "end":
            return f'（{w["compiled"]}：{names}）'
        return f'（{w["source"]}：{self.src["publisher"]}；{w["compiled"]}：{names}）'

    def article(self, k, j, sec_name, a):
        tpl, w = self.tpl, self.w
        printed = self.title_label(k, j, a["title"])
        title = printed.replace("\n", "")
        plain = a["title"].replace("\n", "")
        deck = a.get("deck", "")
        variants = {plain, title}
        if deck:
            sep = DECK_SEP[tpl["deck"]]
            variants |= {v + sep + deck for v in list(variants)}
            variants |= {v + deck for v in list(variants)}
        tx = escape(printed).replace("\n", "<text:line-break/>")
        if deck and tpl["deck"] in ("line", "sub"):
            self.p("Title", tx)
            self.p("Deck", escape(DECK_SEP[tpl["deck"]] + deck))
        elif deck:
            self.p("Title", tx + escape(DECK_SEP[tpl["deck"]] + deck))
        else:
            self.p("Title", tx)
        authors = a["authors"]
        # An article's own byline form (source key "byline": "reporter", a
        # line 记者 X 报道 under the title) or a dateline opening its first
        # paragraph (新华社北京3月5日电（记者 X）) replaces the template's.
        byline = a.get("byline") or tpl["byline"]
        if a.get("dateline"):
            byline = "dateline"
        if authors and byline in ("top", "line", "written_top", "reporter"):
            self.p("Byline", escape(self.byline_text(authors, byline)))
        urls = []
        notes_by_para = {}
        for n in a["notes"]:
            notes_by_para.setdefault(n["para"], []).append(n)
        end_notes = []
        for pi, para in enumerate(a["paragraphs"]):
            if pi == 0 and a.get("dateline"):
                dl = a["dateline"]
                para = dl + ("" if dl.endswith("）") else "　") + para
            xml = escape(para)
            for n in notes_by_para.get(pi, []):
                urls += note_urls(n)
                # The mark goes before the paragraph's final full stop.
                if xml.endswith("。"):
                    head, tail = xml[:-1], "。"
                else:
                    head, tail = xml, ""
                if tpl["notes"] == "page":
                    self.note_no += 1
                    xml = (head + '<text:note text:id="n%d" text:note-class="footnote">'
                           '<text:note-citation>%d</text:note-citation><text:note-body>'
                           '<text:p text:style-name="Footnote">%s</text:p></text:note-body>'
                           '</text:note>' % (self.note_no, self.note_no, escape(note_text(n)))
                           + tail)
                else:
                    end_notes.append(n)
                    mark = (f"[{len(end_notes)}]" if tpl["notes"] == "end_bracket"
                            else f'<text:span text:style-name="Sup">{len(end_notes)}</text:span>')
                    xml = head + mark + tail
            self.p("Body", xml)
        if authors and byline in ("end", "end_source"):
            self.p("BylineEnd", escape(self.byline_text(authors, byline)))
        if end_notes:
            if tpl["notes"] == "end_bracket":
                self.p("NoteHead", escape(w["notes"]))
                for i, n in enumerate(end_notes, 1):
                    self.p("Note", escape(f"[{i}] {note_text(n)}"))
            elif tpl["notes"] == "end_numbered":
                for i, n in enumerate(end_notes, 1):
                    self.p("Note", escape(w["endnote"].format(i=i) + note_text(n)))
            else:
                self.p("NoteHead", escape(w["refs"]))
                for i, n in enumerate(end_notes, 1):
                    self.p("Note", escape(f"{i}. {note_text(n)}"))
        self.articles.append({"section": sec_name, "title": plain,
                              "title_variants": sorted(variants),
                              "authors": authors, "urls": urls})

    def colophon(self):
        self.p("Rule", "")
        for line in self.src["colophon"]:
            self.p("Colophon", escape(line))
            self.furniture.append(line)

    def render(self):
        self.note_no = 0
        tpl = self.tpl
        self.masthead()
        if tpl["toc"]:
            self.toc()
        if tpl["columns"] > 1:
            self.body.append('<text:section text:style-name="Cols" text:name="Body">')
        k = 0
        for si, sec in enumerate(self.src["sections"]):
            label = self.section_label(si, sec["name"])
            style = "SectionPage" if tpl.get("section_page") and si else "Section"
            self.body.append(f'<text:h text:style-name="{style}" text:outline-level="1">'
                             f'{escape(label)}</text:h>')
            for j, a in enumerate(sec["articles"]):
                k += 1
                self.article(k, j, sec["name"], a)
        if tpl["columns"] > 1:
            self.body.append('</text:section>')
        if tpl["colophon"]:
            self.colophon()
        return self.xml()

    def header_footer(self):
        tpl, s, w = self.tpl, self.src, self.w
        issue = w["issue"].format(n=s["number"], t=s["total"])
        h = tpl["header"]
        chapter = '<text:chapter text:display="name" text:outline-level="1"/>'
        odd = even = ""
        if h == "name/section":
            odd, even = escape(s["name"]), chapter
        elif h == "name_issue":
            odd = even = escape(s["name"] + "　" + issue)
        elif h == "section":
            odd = even = chapter
        elif h == "section/name_issue":
            odd, even = chapter, escape(s["name"] + "　" + issue)
        pn = '<text:page-number text:select-page="current"/>'
        pc = '<text:page-count/>'
        f = tpl["footer"]
        if f == "page_of":
            foot = escape(w["page_of"]).replace("{p}", pn).replace("{c}", pc)
        elif f == "page":
            foot = escape(w["page"]).replace("{p}", pn)
        elif f == "dash":
            foot = f"- {pn} -"
        else:
            foot = pn
        foot_even = foot
        if f == "dash/page":
            foot = f"- {pn} -"
            foot_even = escape(w["page"]).replace("{p}", pn)
        out = ""
        if odd:
            out += f'<style:header><text:p text:style-name="Header">{odd}</text:p></style:header>'
            out += f'<style:header-left><text:p text:style-name="Header">{even}</text:p></style:header-left>'
        out += f'<style:footer><text:p text:style-name="Footer">{foot}</text:p></style:footer>'
        if foot_even != foot:
            out += (f'<style:footer-left><text:p text:style-name="Footer">{foot_even}'
                    '</text:p></style:footer-left>')
        return out

    def xml(self):
        tpl = self.tpl
        font = "Noto Serif CJK SC" if self.src["script"] == "Hans" else "Noto Serif CJK TC"
        sans = "Noto Sans CJK SC" if self.src["script"] == "Hans" else "Noto Sans CJK TC"
        w, h = ("21cm", "29.7cm") if tpl["page"] == "A4" else ("14.8cm", "21cm")
        right = "16.5cm" if tpl["page"] == "A4" else "10.8cm"

        def ps(name, para="", text="", inner=""):
            return (f'<style:style style:name="{name}" style:family="paragraph" '
                    f'style:parent-style-name="Standard"><style:paragraph-properties {para}>'
                    f'{inner}</style:paragraph-properties>'
                    f'<style:text-properties {text}/></style:style>')

        def size(pt, bold=False, f=None):
            b = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
            fn = f' style:font-name-asian="{f}" style:font-name="{f}"' if f else ""
            return f'fo:font-size="{pt}pt" style:font-size-asian="{pt}pt"{b}{fn}'

        restart = {"document": "document", "page": "page", "article": "document"}
        styles = "".join([
            ps("Body", 'fo:text-indent="0.74cm" fo:margin-bottom="0.15cm" fo:text-align="justify"'),
            ps("Title", 'fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"'
               + (f' fo:text-align="{tpl["title_align"]}"' if tpl.get("title_align") else ""),
               size(tpl["title_pt"], True, sans)),
            ps("Deck", 'fo:margin-bottom="0.2cm" fo:text-align="{}" fo:keep-with-next="always"'.format(
               "center" if tpl["deck"] == "sub" else "end"), size(11)),
            ps("Byline", 'fo:text-align="center" fo:margin-bottom="0.2cm"', size(10)),
            ps("BylineEnd", 'fo:text-align="end" fo:margin-bottom="0.2cm"', size(10)),
            ps("NoteHead", 'fo:margin-top="0.1cm"', size(9, True)),
            ps("Note", '', size(9)),
            ps("Footnote", '', size(8)),
            ps("Header", 'fo:text-align="center"', size(9)),
            ps("Footer", 'fo:text-align="center"', size(9)),
            ps("Internal", '', size(10)),
            ps("Masthead", 'fo:text-align="center" fo:margin-top="0.5cm" fo:margin-bottom="0.3cm"',
               size(26, True, sans)),
            ps("Center", 'fo:text-align="center"', size(11)),
            ps("TocHead", 'fo:text-align="center" fo:margin-top="0.6cm" fo:margin-bottom="0.3cm"',
               size(14, True, sans)),
            ps("TocSection", 'fo:margin-top="0.2cm"', size(11, True)),
            ps("TocEntry", 'fo:margin-left="0.7cm"', size(10.5),
               f'<style:tab-stops><style:tab-stop style:position="{right}" style:type="right" '
               'style:leader-style="dotted" style:leader-text="."/></style:tab-stops>'),
            ps("Section", 'fo:margin-top="0.5cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"',
               size(14, True, sans)),
            ps("SectionPage", 'fo:break-before="page" fo:margin-bottom="0.3cm" fo:keep-with-next="always"',
               size(14, True, sans)),
            ps("Colophon", '', size(9)),
            ps("Rule", 'fo:border-bottom="0.5pt solid #000000" fo:margin-top="0.6cm"'),
        ])
        cols = ""
        if tpl["columns"] > 1:
            cols = ('<style:style style:name="Cols" style:family="section"><style:section-properties>'
                    f'<style:columns fo:column-count="{tpl["columns"]}" fo:column-gap="0.8cm"/>'
                    '</style:section-properties></style:style>')
        return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="{font}" svg:font-family="'{font}'"/>
<style:font-face style:name="{sans}" svg:font-family="'{sans}'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:writing-mode="lr-tb"/>
<style:text-properties style:font-name="{font}" style:font-name-asian="{font}" fo:font-size="10.5pt" style:font-size-asian="10.5pt" fo:language="zh" fo:country="{"CN" if self.src["script"] == "Hans" else "TW"}" style:language-asian="zh" style:country-asian="{"CN" if self.src["script"] == "Hans" else "TW"}"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
{styles}
<style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="{restart[tpl["note_restart"]]}"/>
<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format=""/></text:outline-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm" style:writing-mode="lr-tb">
<style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
</style:page-layout-properties>
<style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.4cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.4cm"/></style:footer-style>
</style:page-layout>
<style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-after="page"/></style:style>
{cols}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">{self.header_footer()}</style:master-page>
</office:master-styles>
<office:body><office:text>
{"".join(self.body)}
</office:text></office:body></office:document>
'''


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdf-dir", default="/work/matrix-pdf",
                    help="where the PDFs are kept (default /work/matrix-pdf)")
    ap.add_argument("--only", nargs="*", help="DOC.TPL pairs to render")
    ap.add_argument("--no-pdf", action="store_true",
                    help="write the truth only (no LibreOffice)")
    ap.add_argument("--pdf-only", action="store_true",
                    help="write the PDFs only (text/ and truth/ are left as they are)")
    ap.add_argument("--sources", default=os.path.join(HERE, "sources"),
                    help="where the source bulletins are (default sources/)")
    ap.add_argument("--out", help="write DOC.TPL.pdf and DOC.TPL.matrix.json "
                    "here, and nothing else")
    args = ap.parse_args()
    if args.pdf_only and args.no_pdf:
        ap.error("--pdf-only and --no-pdf exclude each other")
    truth_dir = os.path.join(HERE, "truth")
    if args.out:
        if args.no_pdf or args.pdf_only:
            ap.error("--out writes a PDF and its truth: no --no-pdf or --pdf-only")
        args.pdf_dir = truth_dir = args.out
    os.makedirs(args.pdf_dir, exist_ok=True)
    for sub in ("text", "truth"):
        os.makedirs(os.path.join(HERE, sub), exist_ok=True)
    srcdir = args.sources
    tmp = tempfile.mkdtemp(prefix="matrix.")
    try:
        for fn in sorted(os.listdir(srcdir)):
            src = json.load(open(os.path.join(srcdir, fn), encoding="utf-8"))
            for tname, tpl in TEMPLATES.items():
                key = f'{src["id"]}.{tname}'
                if args.only and key not in args.only:
                    continue
                d = Doc(src, tpl)
                xml = d.render()
                truth = {"doc": key, "articles": d.articles,
                         "furniture": d.furniture}
                if not args.pdf_only:
                    name = key + (".matrix.json" if args.out else ".json")
                    with open(os.path.join(truth_dir, name), "w",
                              encoding="utf-8") as fh:
                        json.dump(truth, fh, ensure_ascii=False, indent=1)
                        fh.write("\n")
                if args.no_pdf:
                    continue
                fodt = os.path.join(tmp, key + ".fodt")
                with open(fodt, "w", encoding="utf-8") as fh:
                    fh.write(xml)
                run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                     "--convert-to", "pdf", "--outdir", tmp, fodt])
                pdf = os.path.join(args.pdf_dir, key + ".pdf")
                shutil.move(os.path.join(tmp, key + ".pdf"), pdf)
                if args.pdf_only or args.out:
                    print(f"{key}: {pdf}", file=sys.stderr)
                    continue
                out = os.path.join(HERE, "text", key)
                run(["pdftotext", "-enc", "UTF-8", pdf, out + ".pdftotext.txt"])
                run(["pdftotext", "-enc", "UTF-8", "-layout", pdf, out + ".layout.txt"])
                run(["pdf2txt", "-o", out + ".pdfminer.txt", pdf])
                print(f"{key}: {pdf}", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
