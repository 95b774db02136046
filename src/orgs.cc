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
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "clone_pool.h"
#include "layout.h"
#include "lazy_regex.h"
#include "normalize.h"
#include "text_util.h"

namespace bulletin {

namespace {

// The byte after the character starting at byte `i` of `s` (decoded as
// CodePointOffsets decodes).
size_t NextChar(std::string_view s, size_t i) {
  auto u = reinterpret_cast<const uint8_t*>(s.data());
  int32_t k = static_cast<int32_t>(i), n = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_NEXT(u, k, n, c);
  (void)c;
  return static_cast<size_t>(k);
}

// Code points in `s`, without building a list of them.
int CountChars(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); i = NextChar(s, i)) ++n;
  return n;
}

// True when `s` holds a Han character.
bool HasHan(std::string_view s) {
  auto u = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (u[i] < 0xE2) {  // ASCII, a continuation or a lead below U+2000
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(u, i, n, c);
    if (c >= 0 && IsHan(static_cast<char32_t>(c))) return true;
  }
  return false;
}

}  // namespace

struct OrgMatcher::Impl {
  struct Org {
    std::string name, kind, country;
  };
  std::vector<Org> orgs;
  std::map<std::string, std::vector<int>, std::less<>> alias;  // folded alias → orgs
  // One byte trie over case-folded keys: the gazetteer's aliases, the
  // countries' names and the organisation suffixes. Walked from each
  // character start, it yields every key starting there: one pass over the
  // text finds organisations, country mentions and suffix candidates.
  static constexpr uint8_t kAlias = 1, kCountry = 2, kSuffix = 4,
                           kLatinSuffix = 8, kProvince = 16;
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
  std::map<std::string, std::string, std::less<>> country_iso;
  std::vector<std::pair<std::string, std::string>> countries;  // long first
  std::set<std::string, std::less<>> short_countries;
  std::map<std::string, std::string, std::less<>> suffix_kind;
  // org_suffixes.txt: "legal" or "distinct" per suffix; branch words
  // (longest first), national heads, scope words, conjunctions that may
  // stand inside a name.
  std::map<std::string, std::string, std::less<>> suffix_flag;
  std::vector<std::string> branches;
  std::set<std::string, std::less<>> heads, scopes, conjs, prefixes;
  std::vector<std::string> intros, quotes;  // 以下简称, “
  // Separators of the names in an abbreviation bracket (，), and words an
  // abbreviation never contains (的).
  std::vector<std::string> seps, abbr_stops;
  std::unique_ptr<RE2> abbr_sep_re;  // seps and intros, one alternation
  // places.tsv: surface → (region, province); the provinces' surfaces.
  struct Place {
    std::string region, province;
  };
  std::map<std::string, Place, std::less<>> places;
  std::set<std::string, std::less<>> provinces;
  std::set<std::string, std::less<>> generic;  // org_generic.txt
  // The longest prefix of `s` (up to 8 characters) that is in `set`-like
  // `has`, or "".
  template <typename F>
  static std::string LongestPrefix(std::string_view s, F has) {
    // The ends of the first 8 characters, then the longest first.
    size_t ends[8];
    size_t n = 0;
    for (size_t i = 0; i < s.size() && n < 8;) {
      i = NextChar(s, i);
      ends[n++] = i;
    }
    for (; n >= 1; --n) {
      std::string_view p = s.substr(0, ends[n - 1]);
      if (has(p)) return std::string(p);
    }
    return "";
  }
  // The longest suffix of `s` (up to 8 characters) for which `has` holds,
  // or "".
  template <typename F>
  static std::string LongestSuffixOf(std::string_view s, F has) {
    // The starts of the last 8 characters (a ring), longest suffix first.
    size_t starts[8];
    size_t n = 0;
    for (size_t i = 0; i < s.size(); i = NextChar(s, i)) starts[n++ % 8] = i;
    for (size_t k = n > 8 ? n - 8 : 0; k < n; ++k) {
      std::string_view t = s.substr(starts[k % 8]);
      if (has(t)) return std::string(t);
    }
    return "";
  }
  // True when `s` is made only of generic words (greedy, longest first).
  bool AllGeneric(std::string_view s) const {
    size_t i = 0;
    while (i < s.size()) {
      // One-character country forms count too: 美韩两国政府.
      std::string w = LongestPrefix(s.substr(i), [&](std::string_view p) {
        return generic.count(p) > 0 || short_countries.count(p) > 0;
      });
      if (w.empty()) return false;
      i += w.size();
    }
    return true;
  }
  bool has_suffixes = false;
  std::unique_ptr<RE2> latin_name_re;
  // Suffixes after a Latin name → is a legal form like Inc. (kept in the
  // name) rather than 公司/集团.
  std::map<std::string, bool, std::less<>> latin_suffixes;
  // Company words (org_suffixes.txt "tail" lines) that join a gazetteer
  // name they follow: after a Han name (应用材料公司) or a Latin one
  // (PhotonDelta集团, Vedanta 集团), longest first.
  std::vector<std::string> han_tails, latin_tails;
  std::set<std::string, std::less<>> stopwords, reject;
  // ICU's word iterator, one copy per thread at work (Find).
  std::unique_ptr<ClonePool<icu::BreakIterator>> words;

  // ASCII letters to lower case (what std::tolower does in the C locale,
  // which the program never leaves), every other byte as it is.
  static std::string Fold(const std::string& s) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    return out;
  }
  int AddOrg(const Org& o) {
    orgs.push_back(o);
    return static_cast<int>(orgs.size()) - 1;
  }
  std::string CountryEndingAt(const std::string& text, size_t pos,
                              bool allow_short) const;
  // Country mentions of a text: (end byte, ISO code), in text order.
  using Mentions = std::vector<std::pair<size_t, std::string>>;
  // ISO code of the last country of `mentions` ending at or before byte
  // `pos`, or "".
  static std::string LastCountryBefore(const Mentions& mentions, size_t pos);
  // The value of `key` in `m`, or an empty one. Never inserts: the tables
  // are read by every thread at once.
  template <typename M>
  static const typename M::mapped_type& ValueOr(const M& m,
                                                std::string_view key) {
    static const typename M::mapped_type kEmpty{};
    auto it = m.find(key);
    return it != m.end() ? it->second : kEmpty;
  }
  bulletin::Attrs Attrs(int org) const;
};

OrgMatcher::~OrgMatcher() = default;

const OrgMatcher::Impl& OrgMatcher::Tables() const {
  std::call_once(built_, [this] {
    // The built-in tables, which ctest loads without an error
    // (tests/unit/lazy_regex_test.cc): there is nothing to report.
    std::vector<Status> errors;
    impl_ = Build(RuleFiles::Builtin(), &errors);
    if (!impl_) {
      for (const auto& e : errors)
        std::fprintf(stderr, "bulletin-extract: %s\n", e.ToString().c_str());
      std::abort();  // a broken build: ctest fails first
    }
  });
  return *impl_;
}

namespace {

// An ASCII letter or digit (std::isalnum in the C locale).
bool IsAsciiWord(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}


}  // namespace

std::unique_ptr<OrgMatcher> OrgMatcher::Load(const RuleFiles& files,
                                             std::vector<Status>* errors) {
  auto m = std::unique_ptr<OrgMatcher>(new OrgMatcher);
  if (OnlyBuiltin(files)) return m;  // built by Tables() on first use
  m->impl_ = Build(files, errors);
  if (!m->impl_) return nullptr;
  std::call_once(m->built_, [] {});
  return m;
}

std::unique_ptr<OrgMatcher::Impl> OrgMatcher::Build(
    const RuleFiles& files, std::vector<Status>* errors) {
  auto m = std::make_unique<Impl>();
  Impl& im = *m;
  size_t before = errors->size();
  std::vector<std::string> aliases;
  std::map<std::string, int> by_name;
  for (const char* table : {"orgs.tsv", "orgs_lists.tsv"}) {
    for (const auto& row :
         ReadTable(files, table, 4, "NAME<TAB>KIND<TAB>COUNTRY<TAB>ALIASES",
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
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
          ids.push_back(id);
        aliases.push_back(a);
      }
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
    } else if (cols[0] == "branch" || cols[0] == "head" ||
               cols[0] == "prefix" ||
               cols[0] == "scope" || cols[0] == "conj" ||
               cols[0] == "intro" || cols[0] == "quote" ||
               cols[0] == "sep" || cols[0] == "abbr_stop") {
      if (cols.size() < 2) {
        errors->push_back(row.Error(1, "expected " + cols[0] + "<TAB>WORD"));
        continue;
      }
      std::string word = Trim(cols[1]);
      if (cols[0] == "branch") im.branches.push_back(word);
      if (cols[0] == "head") im.heads.insert(word);
      if (cols[0] == "prefix") im.prefixes.insert(word);
      if (cols[0] == "scope") im.scopes.insert(word);
      if (cols[0] == "conj") im.conjs.insert(word);
      if (cols[0] == "intro") im.intros.push_back(word);
      if (cols[0] == "quote") im.quotes.push_back(word);
      if (cols[0] == "sep") im.seps.push_back(word);
      if (cols[0] == "abbr_stop") im.abbr_stops.push_back(word);
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
      std::string kind = cols.size() >= 2 ? Trim(cols[1]) : "";
      im.suffix_kind[suffix] = kind == "-" ? "" : kind;
      if (cols.size() >= 3) im.suffix_flag[suffix] = Trim(cols[2]);
    }
  }
  for (const auto& row : ReadTable(files, "org_stopwords.txt", 0, "", errors)) {
    std::string s = Trim(row.text);
    if (s[0] == '!')
      im.reject.insert(Trim(s.substr(1)));
    else
      im.stopwords.insert(s);
  }
  std::sort(im.branches.begin(), im.branches.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& row :
       ReadTable(files, "places.tsv", 4,
                 "SURFACE<TAB>REGION<TAB>LEVEL<TAB>PROVINCE", errors)) {
    const auto& cols = row.cols;
    im.places[cols[0]] = {Trim(cols[1]), Trim(cols[3])};
    if (Trim(cols[2]) == "province") im.provinces.insert(cols[0]);
  }
  for (const auto& w : im.provinces) im.trie.Add(Impl::Fold(w), Impl::kProvince);
  for (const auto& row : ReadTable(files, "org_generic.txt", 0, "", errors)) {
    std::string w = Trim(row.text);
    if (!w.empty()) im.generic.insert(w);
  }
  // Leftmost-first over alternatives sorted longest first gives the longest
  // alias at the leftmost position, and lets the DFA stop early.
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(256 << 20);
  for (const auto& a : aliases) im.trie.Add(Impl::Fold(a), Impl::kAlias);
  for (const auto& w : im.branches) {
    han_suffixes.push_back(w);
    im.suffix_flag[w] = "branch";
  }
  for (const auto& suffix : han_suffixes) im.trie.Add(suffix, Impl::kSuffix);
  im.has_suffixes = !han_suffixes.empty();
  {
    std::string alt;
    for (const auto* list : {&im.seps, &im.intros})
      for (const auto& w : *list)
        if (!w.empty()) alt += (alt.empty() ? "" : "|") + RE2::QuoteMeta(w);
    im.abbr_sep_re = std::make_unique<RE2>(
        alt.empty() ? std::string("[^\\x00-\\x{10FFFF}]") : "(" + alt + ")", opt);
  }
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
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_SUCCESS(status))
    im.words = std::make_unique<ClonePool<icu::BreakIterator>>(std::move(words));
  else
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
    std::string_view cand = std::string_view(text).substr(start, pos - start);
    auto it = country_iso.find(cand);
    if (it == country_iso.end() || !HasHan(cand)) continue;
    if (!allow_short && short_countries.count(cand)) continue;
    best = it->first;
  }
  return best;
}

std::string OrgMatcher::Impl::LastCountryBefore(const Mentions& mentions,
                                                size_t pos) {
  auto it =
      std::upper_bound(mentions.begin(), mentions.end(), pos,
                       [](size_t p, const std::pair<size_t, std::string>& m) {
                         return p < m.first;
                       });
  if (it == mentions.begin()) return "";
  return (it - 1)->second;
}

bulletin::Attrs OrgMatcher::Impl::Attrs(
    int org) const {
  const Org& o = orgs[org];
  bulletin::Attrs a = {
      {"name", AttrValue::String(o.name)}};
  if (!o.kind.empty()) a.push_back({"kind", AttrValue::String(o.kind)});
  if (!o.country.empty()) a.push_back({"country", AttrValue::String(o.country)});
  return a;
}

std::vector<OrgHit> OrgMatcher::Find(const std::string& text,
                                     OrgContext* doc) const {
  const Impl& im = Tables();
  Impl::Mentions mentions;
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
          const bulletin::Attrs& attrs) {
        // 全称（缩写）: the bracketed names become aliases of `org`.
        static const RE2 kParen("^[(\\x{FF08}]([^()\\x{FF08}\\x{FF09}]{1,60})[)\\x{FF09}]");
        re2::StringPiece rest(text.data() + end, text.size() - end), inner;
        if (!RE2::PartialMatch(rest, kParen, &inner)) return;
        size_t open = text.compare(end, kWideOpenParen.size(), kWideOpenParen) == 0
                          ? kWideOpenParen.size()
                          : 1;
        std::string content(inner);
        size_t base = end + open;
        // Split on the separators and introducing words (sep, intro).
        const RE2& kSep = *im.abbr_sep_re;
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
          // “晶华微”: the quotation marks are not part of the name.
          for (bool again = true; again && e > b;) {
            again = false;
            for (const auto& q : im.quotes) {
              if (e - b >= q.size() && content.compare(b, q.size(), q) == 0) {
                b += q.size();
                again = true;
              }
              if (e - b >= q.size() &&
                  content.compare(e - q.size(), q.size(), q) == 0) {
                e -= q.size();
                again = true;
              }
            }
          }
          if (e <= b) continue;
          std::string name = content.substr(b, e - b);
          bool han = HasHan(name);
          int cps = static_cast<int>(CodePointOffsets(name).size()) - 1;
          if (han ? cps > 12 ||
                        std::any_of(im.abbr_stops.begin(), im.abbr_stops.end(),
                                    [&](const std::string& w) {
                                      return name.find(w) != std::string::npos;
                                    })
                  : cps > 40 ||
                        !std::isalpha(static_cast<unsigned char>(name[0])))
            continue;
          bool is_country =
              im.country_iso.count(name) > 0 || im.places.count(name) > 0 ||
              im.generic.count(name) > 0 || im.suffix_kind.count(name) > 0;
          if (is_country || im.stopwords.count(name)) continue;
          doc->aliases[Impl::Fold(name)] = attrs;
          size_t hb = base + b, he = base + e;
          if (!overlaps(hb, he))
            hits.push_back({hb, he, "org.abbreviation", attrs});
        }
      };

  // Dictionary word boundaries (ICU), for short aliases and left edges.
  // Segmenting is costly, so it runs only on the pieces of the text where a
  // boundary is asked for: the text is cut after each line end and each
  // full stop, exclamation or question mark, and after a full-width comma,
  // ideographic comma, semicolon or colon that stands between two Han
  // characters (there a word always ends and ICU's dictionary looks at each
  // Han run alone, so a piece has the boundaries the whole text would
  // have), and each piece is segmented once, when first needed. `bounds`
  // holds the boundaries of the pieces segmented so far, sorted. A walk
  // left that crosses a piece's start meets that punctuation and stops.
  // (The marks are punctuation.tsv's stop and pause lists.)
  const Punctuation& marks = Punct();
  std::vector<size_t> bounds;
  std::vector<size_t> piece_at;  // piece starts; the text's end last
  std::vector<bool> piece_done;
  // The word iterator, taken from the pool when first needed.
  std::optional<ClonePool<icu::BreakIterator>::Lease> word_it;
  auto segment = [&](size_t from, size_t to) {
    if (piece_at.empty()) {
      piece_at.push_back(0);
      const auto* u = reinterpret_cast<const uint8_t*>(text.data());
      int32_t n = static_cast<int32_t>(text.size());
      UChar32 c2 = -1, c1 = -1;  // the two code points before `c`
      for (int32_t i = 0; i < n;) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(u, i, n, c);
        // A pause (，、；：) between two Han characters ends a piece.
        if (c1 >= 0 && Punctuation::In(marks.pause, static_cast<char32_t>(c1)) &&
            c2 >= 0 && IsHan(static_cast<char32_t>(c2)) && c >= 0 &&
            IsHan(static_cast<char32_t>(c)))
          piece_at.push_back(static_cast<size_t>(at));
        c2 = c1;
        c1 = c;
        // A line end, 。, ！ or ？ ends a piece.
        if ((c == '\n' ||
             (c >= 0 && Punctuation::In(marks.stop, static_cast<char32_t>(c)))) &&
            i < n)
          piece_at.push_back(static_cast<size_t>(i));
      }
      piece_at.push_back(text.size());
      piece_done.assign(piece_at.size() - 1, false);
    }
    auto piece_of = [&](size_t p) {
      size_t k = std::upper_bound(piece_at.begin(), piece_at.end(), p) -
                 piece_at.begin();
      return std::min(k, piece_at.size() - 1) - 1;
    };
    for (size_t k = piece_of(from), last = piece_of(to); k <= last; ++k) {
      if (piece_done[k]) continue;
      piece_done[k] = true;
      size_t b = piece_at[k], e = piece_at[k + 1];
      std::vector<size_t> got;
      UErrorCode status = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, text.data() + b,
                                 static_cast<int64_t>(e - b), &status);
      if (!word_it) word_it.emplace(im.words->Get());
      icu::BreakIterator& it = **word_it;
      it.setText(ut, status);
      for (int32_t x = it.first(); x != icu::BreakIterator::DONE; x = it.next())
        got.push_back(b + static_cast<size_t>(x));
      utext_close(ut);
      // Pieces are mostly asked for left to right: then this appends.
      auto at = std::lower_bound(bounds.begin(), bounds.end(), b);
      if (at != bounds.end() && *at == b) ++at;  // the end of the piece before
      if (!got.empty() && got.front() == b && at != bounds.begin() &&
          *(at - 1) == b)
        got.erase(got.begin());
      if (at != bounds.end() && !got.empty() && got.back() == *at)
        got.pop_back();  // the start of the piece after
      bounds.insert(at, got.begin(), got.end());
    }
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

  // The longest place (places.tsv) ending at byte `pos` and starting on a
  // word boundary, as the new start; else `pos`.
  auto place_start = [&](size_t pos) {
    std::string_view before = std::string_view(text).substr(
        pos > 24 ? pos - 24 : 0, pos > 24 ? 24 : pos);
    for (size_t i = 0; i < before.size(); i = NextChar(before, i)) {
      std::string_view tail = before.substr(i);
      if (!im.places.count(tail)) continue;
      size_t nb = pos - tail.size();
      return !han_at(nb, true) || is_bound(nb) ? nb : pos;
    }
    return pos;
  };

  // 1. One walk over the text: country mentions, suffix candidates, and
  // the gazetteer's organisations (a later start may not overlap a hit).
  std::vector<std::pair<size_t, size_t>> suffix_cands;  // [begin, end)
  std::vector<std::pair<size_t, size_t>> latin_cands;   // Inc., 公司 ...
  // Every province named in the text: (end, begin), from the walk.
  std::vector<std::pair<size_t, size_t>> province_at;
  {
    const std::string folded_text = Impl::Fold(text);
    const std::string_view view(text), folded(folded_text);
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
      for (const auto& [end, kinds] : ends)
        if ((kinds & Impl::kProvince) &&
            im.provinces.count(view.substr(b, end - b)))
          province_at.push_back({end, b});
      for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
        if (it->second & Impl::kCountry) {
          auto c = im.country_iso.find(view.substr(b, it->first - b));
          mentions.push_back(
              {it->first, c != im.country_iso.end()
                              ? c->second
                              : Impl::ValueOr(im.country_iso,
                                              view.substr(b, it->first - b))});
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
      bool latin = false;
      for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
        if (!(it->second & Impl::kAlias)) continue;
        size_t end = it->first;
        std::string_view cand = view.substr(b, end - b);
        bool lat = !HasHan(cand);
        if (lat &&
            ((b > 0 && IsAsciiWord(text[b - 1]) && IsAsciiWord(text[b])) ||
             (end < text.size() && IsAsciiWord(text[end]) &&
              IsAsciiWord(text[end - 1]))))
          continue;
        // A two-character Han alias inside a longer word (集成电路 is not
        // 成电) must stand on dictionary word boundaries.
        if (!lat && CountChars(cand) <= 2 &&
            ((han_at(b, true) && !is_bound(b)) ||
             (han_at(end, false) && !is_bound(end))))
          continue;
        e = end;
        latin = lat;
        break;
      }
      if (e == 0) continue;
      // The folded text is the folded alias (Fold works byte by byte).
      auto it = im.alias.find(folded.substr(b, e - b));
      if (it == im.alias.end()) continue;
      std::string prefix = im.CountryEndingAt(text, b, false);
      std::string iso =
          prefix.empty() ? Impl::LastCountryBefore(mentions, b) : iso_of(prefix);
      if (iso.empty()) iso = doc->last_country;
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
      // 青岛 + 芯恩集成电路有限公司: a place before a registered name
      // (with its company word) is part of it.
      if (prefix.empty() && e > it->first.size() + b && !latin) {
        b = place_start(b);
      }
      // 哈尔滨工业大学（深圳）: a bracketed place right after a name is its
      // campus or seat, part of the name (no abbreviation to learn).
      if (!latin) {
        static const RE2 kPlaceGroup(
            "^[(\\x{FF08}](\\p{Han}{2,8})[)\\x{FF09}]");
        re2::StringPiece rest(text.data() + e, text.size() - e), inner;
        if (RE2::PartialMatch(rest, kPlaceGroup, &inner) &&
            im.places.count(std::string(inner))) {
          size_t close = inner.data() + inner.size() - text.data();
          e = close + (text[close] == ')' ? 1 : kWideCloseParen.size());
        }
      }
      // Cerebras Systems + Inc.: a legal form after a Latin name joins it.
      if (latin) {
        size_t t2 = e;
        if (t2 < text.size() && text[t2] == ',') ++t2;
        if (t2 < text.size() && text[t2] == ' ') ++t2;
        size_t best = e;
        for (const auto& [suf, legal] : im.latin_suffixes) {
          if (!legal || t2 == e || text.compare(t2, suf.size(), suf) != 0)
            continue;
          size_t after = t2 + suf.size();
          if (after < text.size() && IsAsciiWord(text[after])) continue;
          best = std::max(best, after);
        }
        e = best;
      }
      if (overlaps(b, e)) continue;
      hits.push_back({b, e, "org.gazetteer", im.Attrs(org)});
      hit_end = e;
      learn_abbreviations(e, im.Attrs(org));
    }
  }
  // The province named last before byte `pos` of the text, else the one
  // of the article so far (full name, 江苏省), or "". The mentions are
  // sorted by end; `latest[i]` is the one starting last (the longest on a
  // tie) among the first i + 1, so a query is one binary search.
  std::sort(province_at.begin(), province_at.end());
  std::vector<std::pair<size_t, size_t>> latest;  // (begin, length)
  for (auto [end, begin] : province_at) {
    std::pair<size_t, size_t> m{begin, end - begin};
    latest.push_back(latest.empty() ? m : std::max(latest.back(), m));
  }
  auto province_before = [&](size_t pos) {
    auto it = std::upper_bound(
        province_at.begin(), province_at.end(), pos,
        [](size_t p, const std::pair<size_t, size_t>& m) { return p < m.first; });
    if (it == province_at.begin()) return doc->last_province;
    auto [begin, len] = latest[it - province_at.begin() - 1];
    return Impl::ValueOr(im.places, std::string_view(text).substr(begin, len))
        .province;
  };
  // 1b. A government body of the gazetteer after a place or a scope word is
  // that place's body, not the national one: 广东省发改委, 省发改委.
  for (auto& h : hits) {
    if (h.rule != "org.gazetteer") continue;
    bool gov = false;
    for (const auto& [k, v] : h.attrs)
      if (k == "kind" && v == AttrValue::String("government")) gov = true;
    if (h.begin == 0) continue;
    // 國立 + 中山大學: a prefix word makes another organisation.
    std::string pre = Impl::LongestSuffixOf(
        std::string_view(text).substr(h.begin > 24 ? h.begin - 24 : 0,
                                      h.begin > 24 ? 24 : h.begin),
        [&](std::string_view w) { return im.prefixes.count(w) > 0; });
    if (!pre.empty()) {
      h.begin -= pre.size();
      std::string name = text.substr(h.begin, h.end - h.begin);
      bulletin::Attrs a = {
          {"name", AttrValue::String(name)}};
      for (const auto& [k, v] : h.attrs)
        if (k == "kind") a.push_back({k, v});
      h.attrs = a;
      h.rule = "org.suffix";
      continue;
    }
    // 深圳市 + 半导体行业协会: an alias of generic words is a kind of body,
    // and a place before it makes it that place's body.
    std::string surface = text.substr(h.begin, h.end - h.begin);
    std::string sfx = Impl::LongestSuffixOf(
        surface, [&](std::string_view w) { return im.suffix_kind.count(w); });
    bool generic_alias = !sfx.empty() && sfx.size() < surface.size() &&
                         im.AllGeneric(surface.substr(0, surface.size() - sfx.size()));
    if (!gov && !generic_alias) continue;
    std::string_view before = std::string_view(text).substr(
        h.begin > 24 ? h.begin - 24 : 0, h.begin > 24 ? 24 : h.begin);
    std::string place, scope;
    for (size_t i = 0; i < before.size(); i = NextChar(before, i)) {
      std::string_view tail = before.substr(i);
      if (place.empty() && im.places.count(tail)) place = std::string(tail);
      if (scope.empty() && im.scopes.count(tail)) scope = std::string(tail);
    }
    if (!place.empty()) {
      const auto& pl = Impl::ValueOr(im.places, place);
      size_t b = h.begin - place.size();
      std::string name = text.substr(b, h.end - b);
      std::string kind = "government";
      for (const auto& [k, v] : h.attrs)
        if (k == "kind" && !gov) kind = v.text();
      h.attrs = {{"name", AttrValue::String(name)},
                 {"kind", AttrValue::String(kind)},
                 {"country", AttrValue::String(pl.region)}};
      h.begin = b;
      h.rule = "org.suffix";
      if (!pl.province.empty()) doc->last_province = pl.province;
    } else if (!scope.empty() && gov) {
      size_t b = h.begin - scope.size();
      if (han_at(b, true)) {
        // The scope word must start the name: 全省发改委 is no body.
        size_t c = b;
        auto u = reinterpret_cast<const uint8_t*>(text.data());
        int32_t i = static_cast<int32_t>(c);
        UChar32 ch;
        U8_PREV(u, 0, i, ch);
        std::string prev = text.substr(static_cast<size_t>(i), c - i);
        if (!im.stopwords.count(prev)) continue;
      }
      std::string prov = province_before(b);
      std::string name = text.substr(b, h.end - b);
      if (!prov.empty())
        name = prov.size() >= scope.size() &&
                       prov.compare(prov.size() - scope.size(), scope.size(),
                                    scope) == 0
                   ? prov + text.substr(h.begin, h.end - h.begin)
                   : prov + name;
      h.attrs = {{"name", AttrValue::String(name)},
                 {"kind", AttrValue::String("government")},
                 {"country", AttrValue::String("CN")}};
      h.begin = b;
      h.rule = "org.suffix";
    } else if (generic_alias && han_at(h.begin, true) &&
               is_bound(h.begin)) {
      // 臺中市政府 + 經濟發展局: a generic alias glued to the word before
      // it belongs to a longer name; the form pass finds it, or nothing.
      size_t c = h.begin;
      auto u = reinterpret_cast<const uint8_t*>(text.data());
      int32_t i = static_cast<int32_t>(c);
      UChar32 ch;
      U8_PREV(u, 0, i, ch);
      std::string prev = text.substr(static_cast<size_t>(i), c - i);
      std::string_view left = std::string_view(text).substr(
          h.begin > 24 ? h.begin - 24 : 0, h.begin > 24 ? 24 : h.begin);
      bool after_name = !Impl::LongestSuffixOf(left, [&](std::string_view w) {
                           return im.suffix_kind.count(w) > 0;
                         }).empty();
      if (after_name && !im.stopwords.count(prev) && !im.conjs.count(prev))
        h.end = h.begin;
    }
  }
  hits.erase(std::remove_if(hits.begin(), hits.end(),
                            [](const OrgHit& h) { return h.end == h.begin; }),
             hits.end());
  // An abbreviation introduced right after byte `at`: （ABBR）, or a
  // bracket starting with an introducing word (以下简称) or a quotation mark.
  auto abbreviation_after = [&](size_t at) {
    static const RE2 kLatin("^[(\\x{FF08}][A-Z][A-Z0-9&\\-]{1,11}[)\\x{FF09}]");
    re2::StringPiece rest(text.data() + at, text.size() - at);
    if (RE2::PartialMatch(rest, kLatin)) return true;
    size_t open = text.compare(at, kWideOpenParen.size(), kWideOpenParen) == 0
                      ? kWideOpenParen.size()
                  : (at < text.size() && text[at] == '(') ? 1 : 0;
    if (!open) return false;
    size_t in = at + open;
    for (const auto& w : im.intros)
      if (text.compare(in, w.size(), w) == 0) return true;
    for (const auto& q : im.quotes)
      if (text.compare(in, q.size(), q) == 0) return true;
    return false;
  };
  // 2. Unknown organisations by their form: a name ending in a suffix of
  // org_suffixes.txt (leftmost-longest, chained: 研究所 + 有限公司), its left
  // edge found by walking back over ICU dictionary words.
  if (im.has_suffixes && im.words) {
    std::map<size_t, size_t> cand_at(suffix_cands.begin(), suffix_cands.end());
    auto han_only = [&](std::string_view w) {
      for (char32_t c : ToCodePoints(w))
        if (!IsHan(c)) return false;
      return !w.empty();
    };
    auto is_place = [&](std::string_view w) {
      return im.places.count(w) > 0 ||
             (im.country_iso.count(w) > 0 && !im.short_countries.count(w));
    };
    // A bracketed run of 1 to 8 Han characters right after/before a byte.
    auto paren_after = [&](size_t at) -> size_t {
      static const RE2 kGroup("^[(\\x{FF08}](\\p{Han}{1,8})[)\\x{FF09}]");
      re2::StringPiece rest(text.data() + at, text.size() - at), whole;
      if (!RE2::PartialMatch(rest, kGroup)) return 0;
      size_t close = std::min(text.find(')', at + 1),
                              text.find(kWideCloseParen, at + 1));
      if (close == std::string::npos) return 0;
      return close + (text[close] == ')' ? 1 : 3);
    };
    size_t pos = 0;
    for (const auto& cand : suffix_cands) {
      // Plain variables, not a structured binding: the lambdas below capture
      // them, which C++17 (and clang) only allow for variables.
      auto sb = cand.first;
      auto se = cand.second;
      if (sb < pos) continue;
      pos = se;
      std::string suffix = text.substr(sb, se - sb);
      std::string kind = Impl::ValueOr(im.suffix_kind, suffix);
      std::string flag = Impl::ValueOr(im.suffix_flag, suffix);
      // A suffix that starts inside a dictionary word (签署, 格局) is none.
      // A one-character suffix that ends a dictionary word (签署, 格局) is
      // none; a longer one may (创新联盟, 行业协会).
      if (CountChars(suffix) == 1 && han_at(sb, true) && !is_bound(sb)) {
        auto wt = std::upper_bound(bounds.begin(), bounds.end(), sb);
        if (wt == bounds.begin() || CountChars(text.substr(
                                        *(wt - 1), se - *(wt - 1))) <= 2)
          continue;  // 签署, 格局; 檢驗局 is a name's end
      }
      // Nor is a suffix inside a longer word (部长, 大学生); 分行为 is 分行.
      if (han_at(se, false) && !is_bound(se) && !cand_at.count(se)) {
        auto wt = std::upper_bound(bounds.begin(), bounds.end(), se);
        if (wt != bounds.begin() && *(wt - 1) <= sb) continue;
      }
      // A suffix inside a gazetteer name (英特尔公司) is that name's.
      bool inside = false;
      for (const auto& h : hits)
        if (h.begin <= sb && se <= h.end) inside = true;
      if (inside) continue;
      // Extend right: chained suffixes, a bracketed place or 集团 before
      // one (（上海）股份有限公司), a branch (上海分行).
      size_t e = se;
      bool branch = flag == "branch";
      for (int guard = 0; guard < 4; ++guard) {
        auto c = cand_at.find(e);
        if (c != cand_at.end() &&
            Impl::ValueOr(im.suffix_kind,
                          std::string_view(text).substr(
                              c->first, c->second - c->first)) ==
                "company") {
          std::string s2 = text.substr(c->first, c->second - c->first);
          kind = Impl::ValueOr(im.suffix_kind, s2);
          if (Impl::ValueOr(im.suffix_flag, s2) == "legal" || flag.empty())
            flag = Impl::ValueOr(im.suffix_flag, s2);
          e = c->second;
          pos = std::max(pos, e);
          continue;
        }
        size_t g = paren_after(e);
        if (g && cand_at.count(g)) {
          e = g;
          continue;
        }
        break;
      }
      // Walk left over dictionary words.
      size_t p = sb;
      {
        // （上海）股份有限公司: the bracket belongs to the name.
        if (p >= 3 && (text.compare(p - 3, 3, kWideCloseParen) == 0 ||
                       text[p - 1] == ')')) {
          size_t open = text.rfind(kWideOpenParen, p);
          size_t open2 = text.rfind('(', p);
          if (open == std::string::npos ||
              (open2 != std::string::npos && open2 > open))
            open = open2;
          if (open != std::string::npos && p - open <= 30 &&
              paren_after(open) == p)
            p = open;
        }
      }
      segment(p, e);
      bool too_long = false;
      bool clean_edge = true;  // the walk ended at punctuation or the start
      bool absorbed = false;   // the walk took a known name as the start
      size_t conj_at = 0;
      int chars = 0;
      while (p > 0) {
        auto jt = std::lower_bound(bounds.begin(), bounds.end(), p);
        if (jt == bounds.begin()) break;
        size_t q = *(jt - 1);
        // A bracketed place inside the name: 紫光展锐（上海）科技有限公司.
        if (p >= 3 && text.compare(p - 3, 3, kWideCloseParen) == 0) {
          size_t open = text.rfind(kWideOpenParen, p);
          if (open != std::string::npos && p - open <= 30 &&
              paren_after(open) == p &&
              is_place(text.substr(open + 3, p - 6 - open))) {
            p = open;
            continue;
          }
        }
        // A gazetteer name ending here is taken whole, as the name's start.
        absorbed = false;
        for (const auto& h : hits)
          if (h.end == p && h.begin < p &&
              HasHan(std::string_view(text).substr(h.begin,
                                                   h.end - h.begin))) {
            q = h.begin;
            absorbed = true;
          }
        if (absorbed) {
          if (conj_at) break;  // 甲大学与乙大学: two names
          p = q;
          // 成都 + 海光 + 集成电路设计有限公司
          p = place_start(p);
          break;
        }
        // 晶合集成 + 电路股份有限公司: a name ending inside this word cuts
        // it; the next step takes the name whole.
        bool crosses = false;
        for (const auto& h : hits) {
          if (q < h.end && h.end < p) q = std::max(q, h.end);
          if (q < h.begin && h.begin < p) crosses = true;
        }
        if (crosses) break;
        std::string word = text.substr(q, p - q);
        if (!han_only(word)) break;
        // A stop word ends the walk, unless it is a generic word before a
        // company form (日月光 + 投資控股股份有限公司).
        if (!im.conjs.count(word) && im.stopwords.count(word) &&
            !(flag == "legal" && kind == "company" && im.generic.count(word))) {
          clean_edge = false;
          break;
        }
        if (im.conjs.count(word)) {
          if (conj_at) break;
          conj_at = p;
        }
        chars += CountChars(word);
        if (chars > 24) {
          too_long = true;
          break;
        }
        p = q;
      }
      if (too_long) continue;
      // Stop words glued into the first dictionary word: 向商务部 → 商务部.
      while (p < sb) {
        auto cps = CodePointOffsets(text.substr(p, sb - p));
        std::string first = text.substr(p, cps[1]);
        if (!im.stopwords.count(first) && !im.conjs.count(first)) break;
        p += first.size();
        clean_edge = false;
      }
      // 此前 split as 此 / 前福建省: a character left before a province.
      if (p < sb) {
        auto cps = CodePointOffsets(text.substr(p, sb - p));
        if (cps.size() > 3) {
          std::string rest = text.substr(p + cps[1], sb - p - cps[1]);
          std::string pl = Impl::LongestPrefix(rest, [&](std::string_view w) {
            return im.provinces.count(w) > 0;
          });
          std::string whole = Impl::LongestPrefix(
              text.substr(p, sb - p),
              [&](std::string_view w) { return im.places.count(w) > 0; });
          if (!pl.empty() && whole.empty()) p += cps[1];
        }
      }
      auto head_of = [&](size_t from) {
        std::string stem = text.substr(from, sb - from);
        std::string place = Impl::LongestPrefix(
            stem, [&](std::string_view w) { return is_place(w); });
        std::string nat = Impl::LongestPrefix(
            stem, [&](std::string_view w) { return im.heads.count(w) > 0; });
        return std::make_pair(place, nat);
      };
      // 苏州纳米技术与纳米仿生研究所: a conjunction stays inside a name only
      // when the name starts with a place or a national head and what
      // follows it does not start a name of its own.
      if (conj_at && p < conj_at) {
        auto [pl, nat] = head_of(p);
        std::string left = text.substr(p, conj_at - p);
        auto [rpl, rnat] = head_of(conj_at);
        bool left_is_name = false;
        for (const auto& [sfx, k] : im.suffix_kind) {
          (void)k;
          std::string l = left;
          // left ends with "SUFFIX<conj>"
          for (const auto& cw : im.conjs)
            if (l.size() > cw.size() &&
                l.compare(l.size() - cw.size(), cw.size(), cw) == 0)
              l = l.substr(0, l.size() - cw.size());
          if (l.size() >= sfx.size() &&
              l.compare(l.size() - sfx.size(), sfx.size(), sfx) == 0)
            left_is_name = true;
        }
        if ((pl.empty() && nat.empty()) || !rpl.empty() || !rnat.empty() ||
            left_is_name)
          p = conj_at;
      }
      std::string name = text.substr(p, e - p);
      std::string stem = text.substr(p, sb - p);
      if (stem.empty() || im.reject.count(name) || im.reject.count(stem) ||
          !HasHan(stem))
        continue;
      // 联盟 + 组织 (to organise): a kind-less suffix right after another
      // suffix is a word of the sentence.
      if (kind.empty() &&
          !Impl::LongestSuffixOf(stem, [&](std::string_view w) {
             return im.suffix_kind.count(w) > 0;
           }).empty())
        continue;
      // The gazetteer name this one starts with, if any.
      const OrgHit* gaz = nullptr;
      for (const auto& h : hits)
        if (h.begin == p && h.end <= sb) gaz = &h;
      bool partial = false;
      for (const auto& h : hits)
        if (h.begin < e && p < h.end && !(p <= h.begin && h.end <= e))
          partial = true;
      if (partial) continue;
      auto [place, nat] = head_of(p);
      std::string scope;
      for (const auto& w : im.scopes)
        if (stem.compare(0, w.size(), w) == 0 && stem.size() > w.size() &&
            w.size() > scope.size())
          scope = w;
      if (!place.empty()) scope.clear();
      bool abbrev = abbreviation_after(e);
      bool generic = im.AllGeneric(stem);
      bool ok = false;
      std::string mid;
      auto mid_generic_of = [&](const std::string& m) {
        return m.empty() || im.AllGeneric(m);
      };
      if (gaz) {
        // Longest match wins over the alias inside, for the same company
        // (华为 + 技术有限公司), a branch (招商银行 + 上海分行) or a unit
        // (中国科学院 + 半导体研究所).
        mid = text.substr(gaz->end, sb - gaz->end);
        // 安集微电子 + 科技（上海） + 股份有限公司: the bracket is no word.
        for (size_t o; (o = mid.find(kWideOpenParen)) != std::string::npos;) {
          size_t g = paren_after(gaz->end + o);
          if (!g || g > sb) break;
          mid.erase(o, g - gaz->end - o);
        }
        bool mid_place = mid.empty() || is_place(mid);
        bool mid_generic = mid.empty() || im.AllGeneric(mid);
        // A suffix right after a name (委员会组织) is another word.
        ok = branch ? mid_place || CountChars(mid) <= 8
                    : (kind == "company"
                           ? mid_generic && (!mid.empty() || flag == "legal")
                           : !mid.empty() && CountChars(mid) <= 12);
      } else if (abbrev) {
        ok = !generic && CountChars(stem) >= 2;
      } else if (flag == "legal") {
        ok = !generic && CountChars(stem) >= 2;
      } else if (!place.empty()) {
        // 江苏省商务厅, 苏州银行; not 美国半导体公司 (a kind of firm).
        std::string rest = stem.substr(place.size());
        // 中国半导体行业协会 is one body; 美国半导体公司 a kind of firm;
        // with a distinct suffix (集团, 研究中心) place + generic words are
        // a name (苏州半导体集团).
        ok = rest.empty() ? (flag == "distinct" || kind == "government") &&
                                im.places.count(stem)
             : kind == "government" ? im.places.count(place) > 0
                                    : !im.AllGeneric(rest) ||
                                          flag == "distinct";
      } else if (!nat.empty()) {
        ok = stem.size() > nat.size() && (!generic || kind == "government");
      } else if (!scope.empty()) {
        ok = kind == "government";
      } else if (flag == "distinct") {
        // A short name on a clear edge: 南方科技大学, 之江实验室.
        ok = !generic && CountChars(stem) >= 2 && CountChars(stem) <= 6 &&
             clean_edge;
      }
      if (!ok) continue;
      bulletin::Attrs attrs;
      std::string rule = "org.suffix";
      if (gaz) {
        // Same organisation when only generic words and suffixes follow
        // its name (华为 + 技术有限公司); else a unit of it (a branch, an
        // institute) with the gazetteer organisation as its parent.
        if (!branch && kind == "company" && mid_generic_of(mid)) {
          attrs = gaz->attrs;
          rule = gaz->rule;
        } else {
          attrs = {{"name", AttrValue::String(name)}};
          for (const auto& [k, v] : gaz->attrs)
            if (k == "kind" && branch) attrs.push_back({k, v});
          if (!kind.empty() && !branch)
            attrs.push_back({"kind", AttrValue::String(kind)});
          for (const auto& [k, v] : gaz->attrs)
            if (k == "country") attrs.push_back({k, v});
          for (const auto& [k, v] : gaz->attrs)
            if (k == "name") attrs.push_back({"parent", v});
        }
      } else {
        std::string full = name;
        std::string prov = scope.empty() ? "" : province_before(p);
        if (!prov.empty()) {
          // 省发改委 in an article about Jiangsu: 江苏省发改委.
          full = scope.size() < name.size() &&
                         prov.compare(prov.size() - scope.size(), scope.size(),
                                      scope) == 0
                     ? prov + name.substr(scope.size())
                     : prov + name;
        }
        attrs = {{"name", AttrValue::String(full)}};
        if (!kind.empty()) attrs.push_back({"kind", AttrValue::String(kind)});
        std::string region;
        if (!place.empty()) {
          auto pl = im.places.find(place);
          region = pl != im.places.end() ? pl->second.region
                                         : Impl::ValueOr(im.country_iso, place);
          if (pl != im.places.end() && !pl->second.province.empty())
            doc->last_province = pl->second.province;
        } else if (!nat.empty() || !scope.empty()) {
          region = "CN";
        }
        if (!region.empty()) attrs.push_back({"country", AttrValue::String(region)});
      }
      // The names inside this one are part of it.
      hits.erase(std::remove_if(hits.begin(), hits.end(),
                                [&](const OrgHit& h) {
                                  return p <= h.begin && h.end <= e;
                                }),
                 hits.end());
      hits.push_back({p, e, rule, attrs});
      learn_abbreviations(e, attrs);
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
        // X-FAB + Silicon Foundries SE: the longer name wins over the alias
        // it starts with, and is that organisation.
        const OrgHit* inner = nullptr;
        bool clash = false;
        for (const auto& h : hits) {
          if (!(b < h.end && h.begin < end)) continue;
          if (h.begin == b && h.end < end &&
              (h.rule == "org.gazetteer" || h.rule == "org.suffix"))
            inner = &h;
          else
            clash = true;
        }
        if (clash) continue;
        std::string surface = text.substr(b, end - b);
        bulletin::Attrs attrs = {
            {"name", AttrValue::String(surface)}, {"kind", AttrValue::String("company")}};
        if (inner) {
          if (inner->rule == "org.gazetteer") attrs = inner->attrs;
          size_t ib = inner->begin;
          hits.erase(std::remove_if(
                         hits.begin(), hits.end(),
                         [&](const OrgHit& h) { return h.begin == ib; }),
                     hits.end());
        }
        hits.push_back({b, end, "org.suffix", attrs});
        learn_abbreviations(end, attrs);
      }
    }
  }
  // 3. Abbreviations learned so far in the document (this text included):
  // Latin ones are looked up word by word, Han ones searched for.
  if (!doc->aliases.empty()) {
    auto add = [&](size_t p, size_t e, const std::string& key) {
      auto it = doc->aliases.find(key);
      if (it != doc->aliases.end() && !overlaps(p, e))
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
    for (const auto& [abbr, attrs] : doc->aliases) {
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
  doc->last_province = province_before(text.size());
  std::string lc = Impl::LastCountryBefore(mentions, text.size());
  if (!lc.empty()) doc->last_country = lc;
  return hits;
}

}  // namespace bulletin
