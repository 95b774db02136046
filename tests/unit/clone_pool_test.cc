// The copies a shared engine hands out of its ICU iterators
// (src/clone_pool.h): each holder has one of its own, returned copies are
// handed out again, and several threads may take them at once.
#include "clone_pool.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace bulletin {
namespace {

// Counts the copies made of it.
struct Counted {
  explicit Counted(std::atomic<int>* made) : made(made) {}
  Counted* clone() const {
    ++*made;
    return new Counted(made);
  }
  std::atomic<int>* made;
  int uses = 0;
};

TEST_CASE("pool: holders at once get copies of their own, never the prototype",
          "[clone_pool]") {
  std::atomic<int> made{0};
  auto proto = std::make_unique<Counted>(&made);
  const Counted* p = proto.get();
  ClonePool<Counted> pool(std::move(proto));
  auto a = pool.Get();
  auto b = pool.Get();
  CHECK(&*a != &*b);
  CHECK(&*a != p);
  CHECK(&*b != p);
  CHECK(made == 2);
}

TEST_CASE("pool: a returned copy is handed out again rather than a new one",
          "[clone_pool]") {
  std::atomic<int> made{0};
  ClonePool<Counted> pool(std::make_unique<Counted>(&made));
  const Counted* first;
  {
    auto a = pool.Get();
    a->uses = 7;
    first = &*a;
  }
  auto again = pool.Get();
  CHECK(&*again == first);
  CHECK(again->uses == 7);
  CHECK(made == 1);
}

// The boundaries of `text` under a word iterator of the pool.
std::vector<int32_t> Bounds(const ClonePool<icu::BreakIterator>& pool,
                            const std::string& text) {
  std::vector<int32_t> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(),
                             static_cast<int64_t>(text.size()), &status);
  auto it = pool.Get();
  it->setText(ut, status);
  for (int32_t x = it->first(); x != icu::BreakIterator::DONE; x = it->next())
    out.push_back(x);
  utext_close(ut);
  return out;
}

TEST_CASE("pool: threads walking different texts at once each see their own",
          "[clone_pool]") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  REQUIRE(U_SUCCESS(status));
  ClonePool<icu::BreakIterator> pool(std::move(words));
  const std::string one = "red green blue", two = "a bb ccc dddd eeeee";
  const auto want_one = Bounds(pool, one), want_two = Bounds(pool, two);
  REQUIRE(want_one != want_two);
  std::atomic<int> wrong{0}, ready{0};
  auto run = [&](const std::string& text, const std::vector<int32_t>& want) {
    ++ready;
    while (ready < 2) std::this_thread::yield();  // start together
    for (int i = 0; i < 20000; ++i)
      if (Bounds(pool, text) != want) ++wrong;
  };
  std::thread t1(run, one, want_one), t2(run, two, want_two);
  t1.join();
  t2.join();
  CHECK(wrong == 0);
}

}  // namespace
}  // namespace bulletin
