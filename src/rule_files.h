// The set of rule and table files in force: the ones embedded at build time,
// with those of a --rules directory added or overriding same-named ones.
#ifndef BULLETIN_RULE_FILES_H_
#define BULLETIN_RULE_FILES_H_

#include <map>
#include <string>
#include <vector>

#include "bulletin/status.h"

namespace bulletin {

struct RuleFile {
  std::string name;    // file name, e.g. "money.rules"
  std::string origin;  // "builtin:money.rules" or the file's path on disk
  std::string text;    // contents
};

class RuleFiles {
 public:
  // The embedded files only.
  static RuleFiles Builtin();

  // Adds every regular file of `dir` (not recursive). A user file does not
  // replace the embedded file of the same name: both are read, the user's
  // last, so its table rows add to the built-in ones and its rules override
  // same-named rules. Fails (kBadRules) when `dir` or a file in it cannot
  // be read.
  Status AddDirectory(const std::string& dir);

  // The files called `name`, built-in first.
  std::vector<const RuleFile*> Find(const std::string& name) const;
  // Every file whose name ends with `suffix` (".rules"), built-in ones first
  // (each group by name).
  std::vector<const RuleFile*> WithSuffix(const std::string& suffix) const;
  const std::vector<RuleFile>& all() const { return files_; }

 private:
  std::vector<RuleFile> files_;
};

// Splits `text` into lines (without terminators, CR stripped).
std::vector<std::string> SplitLines(const std::string& text);
// Splits `s` on `sep`.
std::vector<std::string> SplitString(const std::string& s, char sep);
// Strips ASCII white space at both ends.
std::string Trim(const std::string& s);

}  // namespace bulletin

#endif  // BULLETIN_RULE_FILES_H_
