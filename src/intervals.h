// A set of disjoint half-open byte ranges [begin, end) with O(log n)
// overlap tests, for the "first match wins" passes of the extractor and the
// organisation matcher (a linear scan over what was taken made them
// quadratic in the number of matches of a field).
#ifndef BULLETIN_INTERVALS_H_
#define BULLETIN_INTERVALS_H_

#include <cstddef>
#include <iterator>
#include <map>

namespace bulletin {

class IntervalSet {
 public:
  // True when [b, e) shares at least one byte with a range in the set.
  bool Overlaps(size_t b, size_t e) const {
    if (b >= e) return false;
    auto it = ranges_.lower_bound(e);  // first range starting at or after e
    if (it == ranges_.begin()) return false;
    --it;  // the last range starting before e: the only one that can reach b
    return it->second > b;
  }
  // Adds [b, e); the caller keeps the ranges disjoint (tests Overlaps first).
  void Add(size_t b, size_t e) {
    if (b < e) ranges_[b] = e;
  }
  void Clear() { ranges_.clear(); }
  size_t size() const { return ranges_.size(); }

 private:
  std::map<size_t, size_t> ranges_;  // begin -> end, disjoint
};

}  // namespace bulletin

#endif  // BULLETIN_INTERVALS_H_
