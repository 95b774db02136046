// The rules of `bulletin-extract check`: a registry of rule ids with their
// default severities, and the checks that look at finished articles.
//
// Diagnostics the pipeline itself reports (decode.invalid-bytes from the
// decoder, segment.unplaced from the segmenter) pass through check.cc; the
// rules here look at each Article the pipeline hands out, in document order,
// keeping what later articles are compared with (titles, footnote URLs) in a
// DocumentState. Every diagnostic carries the rule's default severity; the
// caller decides which rules are enabled and may raise a severity.
#ifndef BULLETIN_CHECK_RULES_H_
#define BULLETIN_CHECK_RULES_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bulletin/article.h"
#include "bulletin/diagnostic.h"

namespace re2 {
class RE2;
}

namespace bulletin {

class Extractor;
class LayoutRules;

// One rule: id "kind.name", default severity, what it reports (one line).
struct CheckRule {
  const char* id;
  Severity severity;
  const char* summary;
};

// Every rule, in the order the documentation lists them.
const std::vector<CheckRule>& CheckRules();
// The rule called `id`, or nullptr when there is none.
const CheckRule* FindCheckRule(std::string_view id);

// The longest title (in code points) that does not look like body text.
constexpr int kMaxTitleLength = 60;

// Why `url` is not a well-formed absolute http(s)/ftp URL ("www." counts as
// "http://www."), or "" when it is one: the host must have a dot, and the
// URL must have no spaces or control characters and valid %-escapes; it may
// be an IRI (RFC 3987), non-ASCII in its host and path (…/news/晶圓).
std::string UrlProblem(std::string_view url);

// The years a normalised date value names: "2022-05" → {2022},
// "2022/2030" → {2022, 2030}, "FY2023" → {2023}, "1990s" → {1990}; none for
// "XXXX-05" or an empty value.
std::vector<int> DateValueYears(std::string_view value);

// What the rules remember of one document (one input file).
struct DocumentState {
  std::string path;
  // line → columns of the characters the decoder replaced with U+FFFD
  // (those are decode.invalid-bytes, not decode.replacement-char); each is
  // consumed by the U+FFFD of the text it became.
  std::map<int, std::multiset<int>> replaced;
  // Lines the segmenter reported with segment.unplaced.
  std::set<int> unplaced;
  std::map<std::string, int> titles;  // title without spaces → its line
  struct Cited {
    int article = 0;  // index of the first article citing the URL
    int line = 0;
  };
  std::map<std::string, Cited> urls;  // footnote URL → first citation
  // The number of the last numbered footnote of the earlier articles: an
  // article may go on from it (numbering through the whole document).
  int last_footnote = 0;
  // A bracketed mark ([3]) with no note in its article waits for the end
  // of the document: when another article holds a surplus note of that
  // number (one it repeats or no mark of its own refers to), the segmenter
  // put the note in the wrong article, which footnote.numbering or
  // footnote.unreferenced reports there; otherwise it is footnote.undefined.
  struct Orphan {
    int article = 0, number = 0;
    Diagnostic diagnostic;
  };
  std::vector<Orphan> orphans;
  std::map<int, std::set<int>> surplus;  // note number → articles

  // Records what the rules need to know of a pipeline diagnostic.
  void Observe(const Diagnostic& d);
};

// The compiled rules; build once, use for any number of documents.
class ArticleChecker {
 public:
  struct Options {
    int min_year = 1900, max_year = 2100;  // date.out-of-range
  };
  // Takes the patterns of figure.money-no-currency and figure.mixed-digits
  // from the extractor's check.money_no_currency and check.mixed_digits
  // rules (figures.rules) and the footnote-mark words of footnote.undefined
  // from the layout rules, so that `check` sees what extraction and the
  // segmenter see. Returns nullptr and sets *error when a rule is missing
  // or a pattern does not compile.
  static std::unique_ptr<ArticleChecker> Create(const Extractor& extractor,
                                                const LayoutRules& layout,
                                                Options opt,
                                                std::string* error);
  ~ArticleChecker();

  // Appends the diagnostics of article `a` (of document `doc`, whose path
  // they carry) to *out, each with its rule's default severity, and records
  // in *doc what later articles are compared with.
  void Check(const Article& a, DocumentState* doc,
             std::vector<Diagnostic>* out) const;
  // Appends what could only be decided at the end of document `doc`, after
  // its last article.
  void Finish(DocumentState* doc, std::vector<Diagnostic>* out) const;

  // Code point offsets (into `text`) of each run of digits that mixes ASCII
  // and full-width digits, like ２0２２ (rule check.mixed_digits).
  std::vector<int> MixedDigitRuns(std::string_view text) const;

 private:
  ArticleChecker() = default;
  void CheckFigures(const Article& a, const DocumentState& doc,
                    std::vector<Diagnostic>* out) const;

  Options opt_;
  const LayoutRules* layout_ = nullptr;
  std::unique_ptr<re2::RE2> scaled_;       // [currency] number scale ...
  std::unique_ptr<re2::RE2> after_;        // a currency or unit, anchored
  std::unique_ptr<re2::RE2> mixed_;        // a digit run mixing widths
  int cur_pre_group_ = 0, num_group_ = 0;  // in scaled_
};

}  // namespace bulletin

#endif  // BULLETIN_CHECK_RULES_H_
