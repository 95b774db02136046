#include "intervals.h"

#include <catch2/catch.hpp>

namespace bulletin {
namespace {

TEST_CASE("An interval set finds overlaps with its disjoint ranges",
          "[extract]") {
  IntervalSet s;
  CHECK_FALSE(s.Overlaps(0, 10));
  s.Add(10, 20);
  s.Add(30, 40);
  struct Row {
    size_t b, e;
    bool overlaps;
  };
  const Row rows[] = {
      {0, 10, false},  {0, 11, true},   {19, 25, true},  {20, 30, false},
      {25, 31, true},  {39, 50, true},  {40, 50, false}, {5, 45, true},
      {12, 15, true},  {15, 15, false},  // empty ranges overlap nothing
  };
  for (const auto& r : rows) {
    INFO(r.b << ".." << r.e);
    CHECK(s.Overlaps(r.b, r.e) == r.overlaps);
  }
  CHECK(s.size() == 2);
  s.Clear();
  CHECK_FALSE(s.Overlaps(0, 100));
}

}  // namespace
}  // namespace bulletin
