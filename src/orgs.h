// Organisations: a gazetteer (rules/orgs.tsv) matched in one pass, unknown
// organisations found by their name suffix (大学, 研究所, 公司, Inc. ...) with
// the left edge chosen by ICU word segmentation and stop words, and
// abbreviations introduced as 全称（缩写） linked to the full name for the
// rest of the document. Every alias of one organisation gets one `name`.
#ifndef BULLETIN_ORGS_H_
#define BULLETIN_ORGS_H_

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "extract.h"
#include "rule_files.h"

namespace bulletin {

struct OrgHit {
  size_t begin = 0, end = 0;  // bytes in the searched text
  std::string rule;           // org.gazetteer, org.suffix, org.abbreviation
  Attrs
      attrs;  // name, kind, country
};

class OrgMatcher {
 public:
  // Loads orgs.tsv, countries.tsv, org_suffixes.txt and org_stopwords.txt
  // (built-in rows first, --rules rows added). Every malformed row is
  // reported to *errors (file:line:col). With the built-in files only
  // (ctest loads them all), the tables are built when Find first needs
  // them, so that start-up stays short.
  static std::unique_ptr<OrgMatcher> Load(const RuleFiles& files,
                                          std::vector<Status>* errors);
  ~OrgMatcher();

  // The organisations in `text`, left to right, without overlaps. What
  // the document taught so far comes from *doc (abbreviations, and the
  // country and province its article named last); what `text` teaches is
  // added to it. The matcher itself is not changed: any number of threads
  // may call Find at once, each with a document of its own.
  std::vector<OrgHit> Find(const std::string& text, OrgContext* doc) const;

  struct Impl;

 private:
  // Builds impl_ from `files` (the work of Load).
  static std::unique_ptr<Impl> Build(const RuleFiles& files,
                                     std::vector<Status>* errors);
  // impl_, built now from the built-in files if Load left that for later
  // (safe when several threads ask at once).
  const Impl& Tables() const;
  mutable std::unique_ptr<Impl> impl_;
  mutable std::once_flag built_;
};

}  // namespace bulletin

#endif  // BULLETIN_ORGS_H_
