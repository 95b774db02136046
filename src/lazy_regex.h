// A regular expression compiled when it is first used.
//
// Compiling every rule at start-up cost most of the start-up time (RE2
// builds each program eagerly), yet a short input uses few of them. The
// built-in rules are known to compile (ctest loads and runs them all:
// tests/unit/lazy_regex_test.cc), so they are kept as pattern text until a
// match needs them. A pattern given with --rules is compiled at load
// instead (Compiled()), so that a broken one is reported as file:line:col
// before any input is read.
#ifndef BULLETIN_LAZY_REGEX_H_
#define BULLETIN_LAZY_REGEX_H_

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>

namespace bulletin {

class LazyRegex {
 public:
  LazyRegex(std::string pattern, const RE2::Options& opt)
      : pattern_(std::move(pattern)), opt_(opt) {}
  // An expression already compiled (and checked) at load.
  explicit LazyRegex(std::unique_ptr<RE2> compiled)
      : pattern_(compiled->pattern()),
        opt_(compiled->options()),
        re_(std::move(compiled)) {
    std::call_once(once_, [] {});
  }
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  // The compiled expression (compiled now if it was not yet; safe when
  // several threads ask at once).
  const RE2& get() const {
    std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, opt_); });
    return *re_;
  }
  const RE2& operator*() const { return get(); }
  const RE2* operator->() const { return &get(); }
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  RE2::Options opt_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

// True when every file of `files` is one of the embedded ones: patterns
// may then be compiled lazily.
template <typename Files>
bool OnlyBuiltin(const Files& files) {
  for (const auto& f : files.all())
    if (f.origin.rfind("builtin:", 0) != 0) return false;
  return true;
}

}  // namespace bulletin

#endif  // BULLETIN_LAZY_REGEX_H_
