// `bulletin-extract check`: the rule selection (config file) and the run.
// Each input goes through the same pipeline as `extract`; the pipeline's own
// diagnostics and those of the article rules (check_rules.h) are collected
// per file, filtered, given their effective severity and sorted by position.
#include "check.h"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <tuple>

#include "check_rules.h"
#include "rule_files.h"
#include "text_util.h"

namespace bulletin {
namespace {

// Orders a file's diagnostics by position, then rule.
bool Before(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.line, a.col, a.rule, a.message) <
         std::tie(b.line, b.col, b.rule, b.message);
}

}  // namespace

bool ParseYears(const std::string& s, int* from, int* to) {
  size_t dots = s.find("..");
  if (dots == std::string::npos || dots == 0 || dots + 2 >= s.size())
    return false;
  auto number = [](const std::string& t, int* out) {
    if (t.size() > 6 || !std::all_of(t.begin(), t.end(), [](char c) {
          return c >= '0' && c <= '9';
        }))
      return false;
    // Six digits at most: from_chars cannot overflow an int, nor throw.
    return std::from_chars(t.data(), t.data() + t.size(), *out).ec ==
           std::errc();
  };
  return number(s.substr(0, dots), from) && number(s.substr(dots + 2), to) &&
         *from <= *to;
}

std::string UnknownCheckRule(const std::string& id) {
  return FindCheckRule(id) ? std::string()
                           : "unknown rule '" + id +
                                 "' (bulletin-extract check --help lists them)";
}

Status ApplyCheckConfig(const std::string& text, const std::string& origin,
                        std::set<std::string>* disabled) {
  int lineno = 0;
  for (const std::string& raw : SplitLines(text)) {
    ++lineno;
    std::string content = raw.substr(0, raw.find('#'));
    std::string line = Trim(content);
    if (line.empty()) continue;
    // Column (in code points) of the first word and of the second.
    auto col_of = [&](size_t byte) {
      return static_cast<int>(
          ToCodePoints(std::string_view(raw).substr(0, byte)).size() + 1);
    };
    size_t verb_at = content.find_first_not_of(" \t");
    size_t id_at = content.find_first_not_of(
        " \t", content.find_first_of(" \t", verb_at));
    std::istringstream words(line);
    std::string verb, id, extra;
    words >> verb >> id >> extra;
    if ((verb != "disable" && verb != "enable") || id.empty() ||
        !extra.empty())
      return Status::Error(
          StatusCode::kBadUsage, origin, lineno, col_of(verb_at),
          "expected 'disable RULE' or 'enable RULE': " + line);
    if (!FindCheckRule(id))
      return Status::Error(StatusCode::kBadUsage, origin, lineno,
                           col_of(id_at), UnknownCheckRule(id));
    if (verb == "disable") {
      disabled->insert(id);
    } else {
      disabled->erase(id);
    }
  }
  return Status::Ok();
}

Severity EffectiveSeverity(const Diagnostic& d, const std::string& encoding) {
  if (d.rule == "decode.invalid-bytes")
    return encoding == "utf-8" ? Severity::kError : Severity::kWarning;
  const CheckRule* r = FindCheckRule(d.rule);
  return r ? r->severity : d.severity;
}

std::unique_ptr<Checker> Checker::Load(const std::string& rules_dir,
                                       const PipelineOptions& opt,
                                       std::vector<Status>* errors) {
  std::unique_ptr<Checker> c(new Checker);
  c->opt_ = opt;
  c->engine_ = Engine::Load(rules_dir, errors);
  if (!c->engine_) return nullptr;
  std::string error;
  c->checker_ = ArticleChecker::Create(*c->engine_->extractor,
                                       *c->engine_->layout,
                                       {opt.min_year, opt.max_year}, &error);
  if (!c->checker_) {
    errors->push_back(Status::Error(StatusCode::kBadRules, "", 0, 0, error));
    return nullptr;
  }
  return c;
}

Checker::~Checker() = default;

Status Checker::CheckInput(const std::string& path,
                           const std::set<std::string>& disabled,
                           std::vector<Diagnostic>* found) const {
  DocumentState doc;
  doc.path = path;
  found->clear();
  long records = 0;
  bool said_no_article = false;
  InputResult r = RunInput(
      *engine_, path, opt_,
      [&](Article&& a) {
        ++records;
        checker_->Check(a, &doc, found);
      },
      [&](const Diagnostic& d) {
        doc.Observe(d);
        if (d.rule == "segment.no-article") said_no_article = true;
        found->push_back(d);
      });
  checker_->Finish(&doc, found);
  // An input that gives no record at all (empty, blank) is no issue to
  // publish: say so, as the segmenter does for one of page furniture only.
  if (r.status.ok() && records == 0 && !said_no_article)
    found->push_back({Severity::kWarning, "segment.no-article", path, 0, 0,
                      "no article: the input holds no text, so no record "
                      "would be written"});
  found->erase(std::remove_if(found->begin(), found->end(),
                              [&](const Diagnostic& d) {
                                return disabled.count(d.rule) > 0;
                              }),
               found->end());
  std::stable_sort(found->begin(), found->end(), Before);
  // A problem two stages see at the same spot is reported once.
  found->erase(std::unique(found->begin(), found->end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return a.line == b.line && a.col == b.col &&
                                    a.rule == b.rule;
                           }),
               found->end());
  for (auto& d : *found) {
    d.severity = EffectiveSeverity(d, opt_.encoding);
    if (d.page == 0) d.page = r.PageOf(d.line);
  }
  return r.status;
}

}  // namespace bulletin
