// Which rules can match a sentence: the rules' set patterns in one
// RE2::Set per entity type.
//
// One RE2::Set of every rule's pattern answers in one pass, but its DFA
// state is the set of every rule's partial matches at that point, so a
// state mixes the dates, figures and currency names in progress, and
// there are far more such mixtures than states of each type alone. On
// text the DFA has not seen, building states is most of the cost (each
// new one costs in proportion to its size), so a set per type, each run
// over the sentence, costs less than one set of all: on the samples and the
// gold corpus repeated to 1 MB, 2,229M instructions in one set, 1,074M in
// six (callgrind).
#ifndef BULLETIN_RULE_SET_H_
#define BULLETIN_RULE_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bulletin {

class RuleSet {
 public:
  // Compiles `patterns[i]` (rule i's) into the set of `groups[i]` (its
  // entity type), unanchored. The budget `max_mem` is the sets' together:
  // each gets the share of it that its patterns have of all the patterns'
  // bytes. Returns null on failure, with RE2's error in *error and in *bad
  // the rule whose pattern is bad, or patterns.size() when a set does not
  // compile within its share (the rules are too large together).
  static std::unique_ptr<RuleSet> Build(
      const std::vector<std::string>& patterns,
      const std::vector<std::string>& groups, int64_t max_mem,
      std::string* error, size_t* bad);

  // As RE2::Set::Match over all the rules: true when some pattern matches
  // `text`, with the rules that match in *ids (each once; the rules of a
  // group together, groups in the order their first rule has). False when
  // none matches (info->kind kNoError) or when a set failed (its kind, such
  // as kOutOfMemory: *ids is then not to be trusted).
  bool Match(re2::StringPiece text, std::vector<int>* ids,
             RE2::Set::ErrorInfo* info) const;

 private:
  struct Group {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> rules;  // the set's index → the rule's
  };
  std::vector<Group> groups_;
};

}  // namespace bulletin

#endif  // BULLETIN_RULE_SET_H_
