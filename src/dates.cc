// Date normalisation.
//
// Year inference. A date without a year takes, in this order:
//   1. the article's own date: a dateline (a full date in the title, at the
//      start of the body, or right after a `dateline` word of
//      date_words.tsv such as 发布时间);
//   2. the latest year written earlier in the article (or named by 去年,
//      今年, 明年 ...), except years in a
//      forward-looking sentence (one holding a `forward` word: 将, 预计 ...)
//      and years after the article's own date: plans do not anchor;
//   3. the year most of the document's full dates carry so far (plans
//      excepted: a year after the own date, or one of a forward-looking
//      sentence after --reference-date);
//   4. --reference-date.
// Without any, the value keeps "XXXX" for the year and year_inferred is
// false. Relative words (今天, 上周五, 去年, 三天前) resolve against the
// article's own date, else its first full date, else --reference-date (a
// year-level word also against the document's year); day-level words
// (今天, 上周五, 三天前) take --reference-date before the first full date. Impossible calendar
// dates are kept, flagged with "invalid": true and a null value.
//
// Calendar arithmetic (day and month offsets, weekdays, the Chinese
// calendar of lunar dates and festivals) is ICU's.
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "normalize.h"
#include "text_util.h"

namespace bulletin {
namespace {

std::string Get(const Groups& g, const char* k) {
  auto it = g.find(k);
  return it == g.end() ? std::string() : std::string(it->second);
}

bool Has(const Groups& g, const char* k) { return g.count(k) > 0; }

int ToInt(const Tables& t, const std::string& s) {
  if (s.empty()) return 0;
  auto v = t.Number(s);
  if (!v || v->exponent < 0 || v->digits.size() > 6) return -1;
  // (No exception: a number too large for an int, 3 followed by a scale
  // word of 10^12, is no day, month or year either.)
  const std::string text = v->Shifted(0).ToString();
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return -1;
  return n;
}

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && (y <= 0 || Leap(y)) ? 29 : kDays[m - 1];
}

std::string Pad(int v, int w) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", w, v);
  return buf;
}

std::string Year(int y) { return y > 0 ? Pad(y, 4) : "XXXX"; }

struct Ymd {
  int y = 0, m = 0, d = 0;
  bool Full() const { return y > 0 && m > 0 && d > 0; }
  std::string Iso() const {
    return Year(y) + "-" + Pad(m, 2) + "-" + Pad(d, 2);
  }
};

Ymd ParseIso(const std::string& s) {
  Ymd r;
  if (s.size() >= 4) r.y = std::atoi(s.c_str());
  if (s.size() >= 7) r.m = std::atoi(s.c_str() + 5);
  if (s.size() >= 10) r.d = std::atoi(s.c_str() + 8);
  return r;
}

// A proleptic Gregorian calendar in GMT.
std::unique_ptr<icu::GregorianCalendar> Gregorian() {
  UErrorCode st = U_ZERO_ERROR;
  auto cal = std::make_unique<icu::GregorianCalendar>(
      icu::TimeZone::getGMT()->clone(), st);
  if (U_FAILURE(st)) return nullptr;
  cal->setGregorianChange(-8.64e15, st);
  return cal;
}

Ymd FromCal(const icu::Calendar& cal) {
  UErrorCode st = U_ZERO_ERROR;
  Ymd r;
  r.y = cal.get(UCAL_EXTENDED_YEAR, st);
  r.m = cal.get(UCAL_MONTH, st) + 1;
  r.d = cal.get(UCAL_DATE, st);
  return U_SUCCESS(st) ? r : Ymd();
}

// `base` shifted by `n` days, weeks, months or years (ICU clamps the day:
// 3月31日 + 1 month is 4月30日).
Ymd Shift(const Ymd& base, UCalendarDateFields f, int n) {
  auto cal = Gregorian();
  if (!cal || !base.Full()) return Ymd();
  UErrorCode st = U_ZERO_ERROR;
  cal->clear();
  cal->set(base.y, base.m - 1, base.d);
  cal->add(f, n, st);
  return U_SUCCESS(st) ? FromCal(*cal) : Ymd();
}

// 1 (Monday) to 7 (Sunday).
int Weekday(const Ymd& day) {
  auto cal = Gregorian();
  if (!cal || !day.Full()) return 0;
  UErrorCode st = U_ZERO_ERROR;
  cal->clear();
  cal->set(day.y, day.m - 1, day.d);
  int w = cal->get(UCAL_DAY_OF_WEEK, st);  // 1 = Sunday
  return U_SUCCESS(st) ? (w == UCAL_SUNDAY ? 7 : w - 1) : 0;
}

// Day `ld` of month `lm` of the Chinese year that begins in Gregorian year
// `year` (ld 0: the last day of that year), as a Gregorian day.
Ymd FromLunar(int year, int lm, int ld) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cn(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("zh@calendar=chinese"),
      st));
  auto greg = Gregorian();
  if (U_FAILURE(st) || !cn || !greg) return Ymd();
  // Find the Chinese year holding the middle of Gregorian `year`.
  greg->clear();
  greg->set(year, 6, 1);
  cn->setTime(greg->getTime(st), st);
  int era = cn->get(UCAL_ERA, st), cy = cn->get(UCAL_YEAR, st);
  if (U_FAILURE(st)) return Ymd();
  cn->clear();
  cn->set(UCAL_ERA, era);
  cn->set(UCAL_YEAR, cy);
  if (ld == 0) {  // the eve: the day before the next year's first day
    cn->set(UCAL_YEAR, cy + 1);
    cn->set(UCAL_MONTH, 0);
    cn->set(UCAL_IS_LEAP_MONTH, 0);
    cn->set(UCAL_DATE, 1);
    greg->setTime(cn->getTime(st), st);
    greg->add(UCAL_DATE, -1, st);
    return U_SUCCESS(st) ? FromCal(*greg) : Ymd();
  }
  cn->set(UCAL_MONTH, lm - 1);
  cn->set(UCAL_IS_LEAP_MONTH, 0);
  cn->set(UCAL_DATE, ld);
  // The month may have 29 days only: day 30 of it does not exist.
  cn->setLenient(false);
  UDate when = cn->getTime(st);
  if (U_FAILURE(st)) return Ymd();
  greg->setTime(when, st);
  return U_SUCCESS(st) ? FromCal(*greg) : Ymd();
}

long DayNumber(const Ymd& d) {  // for "nearest" comparisons only
  return d.y * 372L + d.m * 31L + d.d;
}

int DocYear(const DocContext& c) {
  int best = 0, count = 0;
  for (const auto& [y, n] : c.full_date_years)
    if (n >= count) best = y, count = n;
  return best;
}

// The day relative words resolve against (parts may be 0 when unknown).
Ymd BaseDay(const DocContext& c) {
  if (!c.own_date.empty()) return ParseIso(c.own_date);
  if (c.article_date.size() >= 4) return ParseIso(c.article_date);
  if (int dy = DocYear(c)) {
    Ymd r;
    r.y = dy;
    return r;
  }
  return ParseIso(c.reference_date);
}

// The year for a date written without one (see the top of the file).
int InferYear(const DocContext& c) {
  if (!c.own_date.empty()) return ParseIso(c.own_date).y;
  if (c.article_year) return c.article_year;
  if (int dy = DocYear(c)) return dy;
  return ParseIso(c.reference_date).y;
}

bool HasWordOf(const Tables& t, std::string_view text, const char* kind) {
  // Each word of the kind (words are short: at most 4 code points) looked
  // for in the text. A UTF-8 word found in UTF-8 text starts and ends on
  // code points (a lead byte never continues a character), so this is the
  // same as trying every substring of 1 to 4 code points against the
  // table, at a few searches per sentence instead of four lookups per
  // character.
  for (const std::string& w : t.SurfacesOf("date_words.tsv", kind))
    if (text.find(w) != std::string_view::npos &&
        CodePointOffsets(w).size() <= 5)  // counted only for a word found
      return true;
  return false;
}

// HasWordOf(ctx->sentence, "forward"), worked out once per sentence: a
// sentence of many dates (one huge line) would else be read once for each.
bool SentenceLooksForward(const Tables& t, DocContext* ctx) {
  if (ctx->sentence_forward < 0)
    ctx->sentence_forward = HasWordOf(t, ctx->sentence, "forward") ? 1 : 0;
  return ctx->sentence_forward == 1;
}

// The byte offsets of the last (up to) `n` code points of `text` before
// byte `end`, first to last, and `end` itself: only the tail is decoded, so
// a long sentence before a date costs nothing.
std::vector<int> TailOffsets(std::string_view text, int end, int n) {
  auto p = reinterpret_cast<const uint8_t*>(text.data());
  std::vector<int> out{end};
  int32_t i = end;
  while (i > 0 && static_cast<int>(out.size()) <= n) {
    U8_BACK_1(p, 0, i);
    out.push_back(i);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

bool EndsWithWordOf(const Tables& t, std::string_view text, const char* kind) {
  // Skip trailing white space and a colon.
  int end = static_cast<int>(text.size());
  while (end > 0) {
    std::vector<int> last = TailOffsets(text, end, 1);
    std::string folded = FoldWidth(text.substr(last[0], end - last[0]));
    if (folded == " " || folded == ":")
      end = last[0];
    else
      break;
  }
  std::vector<int> cp = TailOffsets(text, end, 4);  // cp.back() == end
  for (size_t n = 1; n < cp.size(); ++n) {
    size_t b = cp.size() - 1 - n;
    const auto* row =
        t.Row("date_words.tsv", text.substr(cp[b], end - cp[b]));
    if (row && (*row)[0] == kind) return true;
  }
  return false;
}

bool StartsWithWordOf(const Tables& t, std::string_view text, const char* kind) {
  // Only the first 4 code points are decoded.
  auto p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, len = static_cast<int32_t>(text.size());
  for (int n = 1; n <= 4 && i < len; ++n) {
    U8_FWD_1(p, i, len);
    const auto* row = t.Row("date_words.tsv", text.substr(0, i));
    if (row && (*row)[0] == kind) return true;
  }
  return false;
}

// True when `s` holds nothing but white space and opening brackets: a date
// after it starts the text.
bool OnlyOpeners(std::string_view s) {
  // Decoded one code point at a time: the first other one ends it.
  auto p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, len = static_cast<int32_t>(s.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    char32_t x = c < 0 ? 0xFFFD : static_cast<char32_t>(c);
    if (FoldWidth(x) != ' ' && x != '\t' &&
        !Punctuation::In(Punct().opener, x))
      return false;
  }
  return true;
}

const std::vector<std::string>* Word(const Tables& t, const Groups& g,
                                     const char* group, const char* kind) {
  auto it = g.find(group);
  if (it == g.end()) return nullptr;
  const auto* row = t.Row("date_words.tsv", it->second);
  if (!row || row->size() < 2 || (*row)[0] != kind) return nullptr;
  return row;
}

void PutDay(const Ymd& d, Attrs* a) {
  a->push_back({"value", d.Full() ? AttrValue::String(d.Iso()) : AttrValue::Null()});
  a->push_back({"precision", AttrValue::String("day")});
}

// The quarter of the groups: q (a number) or qw (a quarter_word of
// date_words.tsv: 首季); 0 for none, -1 for one out of range.
int QuarterOf(const Tables& t, const Groups& g) {
  int q = 0;
  if (const auto* row = Word(t, g, "qw", "quarter_word"))
    q = std::atoi((*row)[1].c_str());
  else if (Has(g, "q"))
    q = ToInt(t, Get(g, "q"));
  return q >= 0 && q <= 4 ? q : -1;
}

// A report name (group report: 三季报, 中报, 年报): its kind (quarterly,
// interim or annual), and the quarter (*q) or half (*half, H1) it is named
// for; "" when the groups hold none.
std::string ReportOf(const Tables& t, const Groups& g, int* q,
                     std::string* half) {
  const auto* row = Word(t, g, "report", "report");
  if (!row) return "";
  const std::string& p = (*row)[1];
  if (p.size() == 2 && p[0] == 'Q' && p[1] >= '1' && p[1] <= '4') {
    *q = p[1] - '0';
    return "quarterly";
  }
  if (p == "H1" || p == "H2") {
    *half = p;
    return "interim";
  }
  return "annual";
}

// The first and last day of quarter q of year y (y > 0, 1 <= q <= 4).
std::string QuarterFrom(int y, int q) {
  return Year(y) + "-" + Pad(q * 3 - 2, 2) + "-01";
}
std::string QuarterTo(int y, int q) {
  return Year(y) + "-" + Pad(q * 3, 2) + "-" + Pad(DaysIn(y, q * 3), 2);
}

// The first and last day of the first (h1) or second half of year y.
std::string HalfFrom(int y, bool h1) {
  return Year(y) + (h1 ? "-01-01" : "-07-01");
}
std::string HalfTo(int y, bool h1) {
  return Year(y) + (h1 ? "-06-30" : "-12-31");
}

// A month part (上旬, 月底): its days, as from/to.
void PutMonthPart(int y, int m, const std::string& part,
                  Attrs* a) {
  a->push_back({"part", AttrValue::String(part)});
  if (y <= 0 || m <= 0) return;
  int b = part == "start" ? 1 : part == "mid" ? 11 : 21;
  int e = part == "start" ? 10 : part == "mid" ? 20 : DaysIn(y, m);
  a->push_back({"from", AttrValue::String(Year(y) + "-" + Pad(m, 2) + "-" + Pad(b, 2))});
  a->push_back({"to", AttrValue::String(Year(y) + "-" + Pad(m, 2) + "-" + Pad(e, 2))});
}

// The first quarters or months of a year (前三季度 → Q1/Q3, 今年前9个月 →
// 01/09) and quarter ranges (一至三季度): 1 with value, precision, from and
// to added, 0 when the groups are no such period, -1 when out of range.
int PutPeriod(const Tables& t, const Groups& g, int y, Attrs* a) {
  bool quarters = Has(g, "qn") || Has(g, "q_to");
  if (!quarters && !Has(g, "mn")) return 0;
  int first = 1, last = 0;
  if (Has(g, "qn")) {
    last = ToInt(t, Get(g, "qn"));
  } else if (Has(g, "q_to")) {
    first = ToInt(t, Get(g, "q")), last = ToInt(t, Get(g, "q_to"));
  } else {
    last = ToInt(t, Get(g, "mn"));
  }
  if (first < 1 || last <= first || last > (quarters ? 4 : 12)) return -1;
  auto label = [&](int n) {
    return Year(y) + (quarters ? "-Q" + std::to_string(n) : "-" + Pad(n, 2));
  };
  a->push_back({"value", AttrValue::String(label(first) + "/" + label(last))});
  a->push_back({"precision", AttrValue::String(quarters ? "quarter" : "month")});
  if (y > 0) {
    int m0 = quarters ? first * 3 - 2 : first, m1 = quarters ? last * 3 : last;
    a->push_back({"from", AttrValue::String(Year(y) + "-" + Pad(m0, 2) + "-01")});
    a->push_back({"to", AttrValue::String(Year(y) + "-" + Pad(m1, 2) + "-" +
                                          Pad(DaysIn(y, m1), 2))});
  }
  return 1;
}

// The relative forms: 今天 (reld), 上周五 (relw + wd), 三天前 (n + span +
// dir), 上季度 (relq), 去年 / 去年3月3日 / 本月9日 (rel, relm with an
// optional m, d or part), 近日 (recent).
bool Relative(const Tables& t, const Groups& g, Entity* e, DocContext* ctx) {
  auto& a = e->attrs;
  Ymd base = BaseDay(*ctx);
  if (!ctx->reference_date.empty() && !base.Full()) {
    Ymd ref = ParseIso(ctx->reference_date);
    if (!base.y || base.y == ref.y) base = ref;
  }
  // Day-level words (明天, 周五, 三天前) need the day of writing: the own
  // date, else the reference date; a date merely mentioned first in the
  // article (由2031年4月1日起) is the last resort.
  bool day_level =
      Has(g, "reld") || Has(g, "wd") || Has(g, "span") || Has(g, "dom");
  if (day_level && ctx->own_date.empty() && !ctx->reference_date.empty())
    base = ParseIso(ctx->reference_date);
  auto relative = [&](const char* group) {
    a.push_back({"relative", AttrValue::String(Get(g, group))});
  };
  if (Has(g, "dom")) {
    // A day of the month alone (12日), or after a day word or a weekday
    // with its date in brackets (昨（12）日, 周五（22日）): the day with that
    // number nearest the base day shifted by the day word, in its month or
    // the next to it.
    int d = ToInt(t, Get(g, "dom")), off = 0;
    if (d < 1 || d > 31) return false;
    if (Has(g, "reldm")) {
      const auto* row = Word(t, g, "reldm", "relative_day_mark");
      if (!row) return false;
      off = std::atoi((*row)[1].c_str());
      relative("reldm");
    } else if (Has(g, "wd")) {  // 周五（22日）: the weekday is relative
      a.push_back({"relative", AttrValue::String(e->text)});
    }
    Ymd day;
    if (base.Full()) {
      Ymd aim = Shift(base, UCAL_DATE, off);
      long best = 0;
      for (int k : {0, -1, 1}) {
        Ymd m = Shift(Ymd{aim.y, aim.m, 1}, UCAL_MONTH, k);
        if (!m.Full() || d > DaysIn(m.y, m.m)) continue;
        Ymd cand{m.y, m.m, d};
        long dist = std::labs(DayNumber(cand) - DayNumber(aim));
        if (!day.Full() || dist < best) day = cand, best = dist;
      }
    }
    PutDay(day, &a);
  } else if (const auto* row = Word(t, g, "reld", "relative_day")) {
    relative("reld");
    PutDay(Shift(base, UCAL_DATE, std::atoi((*row)[1].c_str())), &a);
  } else if (Has(g, "wd")) {
    int wd = ToInt(t, Get(g, "wd"));
    if (wd <= 0) wd = 7;  // 日, 天: Sunday
    if (wd > 7) return false;
    int week = 0;
    if (Has(g, "relw")) {
      const auto* row = Word(t, g, "relw", "relative_week");
      if (!row) return false;
      week = std::atoi((*row)[1].c_str());
    }
    // The day of that weekday in the base day's week (Monday first),
    // shifted by the week offset.
    int bw = Weekday(base);
    Ymd day = bw ? Shift(base, UCAL_DATE, wd - bw + 7 * week) : Ymd();
    a.push_back({"relative", AttrValue::String(e->text)});
    PutDay(day, &a);
  } else if (Has(g, "span")) {
    const auto* span = Word(t, g, "span", "span");
    const auto* dir = Word(t, g, "dir", "direction");
    if (!span || !dir) return false;
    std::string n = Get(g, "n"), unit = (*span)[1];
    int sign = std::atoi((*dir)[1].c_str());
    UCalendarDateFields f = unit == "day"    ? UCAL_DATE
                            : unit == "week" ? UCAL_WEEK_OF_YEAR
                            : unit == "month" ? UCAL_MONTH
                                              : UCAL_YEAR;
    int k = ToInt(t, n);
    if (k < 0) {  // 半: half a year is six months, half a month 15 days
      if (unit == "year") {
        f = UCAL_MONTH, k = 6;
      } else if (unit == "month") {
        f = UCAL_DATE, k = 15;
      } else {
        return false;
      }
    }
    if (k <= 0 || k > 500) return false;
    a.push_back({"relative", AttrValue::String(e->text)});
    if (base.Full()) {
      PutDay(Shift(base, f, sign * k), &a);
    } else if (base.y && unit == "year") {
      a.push_back({"value", AttrValue::String(Year(base.y + sign * k))});
      a.push_back({"precision", AttrValue::String("year")});
    } else {
      PutDay(Ymd(), &a);
    }
  } else if (const auto* row = Word(t, g, "relq", "relative_quarter")) {
    // 本季, 上季度, 下一季: the quarter the article last named shifted
    // (第三季營收較上季成長: the quarter before the third), else the base
    // day's quarter.
    relative("relq");
    int y = 0, q = 0, n = ctx->article_quarter;
    if (!n && base.y && base.m) n = base.y * 4 + (base.m - 1) / 3;
    if (n) {
      n += std::atoi((*row)[1].c_str());
      y = n / 4, q = n % 4 + 1;
    }
    a.push_back({"value", q ? AttrValue::String(Year(y) + "-Q" +
                                                std::to_string(q))
                            : AttrValue::Null()});
    a.push_back({"precision", AttrValue::String("quarter")});
    if (q) {
      a.push_back({"from", AttrValue::String(QuarterFrom(y, q))});
      a.push_back({"to", AttrValue::String(QuarterTo(y, q))});
    }
  } else if (Has(g, "rel") || Has(g, "relm")) {
    int y = base.y, m = base.m;
    if (Has(g, "rel")) {
      const auto* row = Word(t, g, "rel", "relative_year");
      if (!row) return false;
      if (y) y += std::atoi((*row)[1].c_str());
      // 去年, 今年, 明年 anchor later dates as a written year does, unless
      // the sentence looks forward or the year is after the own date.
      // Nor when it is a baseline compared with (较去年, 去年同期).
      int own = ctx->own_date.empty() ? 0 : ParseIso(ctx->own_date).y;
      std::string_view after;
      if (ctx->sentence_before.size() + e->text.size() <= ctx->sentence.size())
        after = ctx->sentence.substr(ctx->sentence_before.size() + e->text.size());
      bool compared = EndsWithWordOf(t, ctx->sentence_before, "compare") ||
                      StartsWithWordOf(t, after, "compare");
      if (y && !compared && !SentenceLooksForward(t, ctx) &&
          !(own && y > own))
        ctx->article_year = y;
    }
    if (Has(g, "relm")) {
      const auto* row = Word(t, g, "relm", "relative_month");
      if (!row) return false;
      if (m) {
        m += std::atoi((*row)[1].c_str());
        if (m < 1) m += 12, y -= y ? 1 : 0;
        if (m > 12) m -= 12, y += y ? 1 : 0;
      }
    } else if (Has(g, "m")) {
      m = ToInt(t, Get(g, "m"));
      if (m < 1 || m > 12) return false;
    } else {
      m = 0;
    }
    int d = ToInt(t, Get(g, "d"));
    if (d < 0) return false;
    const auto* pr = Word(t, g, "part", "part");
    a.push_back({"relative", AttrValue::String(Get(g, Has(g, "rel") ? "rel" : "relm"))});
    bool monthly = Has(g, "relm") || Has(g, "m");
    if (int p = monthly ? 0 : PutPeriod(t, g, y, &a)) {
      if (p < 0) return false;  // 今年前三季度
      if (!y)  // no year to count from: the value unknown, as 今年 alone
        for (auto& [k, v] : a)
          if (k == "value") v = AttrValue::Null();
    } else if (!monthly) {
      // 今年下半年: a half of the relative year; 今年底: a part of it;
      // 今年第二季: a quarter of it.
      // (去年三季报, 去年年报: the period a report is named for.)
      const auto* hr = t.Row("date_words.tsv", Get(g, "part"));
      std::string half_code = hr && (*hr)[0] == "half" ? (*hr)[1] : "";
      int q = QuarterOf(t, g);
      std::string report = ReportOf(t, g, &q, &half_code);
      bool half = !half_code.empty();
      if (q < 0) return false;
      if (y && q) ctx->article_quarter = y * 4 + q - 1;
      if (!report.empty()) a.push_back({"report", AttrValue::String(report)});
      std::string v = Year(y) + (half ? "-" + half_code : "") +
                      (q ? "-Q" + std::to_string(q) : "");
      a.push_back({"value", y ? AttrValue::String(v) : AttrValue::Null()});
      a.push_back({"precision",
                   AttrValue::String(half ? "half" : q ? "quarter" : "year")});
      if (pr) a.push_back({"part", AttrValue::String((*pr)[1])});
      if (y && (half || q)) {  // 去年上半年, 明年第一季度: their days
        bool h1 = half_code == "H1";
        a.push_back({"from", AttrValue::String(q ? QuarterFrom(y, q)
                                                 : HalfFrom(y, h1))});
        a.push_back(
            {"to", AttrValue::String(q ? QuarterTo(y, q) : HalfTo(y, h1))});
      }
    } else if (!y || !m) {
      a.push_back({"value", AttrValue::Null()});
      a.push_back({"precision", AttrValue::String(d ? "day" : "month")});
    } else if (d) {
      if (d > DaysIn(y, m)) return false;
      Ymd day{y, m, d};
      PutDay(day, &a);
    } else {
      a.push_back({"value", AttrValue::String(Year(y) + "-" + Pad(m, 2))});
      a.push_back({"precision", AttrValue::String("month")});
      if (pr) PutMonthPart(y, m, (*pr)[1], &a);
    }
  } else if (Has(g, "recent")) {
    a.push_back({"relative", AttrValue::String(Get(g, "recent"))});
    // Recently: the article's own date, else its first full date, else
    // the reference date ("now").
    Ymd own = ParseIso(!ctx->own_date.empty()       ? ctx->own_date
                       : !ctx->article_date.empty() ? ctx->article_date
                                                    : ctx->reference_date);
    PutDay(own, &a);
  } else {
    return false;
  }
  // The year of a resolved relative date always came from the context; an
  // unresolved one (value null) was given none.
  const AttrValue* v = FindAttr(a, "value");
  a.push_back({"year_inferred",
               AttrValue::Bool(v && v->kind() != AttrValue::Kind::kNull)});
  return true;
}

// 本财年, 上一财年, 下财年第二季度, 本财年上半年 (relfy), 上财季 (relfq): a
// fiscal year or quarter counted from the one the article last named, else
// (a year only) from the calendar year of the base day: the company's
// fiscal calendar is unknown, so a fiscal quarter never named stays unknown
// (value null), and none has calendar days.
bool RelativeFiscal(const Tables& t, const Groups& g, Entity* e,
                    DocContext* ctx) {
  auto& a = e->attrs;
  std::string value, precision = "fiscal_quarter";
  if (const auto* row = Word(t, g, "relfq", "relative_fiscal_quarter")) {
    a.push_back({"relative", AttrValue::String(Get(g, "relfq"))});
    if (int n = ctx->article_fiscal_quarter) {
      n += std::atoi((*row)[1].c_str());
      value = "FY" + Year(n / 4) + "-Q" + std::to_string(n % 4 + 1);
    }
  } else if (const auto* row = Word(t, g, "relfy", "relative_fiscal_year")) {
    a.push_back({"relative", AttrValue::String(Get(g, "relfy"))});
    int y = ctx->article_fiscal_year;
    if (!y) {
      Ymd base = BaseDay(*ctx);
      y = base.y ? base.y : ParseIso(ctx->reference_date).y;
    }
    if (y) y += std::atoi((*row)[1].c_str());
    int q = Has(g, "q") || Has(g, "q2") ? ToInt(t, Get(g, Has(g, "q") ? "q" : "q2")) : 0;
    const auto* hr = Has(g, "half") ? t.Row("date_words.tsv", Get(g, "half")) : nullptr;
    if (q < 0 || q > 4 || (Has(g, "half") && (!hr || hr->size() < 2))) return false;
    precision = q ? "fiscal_quarter" : hr ? "fiscal_half" : "fiscal_year";
    if (y > 0) {
      value = "FY" + Year(y) + (q ? "-Q" + std::to_string(q) : "") +
              (hr ? "-" + (*hr)[1] : "");
      if (q) ctx->article_fiscal_quarter = y * 4 + q - 1;
    }
  } else {
    return false;
  }
  a.push_back({"value", value.empty() ? AttrValue::Null() : AttrValue::String(value)});
  a.push_back({"precision", AttrValue::String(precision)});
  a.push_back({"year_inferred", AttrValue::Bool(!value.empty())});
  return true;
}

// The Chinese-calendar month and day of the groups lm/lmn and ld*: false
// unless marked as lunar (农历, a month name, 初X, 廿X) and in range; *ld is
// -1 for a month alone (农历十月).
bool LunarMonthDay(const Tables& t, const Groups& g, int* lm_out, int* ld_out) {
  int lm = 0, ld = 0;
  if (const auto* row = Word(t, g, "lmn", "lunar_month"))
    lm = std::atoi((*row)[1].c_str());
  else
    lm = ToInt(t, Get(g, "lm"));
  bool marked = Has(g, "lunar") || Has(g, "lunar2") || Has(g, "lmn");
  bool has_day = true;
  if (Has(g, "ld1")) {  // 初三
    ld = ToInt(t, Get(g, "ld1")), marked = true;
  } else if (Has(g, "ld20")) {  // 廿三
    ld = 20 + ToInt(t, Get(g, "ld20")), marked = true;
  } else if (Has(g, "ld30")) {  // 卅
    ld = 30, marked = true;
  } else if (Has(g, "ld")) {
    ld = ToInt(t, Get(g, "ld"));
  } else {
    has_day = false;
  }
  if (!marked) return false;
  if (lm < 1 || lm > 12) return false;
  if (!has_day) ld = -1;  // 农历十月: a month
  else if (ld < 1 || ld > 30) return false;
  *lm_out = lm, *ld_out = ld;
  return true;
}

// Lunar dates and holidays: the Gregorian day, resolved with ICU's Chinese
// calendar. A year written in the text is the Chinese year that begins in
// it; without one, the occurrence nearest the base day is taken.
// The Gregorian year an era year stands for (康熙二十年 → 1681, 民國113年
// → 2024; 元年 is the first), or -1; an ROC era marks the text Taiwanese.
int EraYear(const Tables& t, const Groups& g, DocContext* ctx) {
  const auto* row = Word(t, g, "era", "era");
  if (!row) return -1;
  int ey = ToInt(t, Get(g, "ey"));
  if (ey < 0) ey = 1;  // 元年
  if (ey < 1 || ey > 200) return -1;
  if (row->size() > 2 && (*row)[2] == "roc") ctx->taiwan = true;
  return std::atoi((*row)[1].c_str()) + ey - 1;
}

bool Festive(const Tables& t, const Groups& g, Entity* e, DocContext* ctx) {
  auto& a = e->attrs;
  int lm = 0, ld = 0, sm = 0, sd = 0;  // lunar or solar month and day
  bool eve = false;
  std::string hol;
  if (Has(g, "hol")) {
    const auto* row = Word(t, g, "hol", "holiday");
    if (!row) return false;
    const std::string& v = (*row)[1];
    if (v == "eve") {
      eve = true;
    } else if (v.size() == 11 && v.compare(0, 6, "lunar:") == 0) {
      lm = std::atoi(v.c_str() + 6), ld = std::atoi(v.c_str() + 9);
    } else if (v.size() == 11 && v.compare(0, 6, "solar:") == 0) {
      sm = std::atoi(v.c_str() + 6), sd = std::atoi(v.c_str() + 9);
    } else {
      return false;
    }
    hol = Get(g, "hol");
  } else {
    if (!LunarMonthDay(t, g, &lm, &ld)) return false;
  }
  Ymd base = BaseDay(*ctx);
  if (!base.y) base = ParseIso(ctx->reference_date);
  std::string ys = Get(g, "y");
  int y = ToInt(t, ys);
  if (y < 0) return false;
  if (const auto* row = Word(t, g, "rel", "relative_year"))
    y = base.y ? base.y + std::atoi((*row)[1].c_str()) : 0;
  if (Has(g, "era")) {  // 雍正四年大年三十: the era year's holiday
    y = EraYear(t, g, ctx);
    if (y <= 0) return false;
    ys = std::to_string(y);
  }
  bool inferred = ys.empty();
  if (y == 0 && !Has(g, "rel") && ctx->own_date.empty() && ctx->article_year) {
    // No own date: a year written earlier in the article, as for 5月18日.
    y = ctx->article_year;
  }
  auto resolve = [&](int year) -> Ymd {
    if (year <= 0) return Ymd();
    if (sm) return Ymd{year, sm, sd};
    if (eve) return FromLunar(year, 12, 0);
    if (ld < 0) return FromLunar(year, lm, 1);
    return FromLunar(year, lm, ld);
  };
  Ymd day;
  if (y > 0) {
    day = resolve(y);
  } else if (base.y) {
    // The occurrence nearest the base day (or in the base year).
    day = resolve(base.y);
    if (base.Full()) {
      for (int dy : {-1, 1}) {
        Ymd other = resolve(base.y + dy);
        if (other.Full() && day.Full() &&
            std::labs(DayNumber(other) - DayNumber(base)) <
                std::labs(DayNumber(day) - DayNumber(base)))
          day = other;
      }
    }
  }
  if (!hol.empty()) a.push_back({"holiday", AttrValue::String(hol)});
  if (Has(g, "era")) a.push_back({"era", AttrValue::String(Get(g, "era"))});
  if (Has(g, "rel")) a.push_back({"relative", AttrValue::String(Get(g, "rel"))});
  if (!sm) a.push_back({"calendar", AttrValue::String("chinese")});
  if (ld < 0 && !sm && !eve) {
    // A lunar month: its first Gregorian day starts it.
    a.push_back({"value", day.Full() ? AttrValue::String(Year(day.y) + "-" +
                                                  Pad(day.m, 2))
                                     : AttrValue::Null()});
    a.push_back({"precision", AttrValue::String("month")});
  } else {
    PutDay(day, &a);
  }
  a.push_back({"year_inferred", AttrValue::Bool(inferred && day.Full())});
  return true;
}

// Every date form but a list member's year (NormalizeDate below).
bool NormalizeForm(const Tables& t, const Groups& g, Entity* e,
                   DocContext* ctx, int list_y) {
  auto& a = e->attrs;
  if (Has(g, "mark")) {  // 新臺幣, 行政院: the text is Taiwanese; no entity
    ctx->taiwan = true;
    return false;
  }
  if (Has(g, "relfy") || Has(g, "relfq")) return RelativeFiscal(t, g, e, ctx);
  if (Has(g, "reld") || Has(g, "dom") || Has(g, "wd") || Has(g, "span") ||
      Has(g, "relq") ||
      ((Has(g, "rel") || Has(g, "relm")) && !Has(g, "hol")) ||
      Has(g, "recent"))
    return Relative(t, g, e, ctx);
  if (Has(g, "hol") || ((Has(g, "lm") || Has(g, "lmn")) && !Has(g, "era")))
    return Festive(t, g, e, ctx);

  std::string ys = Get(g, "y");
  int y = ToInt(t, ys);
  if (y < 0) return false;
  if (!ys.empty() && y < 100) y += 2000;  // FY23
  std::string era;
  if (Has(g, "era")) {  // 康熙二十年, 民國113年
    y = EraYear(t, g, ctx);
    if (y < 0) return false;
    era = Get(g, "era");
    ys = std::to_string(y);
  } else if (Has(g, "roc")) {  // 113年 in a text from Taiwan
    if (!ctx->taiwan) return false;
    y = ToInt(t, Get(g, "roc")) + 1911;
    ys = std::to_string(y);
    era = "roc";
  } else if (Has(g, "y2")) {  // 07年, 98年4月 (ROC 98 in a Taiwanese text)
    int y2 = ToInt(t, Get(g, "y2"));
    if (y2 < 0 || y2 > 99) return false;
    if (ctx->taiwan && y2 >= 40 && Get(g, "y2")[0] != '0') {
      y = 1911 + y2;
      era = "roc";
    } else {
      int base = InferYear(*ctx);
      if (!base) base = 2030;  // no year known: 00-50 are 20xx
      y = 2000 + y2 <= base + 20 ? 2000 + y2 : 1900 + y2;
    }
    ys = std::to_string(y);
  }
  bool two_digit = Has(g, "y2");
  bool inferred = two_digit;
  int m = ToInt(t, Get(g, "m")), d = ToInt(t, Get(g, "d"));
  if (m < 0 || d < 0) return false;
  // 神龙二年正月初一: an era year's lunar month and day, as written (the
  // era's months are not converted).
  if (Has(g, "era") && (Has(g, "lm") || Has(g, "lmn")) &&
      (!LunarMonthDay(t, g, &m, &d) || d < 0))
    return false;
  if (Has(g, "a1")) {
    // Numeric day and month: whichever order makes sense; when both do,
    // day first before a year (13.5.2015, 3/7/2017: the Hong Kong and
    // British order), and nothing without a year (3/7 may be a fraction).
    int a1 = ToInt(t, Get(g, "a1")), a2 = ToInt(t, Get(g, "a2"));
    if (a2 > 12 && a1 >= 1 && a1 <= 12) {
      m = a1, d = a2;
    } else if (a2 >= 1 && a2 <= 12 && (a1 > 12 || !ys.empty())) {
      d = a1, m = a2;
    } else {
      return false;
    }
  }
  bool month_part_only = !Has(g, "m") && !Has(g, "y") && Has(g, "part") &&
                         !Has(g, "y2") && !Has(g, "era");
  if (month_part_only) {  // 月底: the base month's end
    Ymd base = BaseDay(*ctx);
    if (!base.m && !ctx->reference_date.empty())
      base = ParseIso(ctx->reference_date);
    const auto* pr = Word(t, g, "part", "part");
    if (!pr) return false;
    a.push_back({"value", base.y && base.m ? AttrValue::String(Year(base.y) + "-" +
                                                        Pad(base.m, 2))
                                           : AttrValue::Null()});
    a.push_back({"precision", AttrValue::String("month")});
    a.push_back({"year_inferred", AttrValue::Bool(base.y && base.m)});
    a.push_back({"relative", AttrValue::String(e->text)});
    PutMonthPart(base.y, base.m, (*pr)[1], &a);
    return true;
  }

  bool plan = false;
  if (list_y) {  // 2030年第3、4季度: 4季度 is of 2030, as the list's first
    y = list_y;
    inferred = ctx->list_inferred;
  } else if (!Has(g, "decade") && !Has(g, "fyp") && ys.empty()) {
    y = InferYear(*ctx);
    inferred = y > 0;
  } else if (!ys.empty() && !two_digit) {
    // A written year anchors later dates, unless it is a plan: a sentence
    // that looks forward, or a year after the article's own date.
    bool forward = SentenceLooksForward(t, ctx);
    int own = ctx->own_date.empty() ? 0 : ParseIso(ctx->own_date).y;
    if (!forward && !(own && y > own)) ctx->article_year = y;
    // For the document's year (step 3) only a plan known to lie ahead: a
    // year after the own date, or a forward-looking one after the
    // reference date (宣布扩产计划 may tell of the past).
    int ref = ctx->reference_date.empty() ? 0 : ParseIso(ctx->reference_date).y;
    plan = (own && y > own) || (forward && ref && y > ref);
  }

  // 2030财年, FY31上半年: the fiscal year 上一财年 counts from.
  if (Has(g, "fy") && y > 0) ctx->article_fiscal_year = y;
  int report_q = 0;
  std::string report_half, report = ReportOf(t, g, &report_q, &report_half);
  std::string value, precision, from, to;
  bool invalid = false;
  if (m > 12) invalid = true;
  if (!invalid && m && d && d > DaysIn(y, m)) invalid = true;
  if (m == 0 && d) return false;

  if (Has(g, "fyp")) {
    // A five-year plan by its number (the 14th: 2021 to 2025): its first
    // year from date_words.tsv.
    const auto* row = Word(t, g, "fyp", "five_year_plan");
    int start = row ? std::atoi((*row)[1].c_str()) : 0;
    if (start <= 0) return false;
    value = Year(start) + "/" + Year(start + 4);
    precision = "year";
    from = Year(start) + "-01-01";
    to = Year(start + 4) + "-12-31";
  } else if (Has(g, "decade")) {
    int dec = ToInt(t, Get(g, "decade"));
    int cen = ToInt(t, Get(g, "century"));
    if (dec <= 0 || dec % 10 || dec > 90) return false;
    int start = cen > 0 ? (cen - 1) * 100 + dec : 1900 + dec;
    value = Pad(start, 4).substr(0, 3) + "0s";
    precision = "decade";
    from = Pad(start, 4) + "-01-01";
    to = Pad(start + 9, 4) + "-12-31";
  } else if (int p = PutPeriod(t, g, y, &a)) {
    if (p < 0) return false;  // 前三季度: value, precision, from, to put
    a.push_back({"year_inferred", AttrValue::Bool(inferred)});
    return true;
  } else if (Has(g, "fy") && (Has(g, "q") || Has(g, "q2"))) {
    // 2025 财年第二季度: a fiscal quarter; its calendar days depend on the
    // company's fiscal year, so no from/to.
    int q = ToInt(t, Get(g, Has(g, "q") ? "q" : "q2"));
    if (q < 1 || q > 4) return false;
    value = "FY" + Year(y) + "-Q" + std::to_string(q);
    precision = "fiscal_quarter";
    if (y > 0) ctx->article_fiscal_quarter = y * 4 + q - 1;
  } else if (Has(g, "fy") && Has(g, "half")) {
    // 2025 财年上半年, FY25 H1: a fiscal half, without calendar days too.
    const auto* row = t.Row("date_words.tsv", Get(g, "half"));
    if (!row || row->size() < 2) return false;
    value = "FY" + Year(y) + "-" + (*row)[1];
    precision = "fiscal_half";
  } else if (Has(g, "q") || Has(g, "qw") || report_q) {
    int q = report_q ? report_q : QuarterOf(t, g);
    if (q < 1) return false;
    value = Year(y) + "-Q" + std::to_string(q);
    precision = "quarter";
    if (y > 0) {
      from = QuarterFrom(y, q), to = QuarterTo(y, q);
      ctx->article_quarter = y * 4 + q - 1;
    }
  } else if (Has(g, "half") || !report_half.empty()) {
    const auto* row = t.Row("date_words.tsv", Get(g, "half"));
    if (report_half.empty() && (!row || row->size() < 2)) return false;
    const std::string& code = report_half.empty() ? (*row)[1] : report_half;
    value = Year(y) + "-" + code;
    precision = "half";
    if (y > 0) {
      bool h1 = code == "H1";
      from = HalfFrom(y, h1), to = HalfTo(y, h1);
    }
  } else if (Has(g, "season")) {
    const auto* row = t.Row("date_words.tsv", Get(g, "season"));
    if (!row || row->size() < 2) return false;
    value = Year(y) + "-" + (*row)[1];
    precision = "season";
  } else if (Has(g, "fy")) {
    value = "FY" + Year(y);
    precision = "fiscal_year";
  } else if (Has(g, "y_to")) {
    int yt = ToInt(t, Get(g, "y_to"));
    if (yt <= y) return false;
    value = Year(y) + "/" + Year(yt);
    precision = "year";
    from = Year(y) + "-01-01";
    to = Year(yt) + "-12-31";
  } else if (d) {
    precision = "day";
    if (!invalid) {
      value = Year(y) + "-" + Pad(m, 2) + "-" + Pad(d, 2);
      if (Has(g, "d_to")) {
        int mt = Has(g, "m_to") ? ToInt(t, Get(g, "m_to")) : m;
        int dt = ToInt(t, Get(g, "d_to"));
        if (mt < 1 || mt > 12 || dt < 1 || dt > DaysIn(y, mt)) return false;
        from = value;
        to = Year(y) + "-" + Pad(mt, 2) + "-" + Pad(dt, 2);
        value = from + "/" + to;
      }
    }
  } else if (m) {
    precision = "month";
    if (!invalid) {
      value = Year(y) + "-" + Pad(m, 2);
      int mt = m;
      if (Has(g, "m_to")) {  // 1月至3月: FROM/TO in months
        mt = ToInt(t, Get(g, "m_to"));
        if (mt <= m || mt > 12) return false;
        value += "/" + Year(y) + "-" + Pad(mt, 2);
      }
      if (y > 0) {
        from = Year(y) + "-" + Pad(m, 2) + "-01";
        to = Year(y) + "-" + Pad(mt, 2) + "-" + Pad(DaysIn(y, mt), 2);
      }
    }
  } else {
    precision = "year";
    value = Year(y);
    if (y > 0) {
      from = value + "-01-01";
      to = value + "-12-31";
    }
  }
  if (precision == "day" && !invalid && y > 0 && ctx->own_date.empty()) {
    // A dateline: a full date in the title, at the start of the body, or
    // after a dateline word, is the article's own date.
    bool dateline =
        ctx->field == "title" ||
        (ctx->field == "text" && ctx->sentence_before.size() ==
                                     ctx->field_offset &&
         OnlyOpeners(ctx->sentence_before)) ||
        EndsWithWordOf(t, ctx->sentence_before, "dateline");
    if (dateline) ctx->own_date = value.substr(0, 10);
  }
  if (!ys.empty() && (m || d) && !invalid && !two_digit) {
    // Nor does a plan count towards the document's year (step 3): the
    // years of 实施期为2025年1月至2026年12月 in a sentence that looks
    // forward, written in 2024, would date the next article's 10月16日.
    if (!plan) ++ctx->full_date_years[y];
    if (ctx->article_date.empty() && precision == "day")
      ctx->article_date = value.substr(0, 10);
  }
  a.push_back({"value", invalid ? AttrValue::Null() : AttrValue::String(value)});
  a.push_back({"precision", AttrValue::String(precision)});
  a.push_back({"year_inferred", AttrValue::Bool(inferred)});
  if (!era.empty()) a.push_back({"era", AttrValue::String(era)});
  if (!report.empty()) a.push_back({"report", AttrValue::String(report)});
  const auto* pr = Word(t, g, "part", "part");
  if (pr && m && precision == "month") {
    PutMonthPart(y, m, (*pr)[1], &a);
    from.clear();
  } else if (pr) {
    a.push_back({"part", AttrValue::String((*pr)[1])});
  }
  if (!from.empty() && !invalid) {
    a.push_back({"from", AttrValue::String(from)});
    a.push_back({"to", AttrValue::String(to)});
  }
  if (invalid) a.push_back({"invalid", AttrValue::Bool(true)});
  return true;
}

}  // namespace

// A member of a list of quarters after the first (group listed, the
// separator before it: the 、4季度 of 2030年第3、4季度, 、Q4 of 2029年Q3、Q4,
// 和第二季度 of 2030年第一季度和第二季度) takes the year of the quarter right
// before it, and is no date without one; every quarter with a year leaves
// its year and end for the next member.
bool NormalizeDate(const Tables& t, const Groups& g, Entity* e,
                   DocContext* ctx) {
  // The candidate's first byte, in the field as ctx->field_offset counts.
  const char* start = ctx->sentence_before.data() + ctx->sentence_before.size();
  int list_y = 0;
  if (Has(g, "listed")) {
    if (ctx->list_sentence != ctx->sentence.data() ||
        ctx->list_end != ctx->field_offset || !ctx->list_year)
      return false;
    list_y = ctx->list_year;
  }
  if (!NormalizeForm(t, g, e, ctx, list_y)) return false;
  const AttrValue* v = FindAttr(e->attrs, "value");
  const AttrValue* p = FindAttr(e->attrs, "precision");
  const AttrValue* inf = FindAttr(e->attrs, "year_inferred");
  if (v && p && v->kind() == AttrValue::Kind::kString &&
      p->text() == "quarter" && v->text().size() == 7) {
    auto k = g.find("keep");
    ctx->list_year = std::atoi(v->text().c_str());
    ctx->list_inferred = inf && inf->text() == "true";
    ctx->list_sentence = ctx->sentence.data();
    ctx->list_end = ctx->field_offset +
                    (k != g.end() ? static_cast<size_t>(k->second.data() +
                                                        k->second.size() - start)
                                  : e->text.size());
  }
  return true;
}

}  // namespace bulletin
