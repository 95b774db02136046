// Entity extraction: RE2 rule sets from rules/*.rules, matched one sentence at
// a time (an RE2::Set says which rules can match, each rule's own RE2 says
// where), overlaps resolved leftmost-longest then by priority, and each
// surviving match normalised by the normaliser of its type.
#ifndef BULLETIN_EXTRACT_H_
#define BULLETIN_EXTRACT_H_

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bulletin/article.h"
#include "bulletin/diagnostic.h"
#include "rule_files.h"

namespace bulletin {

struct RuleInfo {
  std::string name;    // type.rule, e.g. money.amount
  std::string type;    // money, percent, quantity, process_node, date, url
  std::string origin;  // file it came from
  int line = 0;        // line in that file
  int priority = 0;
  std::string pattern;  // after macro expansion
};

// A `check.NAME` rule of a .rules file: a pattern `bulletin-extract check`
// runs (check_rules.cc), with its `! before` / `! after` patterns (empty
// when absent), never an entity rule.
struct CheckPattern {
  RuleInfo info;
  std::string not_before, not_after;
};

// Named groups of one match that took part in it (non-empty), as views:
// names into the rule's RE2, values into the matched text. A flat list in a
// fixed array, filled once per candidate without allocating (a rule has a
// few dozen named groups at most; more go to `more_`); looked up by name
// with find / count like a map.
class Groups {
 public:
  using value_type = std::pair<std::string_view, std::string_view>;
  using const_iterator = const value_type*;

  void Add(std::string_view name, std::string_view value) {
    if (n_ < kInline) {
      inline_[n_++] = {name, value};
    } else {
      more_.push_back({name, value});
    }
  }
  const_iterator find(std::string_view name) const {
    for (size_t i = 0; i < n_; ++i)
      if (inline_[i].first == name) return &inline_[i];
    for (const auto& kv : more_)
      if (kv.first == name) return &kv;
    return end();
  }
  const_iterator end() const { return nullptr; }
  size_t count(std::string_view name) const {
    return find(name) != end() ? 1 : 0;
  }

 private:
  static constexpr size_t kInline = 32;
  std::array<value_type, kInline> inline_;
  size_t n_ = 0;
  std::vector<value_type> more_;
};

// What the organisation matcher (orgs.h) knows of the document so far.
struct OrgContext {
  // An abbreviation the document introduced (全称（缩写）), ASCII letters
  // folded to lower case → the attributes of its organisation.
  std::map<std::string, Attrs, std::less<>> aliases;
  // The ISO code of the country and the province the current article
  // named last ("" for none): an ambiguous alias (国防部) goes to it.
  std::string last_country, last_province;
  // Forgets the country context of the previous article.
  void StartArticle() {
    last_country.clear();
    last_province.clear();
  }
};

// What normalisers may know of the document so far (dates need it). All
// that one document teaches the extractor is kept here, never in the
// Extractor, so that threads sharing one Extractor each run documents of
// their own.
struct DocContext {
  std::string reference_date;  // YYYY-MM-DD from --reference-date, or empty
  std::map<int, int> full_date_years;  // year → count of month/day dates
  int article_year = 0;                // latest explicit year in this article
  // The latest quarter named in this article (year * 4 + quarter - 1), or
  // 0: the quarter 上季 and 本季 count from.
  int article_quarter = 0;
  // The latest fiscal year and fiscal quarter (year * 4 + quarter - 1)
  // named in this article, or 0: what 上一财年 and 上财季 count from.
  int article_fiscal_year = 0, article_fiscal_quarter = 0;
  // The last quarter with a year (dates.cc, NormalizeDate): its year,
  // whether that was inferred, its sentence and the byte where it ends in
  // its field: a list member right after it (、4季度) takes that year.
  int list_year = 0;
  bool list_inferred = false;
  const char* list_sentence = nullptr;
  size_t list_end = 0;
  std::string article_date;            // first full date of this article
  // The article's own date (a dateline: a full date in the title, at the
  // start of the body or after a word such as 发布时间), YYYY-MM-DD.
  std::string own_date;
  bool taiwan = false;  // the document reads as Taiwanese (民國, 新臺幣 ...)
  // Currency from context (Tables::InferCurrencies): the currency --locale
  // gives a bare 元 ("" for none), and the evidence of the articles read so
  // far: explicit amounts per local currency and CNY, source markers.
  std::string locale_currency;
  std::map<std::string, int> currency_amounts, currency_markers;
  // Where the candidate being normalised stands: its field ("title",
  // "text", "footnote"), its byte offset there, and its sentence up to it.
  std::string_view field;
  size_t field_offset = 0;
  std::string_view sentence, sentence_before;
  // Whether `sentence` holds a `forward` word (dates.cc): -1 until the date
  // normaliser first asks; reset whenever `sentence` changes.
  int sentence_forward = -1;
  // Fill Entity::sentence_text (--context). Off by default: a long sentence
  // copied into each of its many entities costs memory for nothing.
  bool sentence_text = false;
  DiagnosticSink diag;  // for implausible values found on the way
  std::string path;
  OrgContext orgs;  // abbreviations learned, countries named
};

class Tables;  // currencies, units, qualifiers, numerals (normalize.cc)

class Extractor {
 public:
  // Loads every *.rules file and the tables they use. Every broken rule is
  // reported as "file:line:col: message" (with RE2's error; the column is
  // where the pattern starts) in *errors, and then nothing is returned:
  // nothing is half-loaded.
  static std::unique_ptr<Extractor> Load(const RuleFiles& files,
                                         std::vector<Status>* errors);
  ~Extractor();

  // Finds and normalises the entities of the article's title, body and
  // footnotes, in that order, appending them to a->entities; what the
  // document taught so far is read from and added to *ctx (a new
  // DocContext for each document). Loaded once, an Extractor is not
  // changed by use: any number of threads may call Process at once, each
  // with a DocContext of its own.
  void Process(Article* a, DocContext* ctx) const;

  // Every raw match of every rule in `text`, run sentence by sentence as
  // Process runs them, before overlap resolution, plus the organisations
  // found (for `rules test`), in text order.
  struct RawMatch {
    std::string rule;  // rule name (org.* for organisations)
    size_t begin, end;
    bool kept;    // survived overlap resolution and normalisation
    Attrs attrs;  // the normalised fields, when kept
  };
  // `seed` gives what the command line sets for a document
  // (reference_date, locale_currency); its other state is not used.
  std::vector<RawMatch> Explain(const std::string& text,
                                const DocContext& seed = DocContext()) const;

  const std::vector<RuleInfo>& rules() const;
  // The check.* rule called `name` ("check.money_no_currency"), or nullptr.
  const CheckPattern* check_pattern(const std::string& name) const;
  // The tables the rules and normalisers use (loaded once, here).
  const Tables& tables() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace bulletin

#endif  // BULLETIN_EXTRACT_H_
