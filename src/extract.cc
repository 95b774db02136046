// How extraction works.
//
// Loading: each *.rules file is read line by line. "@define NAME PATTERN"
// and "@table NAME FILE [TAG]" make macros used as {NAME}; "TYPE.NAME PRIO
// PATTERN" is a rule; an indented "! before RE" / "! after RE" line rejects
// the rule's matches when the text right before / after them matches RE.
// Each pattern is compiled on its own (to report file:line with RE2's
// error), then all go into the rule set (rule_set.h: an RE2::Set per
// entity type). With the built-in rules only (no
// --rules), which ctest has compiled, nothing is compiled at load: the set
// when the first sentence comes, each rule when the set first names it
// (lazy_regex.h), so that start-up stays short.
//
// Matching: a field is cut into sentences with ICU's sentence iterator; the
// set is run once per sentence; only the rules it names are run for their
// positions and groups. Candidates are sorted leftmost-longest, then by
// priority, and taken greedily when they do not overlap an earlier pick and
// their normaliser accepts them.
#include "extract.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <set>

#include "clone_pool.h"
#include "normalize.h"
#include "orgs.h"
#include "intervals.h"
#include "lazy_regex.h"
#include "rule_set.h"
#include "text_util.h"

namespace bulletin {

// The memory budget of the rule set (its sets together, each with its
// share): a set that needs more does not compile (with --rules: an error at
// load, exit 2). Twice RE2's default of 8 MiB: the built-in rules took
// almost 8 MiB in one set (about 9.4 MiB split by type, the shares being
// by pattern size), which left no room for a user's rules and little for
// the DFA's cache (the rest of the budget), so matching ran about a sixth
// slower than with 16 MiB for 1.5 MB more peak memory.
constexpr int64_t kSetMaxMem = int64_t{16} << 20;

namespace {

// The budget as a message gives it: "8 MiB", or bytes when not whole MiB.
std::string Budget(int64_t bytes) {
  if (bytes > 0 && bytes % (int64_t{1} << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// "the built-in rules", and the --rules files that add to them.
std::string SetName(const RuleFiles& files) {
  std::string user;
  for (const RuleFile* f : files.WithSuffix(".rules"))
    if (f->origin.rfind("builtin:", 0) != 0)
      user += (user.empty() ? "" : ", ") + f->origin;
  return user.empty() ? "the built-in rules" : "the built-in rules and " + user;
}

// Test hooks (HACKING.md "Test hooks"), read from the environment at load, for
// tests only: RE2's many-match DFA resets its cache when it is full rather
// than fail, so neither failure of the set can be provoked by rules alone.
//   BULLETIN_EXTRACT_TEST_SET_MAX_MEM=BYTES  the set's memory budget
//   BULLETIN_EXTRACT_TEST_SET_OOM=1          every match of the set fails
//                                            with RE2::Set::kOutOfMemory
// A value that is not a whole number is an error (exit 2).
bool TestHooks(int64_t* max_mem, bool* fail_match, std::vector<Status>* errors) {
  auto number = [&](const char* name, int64_t* out) {
    const char* v = std::getenv(name);
    if (!v) return true;
    std::string_view sv(v);
    auto r = std::from_chars(sv.data(), sv.data() + sv.size(), *out);
    if (r.ec == std::errc() && r.ptr == sv.data() + sv.size() && *out >= 0)
      return true;
    errors->push_back(Status::Error(StatusCode::kBadUsage, name, 0, 0,
                                    "expected a whole number, not '" +
                                        std::string(sv) + "'"));
    return false;
  };
  int64_t oom = 0;
  bool ok = number("BULLETIN_EXTRACT_TEST_SET_MAX_MEM", max_mem) &&
            number("BULLETIN_EXTRACT_TEST_SET_OOM", &oom);
  *fail_match = oom != 0;
  return ok;
}

}  // namespace

struct Extractor::Impl {
  std::vector<RuleInfo> infos;
  std::vector<CheckPattern> checks;  // check.* rules: never extracted
  std::vector<std::unique_ptr<LazyRegex>> regexes;
  std::vector<std::unique_ptr<LazyRegex>> not_before, not_after;  // may be null
  // The set's patterns (SetTrigger), compiled into `set` once, at load
  // under --rules, else on first use (CompileSet): a set per entity type
  // (rule_set.h).
  std::vector<std::string> triggers;
  mutable std::once_flag set_once;
  mutable std::unique_ptr<RuleSet> set;  // null: could not be compiled
  // Builds the set from `triggers`; the error, if any, in *error.
  std::unique_ptr<RuleSet> BuildSet(std::string* error, size_t* bad) const;
  // The set's memory budget and, for test only (TestHooks), whether every
  // match of it is to fail as out of memory.
  int64_t set_max_mem = kSetMaxMem;
  bool set_fail_match = false;
  // The rule files the set holds, as its messages name them.
  std::string set_name;
  // A set that did not compile on first use is reported once per run.
  mutable std::atomic<bool> set_failure_reported{false};
  std::unique_ptr<Tables> tables;
  std::unique_ptr<OrgMatcher> orgs;
  // ICU's sentence iterator, one copy per thread at work (Sentences).
  std::unique_ptr<ClonePool<icu::BreakIterator>> sentences;

  struct Candidate {
    int rule;
    size_t begin, end;  // bytes in the field
  };
  // Appends the matches of every rule in text[sb, se) to *out. Returns
  // false when the RE2::Set ran out of memory on it: every rule was then
  // run on its own (nothing is missed), and the caller reports it.
  bool Candidates(const std::string& text, size_t sb, size_t se,
                  std::vector<Candidate>* out) const;
  // The sentences of `text` (byte ranges) as the rules see them: ICU's
  // sentence breaks, re-joined where ICU cut inside a run of non-space
  // ASCII (a URL, a number) or after a decimal point a line end broke.
  std::vector<std::pair<size_t, size_t>> Sentences(const std::string& text) const;
  void ProcessField(const Field& f, const std::string& field_name, int footnote,
                    DocContext* ctx, std::vector<Entity>* out) const;
  // *span is set to the bytes the entity covers: the match, or its group
  // `keep` when the rule has one (a member of a list: 40 of 40/28纳米).
  bool Normalize(const Candidate& c, const std::string& text, DocContext* ctx,
                 Entity* e, std::pair<size_t, size_t>* span) const;
};

Extractor::~Extractor() = default;
const std::vector<RuleInfo>& Extractor::rules() const { return impl_->infos; }
const Tables& Extractor::tables() const { return *impl_->tables; }

const CheckPattern* Extractor::check_pattern(const std::string& name) const {
  for (const auto& c : impl_->checks)
    if (c.info.name == name) return &c;
  return nullptr;
}

namespace {

bool IsMacroChar(char c) {
  return (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
}

// Replaces {NAME} by its macro, recursively. Unknown names stay as they are
// (RE2 then reports them) unless they are repetition counts like {2,3}.
std::string Expand(const std::string& pat,
                   const std::map<std::string, std::string>& macros,
                   std::string* error, int depth = 0) {
  if (depth > 20) {
    *error = "macros nest too deeply";
    return pat;
  }
  std::string out;
  for (size_t i = 0; i < pat.size(); ++i) {
    if (pat[i] == '\\' && i + 1 < pat.size()) {
      out += pat.substr(i, 2);
      ++i;
      continue;
    }
    if (pat[i] == '{') {
      size_t j = i + 1;
      while (j < pat.size() && IsMacroChar(pat[j])) ++j;
      if (j < pat.size() && pat[j] == '}' && j > i + 1 &&
          !(pat[i + 1] >= '0' && pat[i + 1] <= '9')) {
        std::string name = pat.substr(i + 1, j - i - 1);
        auto it = macros.find(name);
        if (it == macros.end()) {
          *error = "unknown macro {" + name + "}";
          return pat;
        }
        out += "(?:" + Expand(it->second, macros, error, depth + 1) + ")";
        i = j;
        continue;
      }
    }
    out.push_back(pat[i]);
  }
  return out;
}

// Splits "a  b   rest of line" into the first `n` words and the rest.
std::vector<std::string> Words(const std::string& line, int n,
                               std::string* rest) {
  std::vector<std::string> w;
  size_t i = 0;
  while (static_cast<int>(w.size()) < n) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j == i) break;
    w.push_back(line.substr(i, j - i));
    i = j;
  }
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  *rest = line.substr(i);
  while (!rest->empty() && (rest->back() == ' ' || rest->back() == '\t'))
    rest->pop_back();
  return w;
}

// The part of a pattern the RE2::Set needs. For an unanchored search a
// leading or trailing element that may match nothing (X?, X*, X{0,n}) does
// not change whether the pattern matches anywhere, so the set gets the
// pattern without them: a much smaller automaton (the qualifier words and
// optional spaces around every figure), and the same answer to "can this
// rule match this sentence". Patterns with a top-level '|' are kept whole.
std::string SetTrigger(const std::string& p) {
  struct Item {
    size_t begin, end;
    bool optional;
  };
  std::vector<Item> items;
  size_t i = 0;
  while (i < p.size()) {
    size_t b = i;
    char c = p[i];
    if (c == '|') return p;
    if (c == '\\') {
      i += 2;
      if (i < p.size() + 1 && i - 1 < p.size() &&
          (p[i - 1] == 'x' || p[i - 1] == 'p' || p[i - 1] == 'P') &&
          i < p.size() && p[i] == '{') {
        size_t close = p.find('}', i);
        if (close == std::string::npos) return p;
        i = close + 1;
      }
    } else if (c == '[') {
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
      if (i >= p.size()) return p;
      ++i;
    } else if (c == '(') {
      int depth = 0;
      bool in_class = false;
      for (; i < p.size(); ++i) {
        char d = p[i];
        if (d == '\\') {
          ++i;
        } else if (in_class) {
          if (d == ']') in_class = false;
        } else if (d == '[') {
          in_class = true;
          if (i + 1 < p.size() && p[i + 1] == '^') ++i;
          if (i + 1 < p.size() && p[i + 1] == ']') ++i;
        } else if (d == '(') {
          ++depth;
        } else if (d == ')' && --depth == 0) {
          break;
        }
      }
      if (i >= p.size()) return p;
      ++i;
    } else if (c == '^' || c == '$') {
      return p;  // anchors: keep the pattern as it is
    } else {
      // One UTF-8 character.
      ++i;
      while (i < p.size() && (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80)
        ++i;
    }
    bool optional = false;
    if (i < p.size() && (p[i] == '?' || p[i] == '*')) {
      optional = true;
      ++i;
    } else if (i < p.size() && p[i] == '+') {
      ++i;
    } else if (i < p.size() && p[i] == '{') {
      size_t close = p.find('}', i);
      if (close == std::string::npos) return p;
      optional = p.compare(i, 2, "{0") == 0;
      i = close + 1;
    }
    if (i < p.size() && p[i] == '?') ++i;  // lazy
    items.push_back({b, i, optional});
  }
  size_t first = 0, last = items.size();
  while (first < last && items[first].optional) ++first;
  while (last > first && items[last - 1].optional) --last;
  if (first == last) return p;
  return p.substr(items[first].begin, items[last - 1].end - items[first].begin);
}

}  // namespace

std::unique_ptr<Extractor> Extractor::Load(const RuleFiles& files,
                                           std::vector<Status>* errors) {
  auto ex = std::unique_ptr<Extractor>(new Extractor);
  ex->impl_ = std::make_unique<Impl>();
  Impl& m = *ex->impl_;
  size_t before = errors->size();
  m.tables = Tables::Load(files, errors);
  if (!m.tables) return nullptr;

  struct Pending {
    RuleInfo info;
    std::string not_before, not_after;
    std::unique_ptr<RE2> compiled;  // checked at load (not when lazy)
    bool lazy = false;                // a built-in rule
  };
  std::vector<Pending> rules;
  std::map<std::string, size_t> by_name;
  RE2::Options opt;
  opt.set_log_errors(false);
  // The built-in rules are compiled when first used, a --rules file's now
  // (see the top of this file).
  for (const RuleFile* f : files.WithSuffix(".rules")) {
    const bool lazy = f->origin.rfind("builtin:", 0) == 0;
    std::map<std::string, std::string> macros;
    int lineno = 0;
    Pending* last = nullptr;
    for (const auto& raw : SplitLines(f->text)) {
      ++lineno;
      std::string line = Trim(raw);
      if (line.empty() || line[0] == '#') continue;
      // Reports `message` at byte `at` of the trimmed line.
      size_t lead = raw.find_first_not_of(" \t");
      auto error = [&](size_t at, const std::string& message) {
        int col = static_cast<int>(
            ToCodePoints(std::string_view(raw).substr(0, lead + at)).size() +
            1);
        errors->push_back(Status::Error(StatusCode::kBadRules, f->origin,
                                        lineno, col, message));
      };
      std::string rest;
      // Where `rest` (the pattern, the end of the line) starts.
      auto rest_at = [&] { return line.size() - rest.size(); };
      if (line[0] == '!') {
        auto w = Words(line.substr(1), 1, &rest);
        if (!last || w.empty() || (w[0] != "before" && w[0] != "after") ||
            rest.empty()) {
          error(0, "expected '! before RE' or '! after RE' under a rule");
          continue;
        }
        std::string err;
        std::string pat = Expand(rest, macros, &err);
        if (!err.empty()) error(rest_at(), err);
        if (!lazy) {
          RE2 test(pat, opt);
          if (!test.ok()) error(rest_at(), "bad pattern: " + test.error());
        }
        (w[0] == "before" ? last->not_before : last->not_after) = pat;
        continue;
      }
      if (line[0] == '@') {
        auto w = Words(line, 2, &rest);
        if (w.size() < 2 || rest.empty()) {
          error(0,
                "expected '@define NAME PATTERN' or '@table NAME FILE [TAG]'");
          continue;
        }
        if (w[0] == "@define") {
          macros[w[1]] = rest;
        } else if (w[0] == "@table") {
          std::string tag;
          auto tw = Words(rest, 1, &tag);
          std::string alt;
          if (!m.tables->Alternation(tw[0], tag, &alt)) {
            error(rest_at(), "no table '" + tw[0] + "'" +
                                 (tag.empty() ? "" : " with tag '" + tag + "'"));
            continue;
          }
          macros[w[1]] = alt;
        } else {
          error(0, "unknown directive " + w[0]);
        }
        continue;
      }
      auto w = Words(line, 2, &rest);
      size_t dot = w.empty() ? std::string::npos : w[0].find('.');
      if (w.size() < 2 || rest.empty() || dot == std::string::npos) {
        error(0, "expected 'TYPE.NAME PRIORITY PATTERN'");
        last = nullptr;
        continue;
      }
      char* endp = nullptr;
      long prio = std::strtol(w[1].c_str(), &endp, 10);
      if (*endp) {
        error(line.find(w[1], w[0].size()),
              "priority must be a whole number, not '" + w[1] + "'");
        last = nullptr;
        continue;
      }
      Pending p;
      p.lazy = lazy;
      p.info.name = w[0];
      p.info.type = w[0].substr(0, dot);
      p.info.origin = f->origin;
      p.info.line = lineno;
      p.info.priority = static_cast<int>(prio);
      std::string err;
      p.info.pattern = Expand(rest, macros, &err);
      if (!err.empty()) {
        error(rest_at(), err);
        last = nullptr;
        continue;
      }
      if (!Tables::KnownType(p.info.type) && p.info.type != "check") {
        error(0, "unknown entity type '" + p.info.type + "'");
        last = nullptr;
        continue;
      }
      if (!lazy) {
        p.compiled = std::make_unique<RE2>(p.info.pattern, opt);
        if (!p.compiled->ok()) {
          error(rest_at(), "bad pattern: " + p.compiled->error());
          last = nullptr;
          continue;
        }
      }
      // A later rule of the same name (from --rules) overrides.
      auto it = by_name.find(p.info.name);
      if (it != by_name.end()) {
        rules[it->second] = std::move(p);
        last = &rules[it->second];
      } else {
        by_name[p.info.name] = rules.size();
        rules.push_back(std::move(p));
        last = &rules.back();
      }
    }
  }
  m.orgs = OrgMatcher::Load(files, errors);
  if (errors->size() != before) return nullptr;
  // check.* rules are patterns for `check`, not entities.
  auto is_check = [](const Pending& p) { return p.info.type == "check"; };
  for (const auto& p : rules)
    if (is_check(p)) m.checks.push_back({p.info, p.not_before, p.not_after});
  rules.erase(std::remove_if(rules.begin(), rules.end(), is_check),
              rules.end());

  auto lazy_or = [&](bool lazy, std::string pat) {
    if (lazy) return std::make_unique<LazyRegex>(std::move(pat), opt);
    return std::make_unique<LazyRegex>(std::make_unique<RE2>(pat, opt));
  };
  for (auto& p : rules) {
    m.triggers.push_back(SetTrigger(p.info.pattern));
    m.regexes.push_back(p.compiled
                            ? std::make_unique<LazyRegex>(std::move(p.compiled))
                            : lazy_or(p.lazy, p.info.pattern));
    m.not_before.push_back(p.not_before.empty()
                               ? nullptr
                               : lazy_or(p.lazy, "(?:" + p.not_before + ")$"));
    m.not_after.push_back(p.not_after.empty()
                              ? nullptr
                              : lazy_or(p.lazy, "^(?:" + p.not_after + ")"));
    m.infos.push_back(std::move(p.info));
  }
  m.set_name = SetName(files);
  if (!TestHooks(&m.set_max_mem, &m.set_fail_match, errors)) return nullptr;
  if (!OnlyBuiltin(files)) {
    std::string err;
    size_t bad = 0;
    m.set = m.BuildSet(&err, &bad);
    if (!m.set) {
      const RuleInfo* r = bad < m.infos.size() ? &m.infos[bad] : nullptr;
      errors->push_back(Status::Error(StatusCode::kBadRules,
                                      r ? r->origin : "rules", r ? r->line : 0,
                                      0, err));
      return nullptr;
    }
    std::call_once(m.set_once, [] {});
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale("zh"), status));
  if (U_SUCCESS(status))
    m.sentences =
        std::make_unique<ClonePool<icu::BreakIterator>>(std::move(sentences));
  if (U_FAILURE(status)) {
    errors->push_back(Status::Error(
        StatusCode::kBadRules, "", 0, 0,
        std::string("icu: cannot create sentence iterator: ") +
            u_errorName(status)));
    return nullptr;
  }
  return ex;
}

std::unique_ptr<RuleSet> Extractor::Impl::BuildSet(std::string* error,
                                                  size_t* bad) const {
  std::vector<std::string> types;
  for (const RuleInfo& r : infos) types.push_back(r.type);
  std::string err;
  auto s = RuleSet::Build(triggers, types, set_max_mem, &err, bad);
  if (s) return s;
  if (*bad < triggers.size()) {
    *error = "bad pattern: " + err;
  } else {
    *error = "the rule set (" + set_name +
             ") is too large to compile: its RE2::Set needs more than its "
             "memory budget (" + Budget(set_max_mem) +
             "); make the --rules patterns smaller or fewer";
  }
  return nullptr;
}

bool Extractor::Impl::Candidates(const std::string& text, size_t sb, size_t se,
                                 std::vector<Candidate>* out) const {
  std::call_once(set_once, [this] {
    std::string err;
    size_t bad = 0;
    set = BuildSet(&err, &bad);
  });
  re2::StringPiece sentence(text.data() + sb, se - sb);
  std::vector<int> ids;
  RE2::Set::ErrorInfo info;
  bool set_ok = true;
  // (No set: the built-in rules did not compile, which ctest rules out
  // but BULLETIN_EXTRACT_TEST_SET_MAX_MEM may force; every rule is run, as
  // when the set runs out of memory, and the caller reports it.)
  bool matched = set && !set_fail_match && set->Match(sentence, &ids, &info);
  if (set && set_fail_match) info.kind = RE2::Set::kOutOfMemory;
  if (!matched) {
    if (set && info.kind != RE2::Set::kOutOfMemory) return true;
    // Run every rule rather than miss matches (slower; reported).
    set_ok = false;
    ids.resize(regexes.size());
    for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<int>(i);
  }
  const re2::StringPiece whole(text);
  for (int id : ids) {
    const RE2& re = regexes[id]->get();
    size_t pos = sb;
    re2::StringPiece m;
    while (pos < se && re.Match(whole, pos, se, RE2::UNANCHORED, &m, 1)) {
      size_t b = m.data() - text.data(), e = b + m.size();
      if (e == b) {
        ++pos;
        continue;
      }
      out->push_back({id, b, e});
      pos = e;
    }
  }
  return set_ok;
}

bool Extractor::Impl::Normalize(const Candidate& c, const std::string& text,
                                DocContext* ctx, Entity* e,
                                std::pair<size_t, size_t>* span) const {
  const RuleInfo& info = infos[c.rule];
  // Numbers and Latin words must not be cut out of longer tokens. The code
  // points around and at the ends of the match, decoded in place.
  const std::string_view all(text);
  CodePointEnds before = EndsOf(all.substr(
      c.begin >= 4 ? c.begin - 4 : 0, c.begin >= 4 ? 4 : c.begin));
  CodePointEnds matched = EndsOf(all.substr(c.begin, c.end - c.begin));
  CodePointEnds after =
      EndsOf(all.substr(c.end, std::min<size_t>(4, text.size() - c.end)));
  char32_t pb = before.count == 0 ? 0 : before.last;
  char32_t na = after.count == 0 ? 0 : after.first;
  char32_t mf = matched.first, ml = matched.last;
  auto ascii_alnum = [](char32_t x) {
    return x < 128 && std::isalnum(static_cast<int>(x));
  };
  if (info.type != "url") {
    if (ascii_alnum(mf) && (ascii_alnum(pb) || pb == '.' || pb == '_'))
      return false;
    if (IsWideDigit(mf) && IsWideDigit(pb))
      return false;
    if (ascii_alnum(ml) && (ascii_alnum(na) || na == '_')) return false;
    if (std::isdigit(ml < 128 ? static_cast<int>(ml) : 0) && na == '.' &&
        after.count > 1 && after.second < 128 && std::isdigit(after.second))
      return false;
  }
  if (not_after[c.rule] &&
      RE2::PartialMatch(
          re2::StringPiece(text.data() + c.end, text.size() - c.end),
          not_after[c.rule]->get()))
    return false;

  const RE2& re = regexes[c.rule]->get();
  int n = re.NumberOfCapturingGroups() + 1;
  // The groups' slots: on the stack for the usual rule, reused per call.
  constexpr int kStackGroups = 64;
  re2::StringPiece stack_sub[kStackGroups];
  std::vector<re2::StringPiece> heap_sub;
  re2::StringPiece* sub = stack_sub;
  if (n > kStackGroups) {
    heap_sub.resize(n);
    sub = heap_sub.data();
  }
  if (!re.Match(text, c.begin, c.end, RE2::ANCHOR_BOTH, sub, n))
    return false;
  Groups g;
  for (const auto& [name, idx] : re.NamedCapturingGroups()) {
    if (sub[idx].data() && !sub[idx].empty())
      g.Add(name, std::string_view(sub[idx].data(), sub[idx].size()));
  }
  auto begin_of = [&](std::string_view v) {
    return static_cast<size_t>(v.data() - text.data());
  };
  // Whether the `! before` pattern matches the text up to `at`.
  auto rejects_before = [&](size_t at) {
    return not_before[c.rule] &&
           RE2::PartialMatch(re2::StringPiece(text.data(), at),
                             not_before[c.rule]->get());
  };
  *span = {c.begin, c.end};
  if (auto k = g.find("keep"); k != g.end())
    *span = {begin_of(k->second), begin_of(k->second) + k->second.size()};
  // A word matched before the figure that is no part of it (签约 in
  // 签约26个: group skip) starts the entity after it, and the `! before`
  // test reads the text before the entity.
  size_t before_at = c.begin;
  if (auto k = g.find("skip"); k != g.end())
    before_at = span->first = begin_of(k->second) + k->second.size();
  bool before_rejects = rejects_before(before_at);
  // A qualifier before the figure (group qual_pre: about, over) may stand
  // between the rejected text and the figure, so a Latin name right before
  // the qualifier does not reject it (Rapidus + about + 5,900 oku yen).
  if (auto k = g.find("qual_pre"); before_rejects && k != g.end())
    before_rejects = rejects_before(begin_of(k->second) + k->second.size());
  if (before_rejects) return false;
  e->type = info.type;
  e->rule = info.name;
  e->text = text.substr(span->first, span->second - span->first);
  return tables->Normalize(info.type, g, e, ctx);
}

std::vector<std::pair<size_t, size_t>> Extractor::Impl::Sentences(
    const std::string& text) const {
  std::vector<std::pair<size_t, size_t>> sents;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(),
                             static_cast<int64_t>(text.size()), &status);
  {
    auto it = sentences->Get();
    it->setText(ut, status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
         start = end, end = it->next())
      sents.push_back({static_cast<size_t>(start), static_cast<size_t>(end)});
  }
  utext_close(ut);
  if (sents.empty()) sents.push_back({0, text.size()});
  // ICU ends a sentence at '?' or '.' even inside a URL or a number:
  // re-join sentences cut inside a run of non-space ASCII.
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& s : sents) {
    size_t b = s.first;
    bool inside = !merged.empty() && b > 0 && b < text.size() &&
                  static_cast<unsigned char>(text[b - 1]) > 0x20 &&
                  static_cast<unsigned char>(text[b - 1]) < 0x7F &&
                  static_cast<unsigned char>(text[b]) > 0x20 &&
                  static_cast<unsigned char>(text[b]) < 0x7F;
    // Nor at a decimal point a line end broke (4321.⏎56 亿元): a digit,
    // '.', white space, and a digit.
    if (!inside && !merged.empty() && b < text.size() && text[b] >= '0' &&
        text[b] <= '9') {
      size_t k = b;
      while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' ||
                       text[k - 1] == '\n' || text[k - 1] == '\r'))
        --k;
      inside = k < b && k >= 2 && text[k - 1] == '.' && text[k - 2] >= '0' &&
               text[k - 2] <= '9';
    }
    if (inside)
      merged.back().second = s.second;
    else
      merged.push_back(s);
  }
  sents.swap(merged);
  return sents;
}

void Extractor::Impl::ProcessField(const Field& f,
                                   const std::string& field_name, int footnote,
                                   DocContext* ctx,
                                   std::vector<Entity>* out) const {
  const std::string& text = f.text;
  if (text.empty()) return;
  auto cp = CodePointOffsets(text);
  auto to_cp = [&](size_t byte) {
    return static_cast<int>(
        std::lower_bound(cp.begin(), cp.end(), static_cast<int>(byte)) -
        cp.begin());
  };
  std::vector<std::pair<size_t, size_t>> sents = Sentences(text);
  std::vector<Candidate> cands;
  for (const auto& s : sents) {
    if (Candidates(text, s.first, s.second, &cands) || !ctx->diag) continue;
    Anchor at = f.Locate(to_cp(s.first));
    if (set) {
      ctx->diag({Severity::kWarning, "extract.set-out-of-memory", ctx->path,
                 at.line, at.col,
                 "the rule set (" + set_name +
                     ") ran out of memory on this sentence: every rule was "
                     "run on its own instead (slower, nothing missed)"});
    } else if (!set_failure_reported.exchange(true)) {
      ctx->diag({Severity::kWarning, "extract.set-out-of-memory", ctx->path,
                 at.line, at.col,
                 "the rule set (" + set_name +
                     ") does not compile within its memory budget (" +
                     Budget(set_max_mem) +
                     "): every rule is run on its own instead, here and in "
                     "all later input (slower, nothing missed)"});
    }
  }
  std::vector<size_t> order(cands.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Candidate &x = cands[a], &y = cands[b];
    if (x.begin != y.begin) return x.begin < y.begin;
    if (x.end != y.end) return x.end > y.end;
    return infos[x.rule].priority > infos[y.rule].priority;
  });
  IntervalSet taken;
  std::vector<Entity> found;
  // Fills the position fields of an entity spanning bytes [b, e).
  auto place = [&](Entity* x, size_t b, size_t e) {
    x->field = field_name;
    x->footnote = footnote;
    x->start = to_cp(b);
    x->end = to_cp(e);
    Anchor a = f.Locate(x->start);
    x->line = a.line;
    x->col = a.col;
    auto sit =
        std::upper_bound(sents.begin(), sents.end(), b,
                         [](size_t p, const std::pair<size_t, size_t>& s) {
                           return p < s.first;
                         });
    x->sentence = std::max(static_cast<int>(sit - sents.begin()) - 1, 0);
    if (ctx->sentence_text) {
      const auto& sent = sents[x->sentence];
      x->sentence_text =
          Trim(text.substr(sent.first, sent.second - sent.first));
    }
  };
  bool same_field = false;  // ctx->sentence is of this field
  for (size_t i : order) {
    const Candidate& c = cands[i];
    if (taken.Overlaps(c.begin, c.end)) continue;
    Entity e;
    {
      // The sentence holding the candidate, for the date normaliser.
      auto sit = std::upper_bound(
          sents.begin(), sents.end(), c.begin,
          [](size_t p, const std::pair<size_t, size_t>& s) {
            return p < s.first;
          });
      const auto& sent = sit == sents.begin() ? sents.front() : *(sit - 1);
      ctx->field = field_name;
      ctx->field_offset = c.begin;
      std::string_view sentence =
          std::string_view(text).substr(sent.first, sent.second - sent.first);
      if (sentence.data() != ctx->sentence.data() ||
          sentence.size() != ctx->sentence.size() || !same_field)
        ctx->sentence_forward = -1;
      same_field = true;
      ctx->sentence = sentence;
      ctx->sentence_before = std::string_view(text).substr(
          sent.first, c.begin > sent.first ? c.begin - sent.first : 0);
    }
    std::pair<size_t, size_t> span;
    if (!Normalize(c, text, ctx, &e, &span)) continue;
    taken.Add(span.first, span.second);
    place(&e, span.first, span.second);
    found.push_back(std::move(e));
  }
  // Organisations: their own one-pass matcher, kept off figures and URLs.
  if (orgs) {
    for (const auto& h : orgs->Find(text, &ctx->orgs)) {
      if (taken.Overlaps(h.begin, h.end)) continue;
      Entity e;
      e.type = "org";
      e.rule = h.rule;
      e.text = text.substr(h.begin, h.end - h.begin);
      e.attrs = h.attrs;
      place(&e, h.begin, h.end);
      found.push_back(std::move(e));
    }
  }
  std::sort(found.begin(), found.end(), [](const Entity& a, const Entity& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  for (auto& e : found) out->push_back(std::move(e));
}

void Extractor::Process(Article* a, DocContext* ctx) const {
  ctx->article_year = 0;
  ctx->article_quarter = 0;
  ctx->article_fiscal_year = ctx->article_fiscal_quarter = 0;
  ctx->list_year = 0;
  ctx->article_date.clear();
  ctx->own_date.clear();
  ctx->orgs.StartArticle();
  size_t first = a->entities.size();
  impl_->ProcessField(a->title, "title", 0, ctx, &a->entities);
  impl_->ProcessField(a->body, "text", 0, ctx, &a->entities);
  std::vector<std::string_view> texts{a->title.text, a->body.text};
  for (size_t i = 0; i < a->footnotes.size(); ++i) {
    const Footnote& f = a->footnotes[i];
    size_t from = a->entities.size();
    impl_->ProcessField(f.text, "footnote", f.number, ctx, &a->entities);
    for (size_t k = from; k < a->entities.size(); ++k)
      a->entities[k].footnote_index = static_cast<int>(i);
    texts.push_back(f.text.text);
  }
  impl_->tables->InferCurrencies(texts, &a->entities, first, ctx);
}

std::vector<Extractor::RawMatch> Extractor::Explain(
    const std::string& text, const DocContext& seed) const {
  // Per sentence, as ProcessField runs the rules.
  std::vector<Impl::Candidate> cands;
  for (const auto& s : impl_->Sentences(text))
    impl_->Candidates(text, s.first, s.second, &cands);
  Field f;
  f.text = text;
  f.length = static_cast<int>(CodePointOffsets(text).size()) - 1;
  f.anchors.push_back({0, 1, 1});
  DocContext ctx;
  ctx.reference_date = seed.reference_date;
  ctx.locale_currency = seed.locale_currency;
  std::vector<Entity> kept;
  impl_->ProcessField(f, "text", 0, &ctx, &kept);
  impl_->tables->InferCurrencies({text}, &kept, 0, &ctx);
  auto cp = CodePointOffsets(text);
  std::vector<RawMatch> out;
  for (const auto& c : cands) {
    RawMatch r{impl_->infos[c.rule].name, c.begin, c.end, false, {}};
    for (const auto& e : kept) {
      // (A list member, group keep, lies inside its match.)
      if (e.rule == r.rule && cp[e.start] >= static_cast<int>(c.begin) &&
          cp[e.end] <= static_cast<int>(c.end)) {
        r.kept = true;
        r.begin = static_cast<size_t>(cp[e.start]);
        r.end = static_cast<size_t>(cp[e.end]);
        r.attrs = e.attrs;
      }
    }
    out.push_back(std::move(r));
  }
  for (const auto& e : kept) {
    if (e.type != "org") continue;
    out.push_back({e.rule, static_cast<size_t>(cp[e.start]),
                   static_cast<size_t>(cp[e.end]), true, e.attrs});
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const RawMatch& a, const RawMatch& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace bulletin
