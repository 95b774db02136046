// How organisations are found.
//
// 1. Gazetteer: every alias of rules/orgs.tsv goes into one RE2 alternation
//    run leftmost-longest over the text (Latin aliases case-insensitive and
//    only on word boundaries). A country written right before an alias
//    (中国华为, 美国国防部) is part of the name. An alias shared by several
//    organisations (商务部, 国防部) goes to the one of the country named
//    last before it in the article.
// 2. Abbreviations: an organisation followed by （缩写） or (ABBR) makes the
//    abbreviation an alias with the same name for the rest of the document.
// 3. Unknown organisations: a name ending in a suffix of org_suffixes.txt;
//    its left edge is found by walking back over ICU dictionary words until
//    punctuation, a stop word (org_stopwords.txt) or a length limit.
#include "orgs.h"

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "layout.h"
#include "normalize.h"
#include "text_util.h"

namespace bulletin {

struct OrgMatcher::Impl {
  struct Org {
    std::string name, kind, country;
  };
  std::vector<Org> orgs;
  std::map<std::string, std::vector<int>> alias;  // folded alias → orgs
  // One byte trie over case-folded keys: the gazetteer's aliases, the
  // countries' names and the organisation suffixes. Walked from each
  // character start, it yields every key starting there: one pass over the
  // text finds organisations, country mentions and suffix candidates.
  static constexpr uint8_t kAlias = 1, kCountry = 2, kSuffix = 4,
                           kLatinSuffix = 8;
  struct Trie {
    // Built as a hash of edges, then frozen into sorted per-node arrays.
    std::unordered_map<uint64_t, int> build;  // node << 8 | byte → node
    std::vector<int> first;                   // node → index into edge arrays
    std::vector<unsigned char> bytes;
    std::vector<int> targets;
    std::vector<uint8_t> terminal{0};  // kAlias | kCountry | kSuffix
    int nodes = 1;
    void Add(const std::string& key, uint8_t kind) {
      int n = 0;
      for (unsigned char c : key) {
        uint64_t k = (static_cast<uint64_t>(n) << 8) | c;
        auto it = build.find(k);
        if (it == build.end()) {
          it = build.emplace(k, nodes++).first;
          terminal.push_back(0);
        }
        n = it->second;
      }
      terminal[n] |= kind;
    }
    void Freeze() {
      std::vector<std::vector<std::pair<unsigned char, int>>> out(nodes);
      for (const auto& [k, v] : build)
        out[k >> 8].push_back({static_cast<unsigned char>(k & 0xFF), v});
      first.assign(nodes + 1, 0);
      for (int n = 0; n < nodes; ++n) {
        std::sort(out[n].begin(), out[n].end());
        first[n] = static_cast<int>(bytes.size());
        for (auto [b, t] : out[n]) {
          bytes.push_back(b);
          targets.push_back(t);
        }
      }
      first[nodes] = static_cast<int>(bytes.size());
      build.clear();
      Densify();
    }
    int Next(int n, unsigned char c) const {
      if (dense_of[n] >= 0) return dense[dense_of[n] * 256 + c];
      auto b = bytes.begin() + first[n], e = bytes.begin() + first[n + 1];
      auto it = std::lower_bound(b, e, c);
      return it != e && *it == c ? targets[it - bytes.begin()] : -1;
    }
    // Nodes with many children (the root, lead bytes of CJK characters)
    // get a direct 256-entry table: they are where every walk starts.
    std::vector<int> dense_of;
    std::vector<int> dense;
    void Densify() {
      dense_of.assign(nodes, -1);
      for (int n = 0; n < nodes; ++n) {
        if (first[n + 1] - first[n] < 8) continue;
        dense_of[n] = static_cast<int>(dense.size() / 256);
        dense.resize(dense.size() + 256, -1);
        for (int i = first[n]; i < first[n + 1]; ++i)
          dense[dense_of[n] * 256 + bytes[i]] = targets[i];
      }
    }
    // Every key starting at `pos`: (exclusive end byte, kinds), shortest
    // first.
    void Walk(const std::string& folded, size_t pos,
              std::vector<std::pair<size_t, uint8_t>>* ends) const {
      ends->clear();
      int n = 0;
      for (size_t i = pos; i < folded.size(); ++i) {
        n = Next(n, static_cast<unsigned char>(folded[i]));
        if (n < 0) return;
        if (terminal[n]) ends->push_back({i + 1, terminal[n]});
      }
    }
  } trie;
  bool has_gazetteer = false;
  std::map<std::string, std::string> country_iso;
  std::vector<std::pair<std::string, std::string>> countries;  // long first
  std::set<std::string> short_countries;
  std::map<std::string, std::string> suffix_kind;
  bool has_suffixes = false;
  std::unique_ptr<RE2> latin_name_re;
  // Suffixes after a Latin name → is a legal form like Inc. (kept in the
  // name) rather than 公司/集团.
  std::map<std::string, bool> latin_suffixes;
  // Company words (org_suffixes.txt "tail" lines) that join a gazetteer
  // name they follow: after a Han name (应用材料公司) or a Latin one
  // (PhotonDelta集团, Vedanta 集团), longest first.
  std::vector<std::string> han_tails, latin_tails;
  std::set<std::string> stopwords, reject;
  std::unique_ptr<icu::BreakIterator> words;
  // Document and article state.
  // abbreviation → the attributes of its organisation
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      doc_alias;
  std::string last_country;

  static std::string Fold(const std::string& s) {
    std::string out;
    for (char c : s)
      out.push_back(
          static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
  }
  int AddOrg(const Org& o) {
    orgs.push_back(o);
    return static_cast<int>(orgs.size()) - 1;
  }
  std::string CountryEndingAt(const std::string& text, size_t pos,
                              bool allow_short) const;
  // ISO code of the last country mentioned before byte `pos` of the text
  // being searched (from the walk), or "".
  std::string LastCountryBefore(size_t pos) const;
  // Country mentions of the text being searched: (end byte, ISO code).
  std::vector<std::pair<size_t, std::string>> mentions;
  std::vector<std::pair<std::string, std::string>> Attrs(int org) const;
};

OrgMatcher::~OrgMatcher() = default;
size_t OrgMatcher::size() const { return impl_->orgs.size(); }
void OrgMatcher::StartDocument() {
  impl_->doc_alias.clear();
  impl_->last_country.clear();
}
void OrgMatcher::StartArticle() { impl_->last_country.clear(); }

namespace {

bool IsAsciiWord(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool HasHan(const std::string& s) {
  for (char32_t c : ToCodePoints(s))
    if (IsHan(c)) return true;
  return false;
}

}  // namespace

std::unique_ptr<OrgMatcher> OrgMatcher::Load(const RuleFiles& files,
                                             std::vector<Status>* errors) {
  auto m = std::unique_ptr<OrgMatcher>(new OrgMatcher);
  m->impl_ = std::make_unique<Impl>();
  Impl& im = *m->impl_;
  size_t before = errors->size();
  std::vector<std::string> aliases;
  std::map<std::string, int> by_name;
  for (const auto& row :
       ReadTable(files, "orgs.tsv", 4, "NAME<TAB>KIND<TAB>COUNTRY<TAB>ALIASES",
                 errors)) {
    const auto& cols = row.cols;
    int id;
    auto it = by_name.find(cols[0]);
    if (it != by_name.end()) {
      id = it->second;  // --rules rows add aliases to a known organisation
    } else {
      id = im.AddOrg({cols[0], cols[1], cols[2] == "-" ? "" : cols[2]});
      by_name[cols[0]] = id;
    }
    auto names = SplitString(cols[3], '|');
    names.push_back(cols[0]);
    for (auto& a : names) {
      a = Trim(a);
      if (a.empty()) continue;
      auto& ids = im.alias[Impl::Fold(a)];
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      aliases.push_back(a);
    }
  }
  for (const auto& row : ReadTable(files, "countries.tsv", 2,
                                   "NAME<TAB>ISO-CODE[<TAB>short]", errors)) {
    const auto& cols = row.cols;
    if (cols.size() >= 3 && Trim(cols[2]) == "short")
      im.short_countries.insert(cols[0]);
    im.countries.push_back({cols[0], Trim(cols[1])});
  }
  std::sort(im.countries.begin(), im.countries.end(),
            [](const auto& a, const auto& b) {
              return a.first.size() > b.first.size();
            });
  for (const auto& [n, c] : im.countries) {
    im.country_iso[n] = c;
    if (!im.short_countries.count(n) && HasHan(n))
      im.trie.Add(n, Impl::kCountry);
  }
  std::vector<std::string> han_suffixes, latin_suffixes, tail_words;
  for (const auto& row : ReadTable(files, "org_suffixes.txt", 1,
                                   "SUFFIX[<TAB>KIND]", errors)) {
    const auto& cols = row.cols;
    if (cols[0] == "latin") {
      if (cols.size() < 2) {
        errors->push_back(row.Error(1, "expected latin<TAB>SUFFIX"));
        continue;
      }
      latin_suffixes.push_back(Trim(cols[1]));
    } else if (cols[0] == "tail") {
      if (cols.size() < 3) {
        errors->push_back(
            row.Error(cols.size(), "expected tail<TAB>WORD<TAB>han|latin"));
        continue;
      }
      // A company word that joins the name it follows.
      std::string word = Trim(cols[1]);
      for (const auto& after : SplitString(Trim(cols[2]), ',')) {
        if (after == "han") im.han_tails.push_back(word);
        if (after == "latin") im.latin_tails.push_back(word);
      }
      tail_words.push_back(word);
    } else {
      std::string suffix = Trim(cols[0]);
      han_suffixes.push_back(suffix);
      im.suffix_kind[suffix] = cols.size() >= 2 ? Trim(cols[1]) : "";
    }
  }
  for (const auto& row : ReadTable(files, "org_stopwords.txt", 0, "", errors)) {
    std::string s = Trim(row.text);
    if (s[0] == '!')
      im.reject.insert(Trim(s.substr(1)));
    else
      im.stopwords.insert(s);
  }
  // Leftmost-first over alternatives sorted longest first gives the longest
  // alias at the leftmost position, and lets the DFA stop early.
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(256 << 20);
  for (const auto& a : aliases) im.trie.Add(Impl::Fold(a), Impl::kAlias);
  for (const auto& suffix : han_suffixes) im.trie.Add(suffix, Impl::kSuffix);
  im.has_suffixes = !han_suffixes.empty();
  im.has_gazetteer = !aliases.empty();
  if (!latin_suffixes.empty()) {
    // Capitalised words right before a suffix: the suffixes are found as
    // plain strings, then this runs on the few bytes before each one.
    im.latin_name_re = std::make_unique<RE2>(
        "(?P<name>[A-Z][A-Za-z0-9&\\-]*(?: [A-Z][A-Za-z0-9&\\-]*){0,4})"
        "(?P<sep>,? ?)$",
        opt);
    if (!im.latin_name_re->ok())
      errors->push_back(Status::Error(StatusCode::kBadRules, "orgs.cc", 0, 0,
                                      im.latin_name_re->error()));
    for (auto& suf : latin_suffixes) {
      im.latin_suffixes[suf] = true;
      im.trie.Add(Impl::Fold(suf), Impl::kLatinSuffix);
    }
    for (const auto& word : tail_words) {
      im.latin_suffixes[word] = false;
      im.trie.Add(word, Impl::kLatinSuffix);
    }
  }
  for (auto* tails : {&im.han_tails, &im.latin_tails})
    std::sort(tails->begin(), tails->end(),
              [](const auto& a, const auto& b) { return a.size() > b.size(); });
  im.trie.Freeze();
  UErrorCode status = U_ZERO_ERROR;
  im.words.reset(
      icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status))
    errors->push_back(Status::Error(
        StatusCode::kBadRules, "", 0, 0,
        std::string("icu: cannot create word iterator: ") + u_errorName(status)));
  if (errors->size() != before) return nullptr;
  return m;
}

std::string OrgMatcher::Impl::CountryEndingAt(const std::string& text,
                                              size_t pos,
                                              bool allow_short) const {
  // Longest Han country name ending at `pos`: try 1 to 8 characters back.
  std::string best;
  size_t start = pos;
  for (int chars = 1; chars <= 8 && start > 0; ++chars) {
    do --start;
    while (start > 0 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80);
    std::string cand = text.substr(start, pos - start);
    auto it = country_iso.find(cand);
    if (it == country_iso.end() || !HasHan(cand)) continue;
    if (!allow_short && short_countries.count(cand)) continue;
    best = cand;
  }
  return best;
}

std::string OrgMatcher::Impl::LastCountryBefore(size_t pos) const {
  auto it =
      std::upper_bound(mentions.begin(), mentions.end(), pos,
                       [](size_t p, const std::pair<size_t, std::string>& m) {
                         return p < m.first;
                       });
  if (it == mentions.begin()) return "";
  return (it - 1)->second;
}

std::vector<std::pair<std::string, std::string>> OrgMatcher::Impl::Attrs(
    int org) const {
  const Org& o = orgs[org];
  std::vector<std::pair<std::string, std::string>> a = {
      {"name", JsonString(o.name)}};
  if (!o.kind.empty()) a.push_back({"kind", JsonString(o.kind)});
  if (!o.country.empty()) a.push_back({"country", JsonString(o.country)});
  return a;
}

std::vector<OrgHit> OrgMatcher::Find(const std::string& text,
                                     DocContext* /*ctx*/) {
  Impl& im = *impl_;
  im.mentions.clear();
  std::vector<OrgHit> hits;
  auto overlaps = [&](size_t b, size_t e) {
    for (const auto& h : hits)
      if (b < h.end && h.begin < e) return true;
    return false;
  };
  auto iso_of = [&](const std::string& country) {
    auto it = im.country_iso.find(country);
    return it == im.country_iso.end() ? std::string() : it->second;
  };
  // Picks one organisation for an alias, by the country in context.
  auto choose = [&](const std::vector<int>& ids, const std::string& iso) {
    if (ids.size() > 1 && !iso.empty())
      for (int id : ids)
        if (im.orgs[id].country == iso) return id;
    return ids.front();
  };
  auto learn_abbreviations =
      [&](size_t end,
          const std::vector<std::pair<std::string, std::string>>& attrs) {
        // 全称（缩写）: the bracketed names become aliases of `org`.
        static const RE2 kParen("^(?:（|\\()([^（）()]{1,60})(?:）|\\))");
        re2::StringPiece rest(text.data() + end, text.size() - end), inner;
        if (!RE2::PartialMatch(rest, kParen, &inner)) return;
        size_t open = (text.compare(end, 3, "（") == 0) ? 3 : 1;
        std::string content(inner);
        size_t base = end + open;
        // Split on Chinese and Latin commas and 简称.
        static const RE2 kSep("(，|,|、|；|;|以下简称|简称|簡稱|下称|下稱)");
        re2::StringPiece in(content);
        std::vector<std::pair<size_t, size_t>> parts;
        size_t start = 0;
        re2::StringPiece sep;
        while (RE2::FindAndConsume(&in, kSep, &sep)) {
          size_t sp = sep.data() - content.data();
          parts.push_back({start, sp});
          start = sp + sep.size();
        }
        parts.push_back({start, content.size()});
        for (auto [b, e] : parts) {
          while (b < e && content[b] == ' ') ++b;
          while (e > b && content[e - 1] == ' ') --e;
          if (e <= b) continue;
          std::string name = content.substr(b, e - b);
          bool han = HasHan(name);
          int cps = static_cast<int>(CodePointOffsets(name).size()) - 1;
          if (han ? cps > 12 || name.find("和") != std::string::npos ||
                        name.find("的") != std::string::npos
                  : cps > 40 ||
                        !std::isalpha(static_cast<unsigned char>(name[0])))
            continue;
          bool is_country = im.country_iso.count(name) > 0;
          if (is_country || im.stopwords.count(name)) continue;
          im.doc_alias[Impl::Fold(name)] = attrs;
          size_t hb = base + b, he = base + e;
          if (!overlaps(hb, he))
            hits.push_back({hb, he, "org.abbreviation", attrs});
        }
      };

  // Dictionary word boundaries (ICU), for short aliases and left edges.
  // Segmenting is costly, so it runs only on a window around the place in
  // question: `bounds` then holds the boundaries of [win_b, win_e).
  std::vector<size_t> bounds;
  size_t win_b = 1, win_e = 0;
  auto segment = [&](size_t from, size_t to) {
    // Widen to ~40 characters either side, on character starts.
    size_t b = from > 120 ? from - 120 : 0;
    size_t e = std::min(text.size(), to + 120);
    while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    while (e < text.size() &&
           (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80)
      ++e;
    if (b >= win_b && e <= win_e) return;
    bounds.clear();
    win_b = b;
    win_e = e;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data() + b,
                               static_cast<int64_t>(e - b), &status);
    im.words->setText(ut, status);
    for (int32_t x = im.words->first(); x != icu::BreakIterator::DONE;
         x = im.words->next())
      bounds.push_back(b + static_cast<size_t>(x));
    utext_close(ut);
  };
  auto is_bound = [&](size_t p) {
    segment(p, p);
    return std::binary_search(bounds.begin(), bounds.end(), p);
  };
  auto han_at = [&](size_t p, bool before) {
    if (before ? p == 0 : p >= text.size()) return false;
    auto u = reinterpret_cast<const uint8_t*>(text.data());
    int32_t i = static_cast<int32_t>(p), n = static_cast<int32_t>(text.size());
    UChar32 c;
    if (before) {
      U8_PREV(u, 0, i, c);
    } else {
      U8_NEXT(u, i, n, c);
    }
    return c >= 0 && IsHan(static_cast<char32_t>(c));
  };

  // 1. One walk over the text: country mentions, suffix candidates, and
  // the gazetteer's organisations (a later start may not overlap a hit).
  std::vector<std::pair<size_t, size_t>> suffix_cands;  // [begin, end)
  std::vector<std::pair<size_t, size_t>> latin_cands;   // Inc., 公司 ...
  {
    const std::string folded_text = Impl::Fold(text);
    std::vector<std::pair<size_t, uint8_t>> ends;
    size_t pos = 0, hit_end = 0;
    while (pos < text.size()) {
      size_t b = pos;
      // Next character start.
      pos = b + 1;
      while (pos < text.size() &&
             (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)
        ++pos;
      im.trie.Walk(folded_text, b, &ends);
      if (ends.empty()) continue;
      for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
        if (it->second & Impl::kCountry) {
          im.mentions.push_back(
              {it->first, im.country_iso[text.substr(b, it->first - b)]});
          break;
        }
      }
      for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
        if (it->second & Impl::kSuffix) {
          suffix_cands.push_back({b, it->first});
          break;
        }
      }
      for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
        if (it->second & Impl::kLatinSuffix) {
          latin_cands.push_back({b, it->first});
          break;
        }
      }
      if (b < hit_end) continue;
      // The longest alias here that stands on proper boundaries.
      size_t e = 0;
      std::string surface;
      bool latin = false;
      for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
        if (!(it->second & Impl::kAlias)) continue;
        size_t end = it->first;
        std::string cand = text.substr(b, end - b);
        bool lat = !HasHan(cand);
        if (lat &&
            ((b > 0 && IsAsciiWord(text[b - 1]) && IsAsciiWord(text[b])) ||
             (end < text.size() && IsAsciiWord(text[end]) &&
              IsAsciiWord(text[end - 1]))))
          continue;
        // A two-character Han alias inside a longer word (集成电路 is not
        // 成电) must stand on dictionary word boundaries.
        if (!lat && CodePoints(cand) <= 2 &&
            ((han_at(b, true) && !is_bound(b)) ||
             (han_at(end, false) && !is_bound(end))))
          continue;
        e = end;
        surface = cand;
        latin = lat;
        break;
      }
      if (e == 0) continue;
      auto it = im.alias.find(Impl::Fold(surface));
      if (it == im.alias.end()) continue;
      std::string prefix = im.CountryEndingAt(text, b, false);
      std::string iso =
          prefix.empty() ? im.LastCountryBefore(b) : iso_of(prefix);
      if (iso.empty()) iso = im.last_country;
      int org = choose(it->second, iso);
      // 中国华为: a country right before the name belongs to it, unless the
      // country is the organisation's own name.
      if (!prefix.empty() && im.alias.count(Impl::Fold(prefix)) == 0) {
        b -= prefix.size();
      }
      // A company word right after the name joins it: 应用材料公司,
      // PhotonDelta集团, Vedanta 集团 (a space only after a Latin name).
      size_t t = e + (latin && e < text.size() && text[e] == ' ' ? 1 : 0);
      for (const auto& word : latin ? im.latin_tails : im.han_tails) {
        if (text.compare(t, word.size(), word) == 0) {
          e = t + word.size();
          break;
        }
      }
      if (overlaps(b, e)) continue;
      hits.push_back({b, e, "org.gazetteer", im.Attrs(org)});
      hit_end = e;
      learn_abbreviations(e, im.Attrs(org));
    }
  }
  // 2. Unknown organisations by suffix (leftmost-longest, no overlaps).
  if (im.has_suffixes && im.words) {
    size_t pos = 0;
    for (auto [sb, se] : suffix_cands) {
      if (sb < pos) continue;
      pos = se;
      const std::string m = text.substr(sb, se - sb);
      if (overlaps(sb, se)) continue;
      // Cheap tests first (segmenting is costly): a candidate needs an
      // abbreviation after it, or an institution suffix with a country
      // named shortly before.
      static const RE2 kAbbrevAhead(
          "^(?:（|\\()[A-Z][A-Z0-9&\\-]{1,11}(?:）|\\))");
      bool abbrev_ahead = RE2::PartialMatch(
          re2::StringPiece(text.data() + se, text.size() - se), kAbbrevAhead);
      const std::string& skind = im.suffix_kind[m];
      bool inst = skind == "university" || skind == "research" ||
                  skind == "association" || skind == "think_tank";
      if (!abbrev_ahead) {
        if (!inst) continue;
        auto mt = std::upper_bound(
            im.mentions.begin(), im.mentions.end(), sb,
            [](size_t p, const std::pair<size_t, std::string>& x) {
              return p < x.first;
            });
        if (mt == im.mentions.begin() || sb - (mt - 1)->first > 45) continue;
      }
      segment(sb, se);
      auto it = std::upper_bound(bounds.begin(), bounds.end(), sb);
      size_t p = it == bounds.begin() ? 0 : *(it - 1);
      int chars = 0;
      bool has_country = false;
      while (p > 0) {
        auto jt = std::lower_bound(bounds.begin(), bounds.end(), p);
        // Stop at the window's edge, unless that is the text's start.
        if (jt == bounds.begin() || (*(jt - 1) <= win_b && win_b > 0)) break;
        size_t q = *(jt - 1);
        std::string word = text.substr(q, p - q);
        bool all_han = true;
        for (char32_t c : ToCodePoints(word)) all_han &= IsHan(c);
        if (!all_han || im.stopwords.count(word)) break;
        bool overlap_hit = false;
        for (const auto& h : hits)
          if (q < h.end && h.begin < p) overlap_hit = true;
        if (overlap_hit) break;
        chars += CodePoints(word);
        if (chars > 14) break;
        p = q;
        bool is_country =
            im.country_iso.count(word) && !im.short_countries.count(word);
        if (is_country) {
          has_country = true;
          break;
        }
      }
      // Stop words glued into the first dictionary word: 向商务部 → 商务部.
      while (p < sb) {
        auto cps = CodePointOffsets(text.substr(p, sb - p));
        std::string first = text.substr(p, cps[1]);
        if (!im.stopwords.count(first)) break;
        p += first.size();
      }
      std::string name = text.substr(p, se - p);
      std::string stem = text.substr(p, sb - p);
      if (CodePoints(stem) < 2 || im.reject.count(name) ||
          im.reject.count(stem) || !HasHan(stem))
        continue;
      bool stem_is_country = im.country_iso.count(stem) > 0;
      if (stem_is_country || overlaps(p, se)) continue;
      std::string suffix(m);
      std::string kind = im.suffix_kind[suffix];
      // Precision first: a generic noun phrase ending in 公司 or 中心 is not
      // a name. Take a suffix match only when the name introduces an
      // abbreviation, or is an institution (大学, 研究所, 协会 ...) whose
      // name starts with a country.
      static const RE2 kAbbrev("^(?:（|\\()[A-Z][A-Z0-9&\\-]{1,11}(?:）|\\))");
      bool abbrev = RE2::PartialMatch(
          re2::StringPiece(text.data() + se, text.size() - se), kAbbrev);
      bool institution = kind == "university" || kind == "research" ||
                         kind == "association" || kind == "think_tank";
      int stem_chars = CodePoints(stem);
      if (!(abbrev || (has_country && institution && stem_chars <= 12)))
        continue;
      std::vector<std::pair<std::string, std::string>> attrs = {
          {"name", JsonString(name)}};
      if (!kind.empty()) attrs.push_back({"kind", JsonString(kind)});
      hits.push_back({p, se, "org.suffix", attrs});
      // Its abbreviation, if it gives one.
      learn_abbreviations(se, attrs);
    }
  }
  // Latin names of unknown companies: "Acme Photonics Inc.", and before
  // 公司/集团 when the name is more than a short acronym (EDA 公司 is a kind
  // of company, not a name).
  if (im.latin_name_re) {
    for (auto [t, after] : latin_cands) {
      {
        // The trie matched case-folded: the suffix must be as written.
        auto ls = im.latin_suffixes.find(text.substr(t, after - t));
        if (ls == im.latin_suffixes.end()) continue;
        bool legal = ls->second;
        const std::string& suffix = ls->first;
        size_t from = t > 80 ? t - 80 : 0;
        if (legal && after < text.size() && IsAsciiWord(text[after])) continue;
        // Cheap test first: a Latin letter or digit right before it.
        size_t before = after - suffix.size();
        if (before > 0 && (text[before - 1] == ' ' || text[before - 1] == ','))
          --before;
        if (before > 0 && text[before - 1] == ',') --before;
        if (before == 0 || !IsAsciiWord(text[before - 1])) continue;
        re2::StringPiece window(text.data() + from,
                                after - suffix.size() - from);
        re2::StringPiece sub[3];
        if (!im.latin_name_re->Match(window, 0, window.size(), RE2::UNANCHORED,
                                     sub, 3))
          continue;
        size_t b = sub[1].data() - text.data();
        if (b > 0 && (IsAsciiWord(text[b - 1]) || text[b - 1] == '-')) continue;
        // "Acme Photonics Inc." keeps its legal form; before 公司/集团 the
        // name is the Latin part alone.
        if (legal && sub[2].empty()) continue;  // "AcmeInc" is one word
        std::string nm(sub[1]);
        bool several_words = nm.find(' ') != std::string::npos;
        bool has_lower = std::any_of(
            nm.begin(), nm.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!legal && !(several_words || (has_lower && nm.size() >= 4)))
          continue;
        size_t end = legal ? after : b + nm.size();
        if (overlaps(b, end)) continue;
        std::string surface = text.substr(b, end - b);
        std::vector<std::pair<std::string, std::string>> attrs = {
            {"name", JsonString(surface)}, {"kind", JsonString("company")}};
        hits.push_back({b, end, "org.suffix", attrs});
        learn_abbreviations(end, attrs);
      }
    }
  }
  // 3. Abbreviations learned so far in the document (this text included):
  // Latin ones are looked up word by word, Han ones searched for.
  if (!im.doc_alias.empty()) {
    auto add = [&](size_t p, size_t e, const std::string& key) {
      auto it = im.doc_alias.find(key);
      if (it != im.doc_alias.end() && !overlaps(p, e))
        hits.push_back({p, e, "org.abbreviation", it->second});
    };
    size_t i = 0;
    while (i < text.size()) {
      if (!IsAsciiWord(text[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      // A word, or a run of words joined by single spaces and &/-/.
      while (j < text.size() && (IsAsciiWord(text[j]) || text[j] == '&' ||
                                 text[j] == '-' || text[j] == '.'))
        ++j;
      add(i, j, Impl::Fold(text.substr(i, j - i)));
      // Multi-word abbreviations ("Global Foundries"): extend over spaces.
      size_t k = j;
      for (int words = 1; words < 4 && k + 1 < text.size() && text[k] == ' ' &&
                          IsAsciiWord(text[k + 1]);
           ++words) {
        k += 1;
        while (k < text.size() && (IsAsciiWord(text[k]) || text[k] == '&' ||
                                   text[k] == '-' || text[k] == '.'))
          ++k;
        add(i, k, Impl::Fold(text.substr(i, k - i)));
      }
      i = j;
    }
    for (const auto& [abbr, attrs] : im.doc_alias) {
      if (!HasHan(abbr)) continue;
      size_t p = 0;
      while ((p = text.find(abbr, p)) != std::string::npos) {
        size_t e = p + abbr.size();
        if (!overlaps(p, e)) hits.push_back({p, e, "org.abbreviation", attrs});
        p = e;
      }
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const OrgHit& a, const OrgHit& b) { return a.begin < b.begin; });
  std::string lc = im.LastCountryBefore(text.size());
  if (!lc.empty()) im.last_country = lc;
  return hits;
}

}  // namespace bulletin
