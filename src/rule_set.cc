#include "rule_set.h"

#include <algorithm>

namespace bulletin {

std::unique_ptr<RuleSet> RuleSet::Build(
    const std::vector<std::string>& patterns,
    const std::vector<std::string>& groups, int64_t max_mem, std::string* error,
    size_t* bad) {
  auto rs = std::unique_ptr<RuleSet>(new RuleSet);
  // The groups in the order of their first rule, and their patterns' bytes.
  std::vector<std::string> names;
  std::vector<int64_t> bytes;
  int64_t total = 0;
  std::vector<size_t> group_of(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    size_t g = std::find(names.begin(), names.end(), groups[i]) - names.begin();
    if (g == names.size()) {
      names.push_back(groups[i]);
      bytes.push_back(0);
      rs->groups_.emplace_back();
    }
    group_of[i] = g;
    bytes[g] += static_cast<int64_t>(patterns[i].size());
    total += static_cast<int64_t>(patterns[i].size());
  }
  for (size_t g = 0; g < names.size(); ++g) {
    RE2::Options opt;
    opt.set_log_errors(false);
    // Its share of the budget (none, 0, stays none).
    int64_t share = total > 0
                        ? static_cast<int64_t>(static_cast<double>(max_mem) *
                                               bytes[g] / total)
                        : max_mem;
    opt.set_max_mem(max_mem > 0 ? std::max<int64_t>(share, 1) : max_mem);
    rs->groups_[g].set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  }
  for (size_t i = 0; i < patterns.size(); ++i) {
    Group& g = rs->groups_[group_of[i]];
    std::string err;
    if (g.set->Add(patterns[i], &err) < 0) {
      *error = err;
      *bad = i;
      return nullptr;
    }
    g.rules.push_back(static_cast<int>(i));
  }
  for (Group& g : rs->groups_) {
    if (!g.set->Compile()) {
      error->clear();
      *bad = patterns.size();
      return nullptr;
    }
  }
  return rs;
}

bool RuleSet::Match(re2::StringPiece text, std::vector<int>* ids,
                    RE2::Set::ErrorInfo* info) const {
  ids->clear();
  info->kind = RE2::Set::kNoError;
  std::vector<int> local;
  for (const Group& g : groups_) {
    RE2::Set::ErrorInfo gi;
    if (!g.set->Match(text, &local, &gi)) {
      if (gi.kind != RE2::Set::kNoError) {
        info->kind = gi.kind;
        return false;
      }
      continue;
    }
    for (int k : local) ids->push_back(g.rules[k]);
  }
  return !ids->empty();
}

}  // namespace bulletin
