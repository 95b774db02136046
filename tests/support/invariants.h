// Invariants every run of the pipeline must keep, checked by the unit tests
// (over every sample and every input in tests/regress/) and by the fuzzers
// (tests/fuzz/) on every execution:
//
//   - every record is valid JSON, and its fields are the article's;
//   - every entity's [start:end) slice of its field is its text;
//   - no input character is lost: each non-space code point of the decoded
//     input appears in some record field (section, title, byline, text,
//     footnotes, reference marks) or in a line counted as dropped furniture.
//
// The characters-lost check compares multisets of code points: a character
// is unaccounted for when the input holds it more often than the records and
// the dropped lines together. It reports each one with a line it stood on.
#ifndef BULLETIN_TESTS_INVARIANTS_H_
#define BULLETIN_TESTS_INVARIANTS_H_

#include <map>
#include <string>
#include <vector>

#include "bulletin/article.h"
#include "pipeline.h"

namespace bulletin {

// Checks one article and its JSON record; returns one message per problem.
std::vector<std::string> CheckArticle(const Article& a,
                                      const std::string& record_json);

// Counts the characters of an input and of what the pipeline made of it.
class LossAccount {
 public:
  void AddInputLine(int number, const std::string& text);
  void AddDropped(const std::string& text);
  void AddArticle(const Article& a);
  // One message per unaccounted code point: "U+XXXX 'c' x N (line L)".
  std::vector<std::string> Missing() const;
  long input_chars() const { return input_chars_; }
  long unaccounted() const;

 private:
  std::map<char32_t, long> in_, out_;
  std::map<char32_t, int> first_line_;
  long input_chars_ = 0;
};

// The result of running one input through every stage with every check.
struct InvariantReport {
  InputResult result;
  int records = 0;
  long input_chars = 0;
  long unaccounted = 0;
  std::vector<std::string> problems;  // empty when every invariant held
};

// Runs `path` through `engine` and checks every invariant above.
InvariantReport CheckInput(const Engine& engine, const std::string& path,
                           const PipelineOptions& opt);

}  // namespace bulletin

#endif  // BULLETIN_TESTS_INVARIANTS_H_
