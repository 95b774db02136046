#include "numeral.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

#include "text_util.h"

namespace bulletin {

namespace {

// Arithmetic is exact: a value is an unsigned 128-bit mantissa times a power
// of ten, so scale words only move the exponent (一万亿亿 = 1 × 10^20 costs
// nothing). A number whose significant digits do not fit in 128 bits (more
// than 38 of them, e.g. 10^40 + 1) is rejected rather than rounded.
__extension__ typedef unsigned __int128 U128;  // quiet under -Wpedantic
constexpr U128 kMaxU128 = ~U128{0};
constexpr int kMaxPower = 4096;  // bound on stacked scale words (亿亿亿...)

struct Exact {
  U128 m = 0;
  int e = 0;  // value = m × 10^e
};

bool MulPow10(U128* m, int n) {
  if (*m == 0) return true;
  for (; n > 0; --n) {
    if (*m > kMaxU128 / 10) return false;
    *m *= 10;
  }
  return true;
}

bool Add(Exact* acc, const Exact& x) {
  if (x.m == 0) return true;
  if (acc->m == 0) {
    *acc = x;
    return true;
  }
  Exact lo = *acc, hi = x;
  if (lo.e > hi.e) std::swap(lo, hi);
  if (!MulPow10(&hi.m, hi.e - lo.e) || hi.m > kMaxU128 - lo.m) return false;
  acc->m = lo.m + hi.m;
  acc->e = lo.e;
  return true;
}

// The smallest n with x < 10^n.
int Magnitude(const Exact& x) {
  int n = 0;
  for (U128 m = x.m; m != 0; m /= 10) ++n;
  return n + x.e;
}

// Builds a mantissa digit by digit; trailing zeros are counted, not
// multiplied in, so 100000万 stays 1 × 10^9.
struct DigitAccumulator {
  U128 m = 0;
  int zeros = 0;
  bool Push(int d) {
    if (d == 0) {
      if (m != 0) ++zeros;
      return true;
    }
    if (!MulPow10(&m, zeros + 1) || m > kMaxU128 - d) return false;
    m += d;
    zeros = 0;
    return true;
  }
  Exact Value(int fraction_digits) const {
    return m == 0 ? Exact{} : Exact{m, zeros - fraction_digits};
  }
};

Decimal ToDecimal(Exact x) {
  Decimal d;
  if (x.m == 0) return d;
  while (x.m % 10 == 0) {
    x.m /= 10;
    ++x.e;
  }
  char buf[48];
  char* p = buf + sizeof(buf);
  for (U128 m = x.m; m != 0; m /= 10) *--p = static_cast<char>('0' + m % 10);
  d.digits.assign(p, buf + sizeof(buf));
  d.exponent = x.e;
  return d;
}

// The digits of `d` without leading or trailing zeros, and its exponent.
void Normalize(const Decimal& d, std::string* digits, int* exponent) {
  size_t first = d.digits.find_first_not_of('0');
  if (first == std::string::npos) {
    *digits = "0";
    *exponent = 0;
    return;
  }
  size_t last = d.digits.find_last_not_of('0');
  *digits = d.digits.substr(first, last + 1 - first);
  *exponent = d.exponent + static_cast<int>(d.digits.size() - 1 - last);
}

// The grammar of Chinese numerals over already classified tokens. An atom is
// a digit (一) or an Arabic number (13, 3.19); 零 is a placeholder; a unit
// (十百千) multiplies the atom before it; a scale (万亿兆) multiplies
// everything smaller before it, so 一万五千亿 = (10^4 + 5×10^3) × 10^8. Scales
// written next to each other compound: 二十万亿 = 20 × 10^4 × 10^8. Completed
// groups sit on a stack whose powers strictly decrease.
class Evaluator {
 public:
  // `digits` is the count of integer digits, 0 for a number with a fraction.
  bool Atom(const Exact& value, int digits) {
    if (last_ == kAtom) return false;
    pending_ = value;
    pending_digits_ = digits;
    pending_after_zero_ = last_ == kZero;
    after_scale_ = last_ == kScale;
    has_pending_ = true;
    last_ = kAtom;
    return true;
  }

  bool Zero() {
    if (last_ != kUnit && last_ != kScale) return false;
    // What follows 零 must fit below the place that was skipped; after a
    // scale word, anywhere below it (十万零一千, 一亿五千万零六千: the 零
    // people write where no place is skipped).
    if (last_power_ - 1 < 1) return false;
    if (last_ == kUnit) {
      section_zero_ = last_power_ - 1;
    } else {
      scale_zero_ = last_power_;
    }
    last_ = kZero;
    return true;
  }

  bool Unit(int power) {
    Exact term;
    if (has_pending_) {
      term = pending_;
      term.e += power;
    } else if (power == 1 &&
               (last_ == kNone || last_ == kZero ||
                (last_ == kUnit && last_power_ == 2))) {
      term = Exact{1, 1};  // 十二, 一千零十, 一百十一 (one ten after 百)
    } else {
      return false;
    }
    if (section_unit_ != 0 && power >= section_unit_) return false;
    if (depth_ > 0 && power >= stack_[depth_ - 1].power) return false;
    if (section_zero_ != 0) {
      if (Magnitude(term) > section_zero_) return false;
      section_zero_ = 0;
    }
    if (!Add(&section_, term)) return false;
    section_set_ = true;
    section_unit_ = power;
    last_power_ = power;
    has_pending_ = false;
    last_ = kUnit;
    return true;
  }

  bool Scale(int power) {
    if (last_ == kZero || last_ == kNone) return false;
    if (last_ == kScale) {  // 万亿, 亿亿: the top group moves up again
      if (power < last_scale_) return false;  // 亿万 is not a number
      last_scale_ = power;
      Group& top = stack_[depth_ - 1];
      top.value.e += power;
      top.power += power;
      if (top.power > kMaxPower) return false;
      if (depth_ >= 2 && stack_[depth_ - 2].power <= top.power) return false;
      last_power_ = top.power;
      return true;
    }
    Exact acc = section_;
    bool any = section_set_;
    if (has_pending_) {
      // 二十五万 and 一千零五万, but not 一百五万.
      if (!pending_after_zero_ && section_unit_ != 0 &&
          pending_digits_ != section_unit_) {
        return false;
      }
      if (section_zero_ != 0 && Magnitude(pending_) > section_zero_) {
        return false;
      }
      if (!Add(&acc, pending_)) return false;
      any = true;
    }
    section_zero_ = 0;
    while (depth_ > 0 && stack_[depth_ - 1].power < power) {
      if (!Add(&acc, stack_[--depth_].value)) return false;
      any = true;
    }
    if (!any) return false;  // 万 alone, 一亿万
    acc.e += power;
    if (scale_zero_ != 0) {
      if (Magnitude(acc) > scale_zero_) return false;
      scale_zero_ = 0;
    }
    if (depth_ > 0 && stack_[depth_ - 1].power <= power) return false;
    if (depth_ == static_cast<int>(stack_.size())) return false;
    stack_[depth_++] = Group{acc, power};
    section_ = Exact{};
    section_set_ = false;
    section_unit_ = 0;
    has_pending_ = false;
    last_power_ = power;
    last_scale_ = power;
    last_ = kScale;
    return true;
  }

  std::optional<Exact> Finish() {
    if (last_ == kZero || last_ == kNone) return std::nullopt;
    Exact total = section_;
    if (has_pending_) {
      Exact term = pending_;
      if (pending_after_zero_) {
        if (section_zero_ != 0 && Magnitude(term) > section_zero_) {
          return std::nullopt;
        }
      } else if (last_power_ != 0) {
        if (pending_digits_ == 1) {
          term.e += last_power_ - 1;  // 13万2 = 13.2万, 一千二 = 1200
        } else if (pending_digits_ == 0 ||
                   (pending_digits_ != last_power_ &&
                    !(last_ == kAtom && after_scale_ &&
                      pending_digits_ < last_power_))) {
          return std::nullopt;  // 3万2.5, 3千20: ambiguous
        }  // 1万600 = 10600: a whole number after a scale word counts units
      }
      if (!Add(&total, term)) return std::nullopt;
    }
    if (scale_zero_ != 0 && Magnitude(total) > scale_zero_) return std::nullopt;
    for (int i = 0; i < depth_; ++i) {
      if (!Add(&total, stack_[i].value)) return std::nullopt;
    }
    return total;
  }

  bool LastWasAtom() const { return last_ == kAtom; }

 private:
  enum Last { kNone, kAtom, kZero, kUnit, kScale };
  struct Group {
    Exact value;
    int power;  // 4 for 万, 12 for 万亿
  };

  std::array<Group, 16> stack_{};
  int depth_ = 0;
  Exact section_;  // the sum of unit terms since the last scale
  bool section_set_ = false;
  int section_unit_ = 0;  // power of the section's last unit, 0 if none
  Exact pending_;         // the atom not yet consumed by a unit or scale
  int pending_digits_ = 0;
  bool pending_after_zero_ = false;
  bool after_scale_ = false;  // the pending atom follows a scale word
  bool has_pending_ = false;
  int section_zero_ = 0;  // after 零 that followed a unit: the limit, or 0
  int scale_zero_ = 0;    // after 零 that followed a scale: the limit, or 0
  int last_power_ = 0;    // power of the last unit or scale, 0 if none
  int last_scale_ = 0;    // power of the last scale word itself
  Last last_ = kNone;
};

int DigitValue(UChar32 c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 0 && IsWideDigit(static_cast<char32_t>(c)))
    return static_cast<int>(FoldWidth(static_cast<char32_t>(c))) - '0';
  return -1;
}
bool IsComma(UChar32 c) {
  return c >= 0 && FoldWidth(static_cast<char32_t>(c)) == ',';
}
bool IsPoint(UChar32 c) {
  return c >= 0 && FoldWidth(static_cast<char32_t>(c)) == '.';
}

// The code point at *i, advancing *i; -1 at the end, negative if malformed.
UChar32 Next(const uint8_t* s, int32_t* i, int32_t n) {
  if (*i >= n) return -1;
  UChar32 c;
  U8_NEXT(s, *i, n, c);
  return c;
}

UChar32 Peek(const uint8_t* s, int32_t i, int32_t n) { return Next(s, &i, n); }

// Reads an Arabic number at *i: digits, optional thousands separators (a
// comma followed by exactly three digits), optional fraction.
bool ReadArabic(const uint8_t* s, int32_t* i, int32_t n, Exact* value,
                int* int_digits) {
  DigitAccumulator acc;
  int digits = 0, fraction = 0;
  bool comma = false;
  for (;;) {
    int32_t j = *i;
    UChar32 c = Next(s, &j, n);
    int d = DigitValue(c);
    if (d >= 0) {
      if (!acc.Push(d)) return false;
      ++digits;
      *i = j;
    } else if (IsComma(c)) {
      if (!comma && digits > 3) return false;  // 1234,567
      int group[3];
      for (int& g : group) {
        g = DigitValue(Next(s, &j, n));
        if (g < 0) return false;  // 1,23
      }
      if (DigitValue(Peek(s, j, n)) >= 0) return false;  // 1,2345
      for (int g : group) {
        if (!acc.Push(g)) return false;
      }
      digits += 3;
      comma = true;
      *i = j;
    } else if (IsPoint(c)) {
      if (DigitValue(Peek(s, j, n)) < 0) return false;  // 5.
      *i = j;
      for (;;) {
        j = *i;
        d = DigitValue(Next(s, &j, n));
        if (d < 0) break;
        if (!acc.Push(d)) return false;
        ++fraction;
        *i = j;
      }
      break;
    } else {
      break;
    }
  }
  *value = acc.Value(fraction);
  *int_digits = fraction > 0 ? 0 : digits;
  return true;
}

}  // namespace

Decimal Decimal::Shifted(int n) const {
  Decimal d = *this;
  if (!IsZero()) d.exponent += n;
  return d;
}

std::string Decimal::ToString() const {
  std::string d;
  int e;
  Normalize(*this, &d, &e);
  if (e >= 0) return d == "0" ? d : d + std::string(e, '0');
  int point = static_cast<int>(d.size()) + e;
  if (point > 0) return d.substr(0, point) + "." + d.substr(point);
  return "0." + std::string(-point, '0') + d;
}

double Decimal::ToDouble() const {
  return std::strtod(ToString().c_str(), nullptr);
}

bool Decimal::operator==(const Decimal& o) const {
  std::string a, b;
  int ea, eb;
  Normalize(*this, &a, &ea);
  Normalize(o, &b, &eb);
  return a == b && ea == eb;
}

std::optional<Numerals> Numerals::FromTsv(std::string_view tsv,
                                          std::string* error) {
  // "LINE:COL: message", the column in code points (that of the field at
  // fault; one past the line's end for a missing field).
  auto fail = [error](int line, int col, const std::string& message) {
    if (error != nullptr) {
      *error = std::to_string(line) + ":" + std::to_string(col) + ": " + message;
    }
    return std::nullopt;
  };
  Numerals table;
  int line_no = 0;
  while (!tsv.empty()) {
    ++line_no;
    size_t eol = tsv.find('\n');
    std::string_view line = tsv.substr(0, eol);
    tsv = eol == std::string_view::npos ? std::string_view()
                                        : tsv.substr(eol + 1);
    line = line.substr(0, line.find('#'));
    while (!line.empty() &&
           (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (line.find_first_not_of(' ') == std::string_view::npos) continue;

    // The column of byte offset `at` of the line.
    auto col_at = [line](size_t at) {
      int col = 1;  // UTF-8: each byte that does not continue a character
      for (size_t k = 0; k < at && k < line.size(); ++k)
        col += (static_cast<unsigned char>(line[k]) & 0xC0) != 0x80;
      return col;
    };
    std::string_view cols[3];
    size_t extra = 0;  // where a fourth field starts
    int count = 0;
    for (size_t start = 0;; ++count) {
      size_t tab = line.find('\t', start);
      if (count < 3) cols[count] = line.substr(start, tab - start);
      if (count == 3) extra = start;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    ++count;
    if (count != 3) {
      return fail(line_no, col_at(count < 3 ? line.size() : extra),
                  "expected 3 tab-separated columns, found " +
                      std::to_string(count));
    }
    auto col_of = [&](int k) {
      return col_at(static_cast<size_t>(cols[k].data() - line.data()));
    };

    const std::string_view surface = cols[0];
    int32_t i = 0;
    UChar32 c = Next(reinterpret_cast<const uint8_t*>(surface.data()), &i,
                     static_cast<int32_t>(surface.size()));
    if (c < 0x80 || static_cast<size_t>(i) != surface.size() ||
        u_isUWhiteSpace(c) || DigitValue(c) >= 0) {
      return fail(line_no, 1, "surface '" + std::string(surface) +
                               "' is not one non-ASCII character");
    }

    Entry entry{c, Kind::kDigit, 0};
    int lo, hi;
    if (cols[1] == "digit") {
      entry.kind = Kind::kDigit, lo = 0, hi = 9;
    } else if (cols[1] == "count") {
      entry.kind = Kind::kDigit, entry.counting = true, lo = 1, hi = 9;
    } else if (cols[1] == "tens") {
      entry.kind = Kind::kTens, lo = 1, hi = 9;
    } else if (cols[1] == "unit") {
      entry.kind = Kind::kUnit, lo = 1, hi = 3;
    } else if (cols[1] == "scale") {
      entry.kind = Kind::kScale, lo = 4, hi = 64;
    } else if (cols[1] == "point") {
      lo = 0, hi = 0;
    } else {
      return fail(line_no, col_of(1), "unknown kind '" + std::string(cols[1]) +
                               "' (expected digit, count, tens, unit, scale "
                               "or point)");
    }
    const std::string_view v = cols[2];
    bool ok = !v.empty() && v.size() <= 2;
    int value = 0;
    for (char ch : v) {
      ok = ok && ch >= '0' && ch <= '9';
      value = value * 10 + (ch - '0');
    }
    if (!ok || value < lo || value > hi) {
      return fail(line_no, col_of(2), "bad value '" + std::string(v) + "' for " +
                               std::string(cols[1]) + " (expected " +
                               std::to_string(lo) + "-" + std::to_string(hi) +
                               ")");
    }
    entry.value = value;
    if (table.Find(c) != nullptr ||
        std::find(table.points_.begin(), table.points_.end(), surface) !=
            table.points_.end()) {
      return fail(line_no, 1, "duplicate surface '" + std::string(surface) + "'");
    }
    if (cols[1] == "point") {
      table.points_.emplace_back(surface);
      continue;
    }
    auto pos = std::lower_bound(
        table.entries_.begin(), table.entries_.end(), c,
        [](const Entry& e, int32_t cp) { return e.code_point < cp; });
    table.entries_.insert(pos, entry);
  }
  return table;
}

const Numerals::Entry* Numerals::Find(int32_t code_point) const {
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), code_point,
      [](const Entry& e, int32_t cp) { return e.code_point < cp; });
  return it != entries_.end() && it->code_point == code_point ? &*it : nullptr;
}

std::optional<Decimal> Numerals::Parse(std::string_view text) const {
  if (text.size() > static_cast<size_t>(INT32_MAX)) return std::nullopt;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());

  // Trim surrounding white space.
  int32_t begin = 0, end = n;
  for (int32_t j = begin; begin < end; begin = j) {
    UChar32 c = Next(s, &j, end);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
  }
  while (end > begin) {
    int32_t j = end;
    UChar32 c;
    U8_PREV(s, begin, j, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = j;
  }

  Evaluator eval;
  // Chinese digits with no unit or scale are read digit by digit (二〇二二).
  DigitAccumulator sequence;
  int sequence_length = 0, sequence_first = 0;
  bool any_counting = false, any_zero = false;
  bool in_sequence = true;
  // before_scale: a scale word follows (七六五億, 三○○億: the digits are one
  // number). Not two digits without a zero (三四亿, 三五万 are "three or
  // four", "three to five"), which are no number.
  auto leave_sequence = [&](bool before_scale = false) {
    if (!in_sequence) return true;
    in_sequence = false;
    if (sequence_length == 0) return true;
    if (sequence_length > 1) {
      bool pair = sequence_length == 2 && !any_zero;
      if (!before_scale || pair) return false;  // 二〇 followed by a unit
      return eval.Atom(sequence.Value(0), sequence_length);
    }
    return sequence_first == 0 ? eval.Zero()
                               : eval.Atom(Exact{U128(sequence_first), 0}, 1);
  };

  for (int32_t i = begin; i < end;) {
    int32_t j = i;
    UChar32 c = Next(s, &j, end);
    if (c < 0) return std::nullopt;  // malformed UTF-8
    if (DigitValue(c) >= 0) {
      Exact value;
      int digits;
      if (!leave_sequence() || !ReadArabic(s, &i, end, &value, &digits) ||
          !eval.Atom(value, digits)) {
        return std::nullopt;
      }
      continue;
    }
    i = j;
    if (u_isUWhiteSpace(c)) {  // only as in "1 万"
      while (i < end && u_isUWhiteSpace(c = Next(s, &j, end))) i = j;
      const Entry* next = Find(c);
      if (!leave_sequence() || !eval.LastWasAtom() || next == nullptr ||
          next->kind == Kind::kDigit) {
        return std::nullopt;
      }
      continue;
    }
    const Entry* entry = Find(c);
    if (entry == nullptr) return std::nullopt;
    bool ok = true;
    switch (entry->kind) {
      case Kind::kDigit:
        if (in_sequence) {
          if (sequence_length++ == 0) sequence_first = entry->value;
          any_zero |= entry->value == 0;
          // 两 counts but is never written digit by digit: 一两 is "one or
          // two", not 12.
          if (entry->counting) any_counting = true;
          ok = !(any_counting && sequence_length > 1) &&
               sequence.Push(entry->value);
        } else {
          ok = entry->value == 0 ? eval.Zero()
                                 : eval.Atom(Exact{U128(entry->value), 0}, 1);
        }
        break;
      case Kind::kUnit:
        ok = leave_sequence() && eval.Unit(entry->value);
        break;
      case Kind::kTens:  // 廿五 = 二十五
        ok = leave_sequence() && eval.Atom(Exact{U128(entry->value), 0}, 1) &&
             eval.Unit(1);
        break;
      case Kind::kScale:
        ok = leave_sequence(true) && eval.Scale(entry->value);
        break;
    }
    if (!ok) return std::nullopt;
  }

  if (in_sequence) {
    if (sequence_length == 0) return std::nullopt;
    return ToDecimal(sequence.Value(0));
  }
  std::optional<Exact> total = eval.Finish();
  if (!total) return std::nullopt;
  return ToDecimal(*total);
}

std::optional<int> Numerals::ScalePower(std::string_view word) const {
  if (word.size() > static_cast<size_t>(INT32_MAX)) return std::nullopt;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  int power = 0, last_scale = 0;
  bool any = false;
  for (int32_t i = 0; i < n;) {
    const Entry* entry = Find(Next(s, &i, n));
    if (entry == nullptr || entry->kind == Kind::kDigit ||
        entry->kind == Kind::kTens) {
      return std::nullopt;
    }
    // At most one unit, and only first: 千万 but not 万千 or 十百; scale
    // words in rising order: 万亿 but not 亿万.
    if (entry->kind == Kind::kUnit && any) return std::nullopt;
    if (entry->kind == Kind::kScale) {
      if (entry->value < last_scale) return std::nullopt;
      last_scale = entry->value;
    }
    power += entry->value;
    if (power > kMaxPower) return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  return power;
}

}  // namespace bulletin
