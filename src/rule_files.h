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

// One row of a table file (`*.tsv`, `*.txt` in rules/): a line that is not
// blank and not a comment (first non-blank character `#`), split on TAB.
struct TableRow {
  const RuleFile* file = nullptr;
  int line = 0;                    // 1-based
  std::string text;                // the whole line, as written
  std::vector<std::string> cols;   // as written (callers trim where they mean to)
  std::vector<int> starts;         // 1-based code-point column of each of cols

  // A kBadRules status at the start of column `i` (at the end of the row
  // when the row has no column `i`): "file:line:col: message".
  Status Error(size_t i, const std::string& message) const;
};

// The one table reader: the rows of every file called `name`, built-in
// first. With `min_cols` > 0, a row with fewer columns or an empty first
// column is reported to *errors as "file:line:col: expected USAGE" and left
// out; every other malformation is the caller's to report with Error().
std::vector<TableRow> ReadTable(const RuleFiles& files, const std::string& name,
                                size_t min_cols, const std::string& usage,
                                std::vector<Status>* errors);

// Splits `text` into lines (without terminators, CR stripped).
std::vector<std::string> SplitLines(const std::string& text);
// Splits `s` on `sep`.
std::vector<std::string> SplitString(const std::string& s, char sep);
// Strips ASCII white space at both ends.
std::string Trim(const std::string& s);

}  // namespace bulletin

#endif  // BULLETIN_RULE_FILES_H_
