// Date normalisation. A date's year is explicit, or inferred: from the
// nearest explicit year earlier in the same article, then from the document
// (the year most of its full dates so far carry), then from
// --reference-date. Without any, the value keeps "XXXX" for the year and
// year_inferred is false. Impossible calendar dates are kept, flagged with
// "invalid": true and a null value.
#include <cstdio>
#include <string>

#include "normalize.h"
#include "text_util.h"

namespace bulletin {
namespace {

std::string Get(const Groups& g, const char* k) {
  auto it = g.find(k);
  return it == g.end() ? std::string() : std::string(it->second);
}

int ToInt(const Tables& t, const std::string& s) {
  if (s.empty()) return 0;
  auto v = t.Number(s);
  if (!v || v->exponent < 0 || v->digits.size() > 6) return -1;
  return std::stoi(v->Shifted(0).ToString());
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

int DocYear(const DocContext& c) {
  int best = 0, count = 0;
  for (const auto& [y, n] : c.full_date_years)
    if (n >= count) best = y, count = n;
  return best;
}

int ReferenceYear(const DocContext& c) {
  if (c.reference_date.size() >= 4) return std::atoi(c.reference_date.c_str());
  return 0;
}

}  // namespace

bool NormalizeDate(const Tables& t, const Groups& g, Entity* e,
                   DocContext* ctx) {
  auto& a = e->attrs;
  std::string ys = Get(g, "y");
  int y = ToInt(t, ys);
  if (y < 0) return false;
  if (!ys.empty() && y < 100) y += 2000;  // FY23
  bool inferred = false;
  int m = ToInt(t, Get(g, "m")), d = ToInt(t, Get(g, "d"));
  if (m < 0 || d < 0) return false;

  // Relative words resolve against the article's own date, the document's
  // year or --reference-date; never against an invented year.
  std::string rel = Get(g, "rel"), relm = Get(g, "relm"),
              recent = Get(g, "recent");
  if (!rel.empty() || !relm.empty() || !recent.empty()) {
    int base = 0, base_m = 0;
    if (ctx->article_date.size() >= 4) {
      base = std::atoi(ctx->article_date.c_str());
      if (ctx->article_date.size() >= 7)
        base_m = std::atoi(ctx->article_date.c_str() + 5);
    } else if (int dy = DocYear(*ctx)) {
      base = dy;
    } else if (int ry = ReferenceYear(*ctx)) {
      base = ry;
      if (ctx->reference_date.size() >= 7)
        base_m = std::atoi(ctx->reference_date.c_str() + 5);
    }
    const char* word = !rel.empty() ? "rel" : !relm.empty() ? "relm" : "recent";
    const auto* row = t.Row("date_words.tsv", Get(g, word));
    if (!row || row->size() < 2) return false;
    int off = std::atoi((*row)[1].c_str());
    a.push_back({"relative", JsonString(Get(g, word))});
    if (!rel.empty()) {
      // 今年下半年: a half of the relative year; 今年底: a part of it;
      // 今年第二季: a quarter of it.
      const auto* pr = t.Row("date_words.tsv", Get(g, "part"));
      bool half = pr && (*pr)[0] == "half";
      int q = g.count("q") ? ToInt(t, Get(g, "q")) : 0;
      if (q < 0 || q > 4) return false;
      std::string v = Year(base + off) + (half ? "-" + (*pr)[1] : "") +
                      (q ? "-Q" + std::to_string(q) : "");
      a.push_back({"value", base ? JsonString(v) : std::string("null")});
      a.push_back({"precision",
                   JsonString(half ? "half" : q ? "quarter" : "year")});
      if (pr && (*pr)[0] == "part") a.push_back({"part", JsonString((*pr)[1])});
    } else if (!relm.empty()) {
      if (!base || !base_m) {
        a.push_back({"value", "null"});
      } else {
        int mm = base_m + off, yy = base;
        if (mm < 1) mm += 12, --yy;
        if (mm > 12) mm -= 12, ++yy;
        a.push_back({"value", JsonString(Year(yy) + "-" + Pad(mm, 2))});
      }
      a.push_back({"precision", JsonString("month")});
    } else {
      a.push_back({"value", ctx->article_date.empty()
                                ? std::string("null")
                                : JsonString(ctx->article_date)});
      a.push_back({"precision", JsonString("day")});
    }
    a.push_back({"year_inferred", "true"});
    return true;
  }

  if (!g.count("decade") && ys.empty()) {
    if (ctx->article_year) {
      y = ctx->article_year;
    } else if (int dy = DocYear(*ctx)) {
      y = dy;
    } else {
      y = ReferenceYear(*ctx);
    }
    inferred = y > 0;
  } else if (!ys.empty()) {
    ctx->article_year = y;
  }

  std::string value, precision, from, to;
  bool invalid = false;
  if (m > 12) invalid = true;
  if (!invalid && m && d && d > DaysIn(y, m)) invalid = true;
  if (m == 0 && d) return false;

  if (g.count("decade")) {
    int dec = ToInt(t, Get(g, "decade"));
    int cen = ToInt(t, Get(g, "century"));
    if (dec <= 0 || dec % 10 || dec > 90) return false;
    int start = cen > 0 ? (cen - 1) * 100 + dec : 1900 + dec;
    value = Pad(start, 4).substr(0, 3) + "0s";
    precision = "decade";
    from = Pad(start, 4) + "-01-01";
    to = Pad(start + 9, 4) + "-12-31";
  } else if (g.count("q")) {
    int q = ToInt(t, Get(g, "q"));
    if (q < 1 || q > 4) return false;
    value = Year(y) + "-Q" + std::to_string(q);
    precision = "quarter";
    if (y > 0) {
      from = Year(y) + "-" + Pad(q * 3 - 2, 2) + "-01";
      to = Year(y) + "-" + Pad(q * 3, 2) + "-" + Pad(DaysIn(y, q * 3), 2);
    }
  } else if (g.count("half")) {
    const auto* row = t.Row("date_words.tsv", Get(g, "half"));
    if (!row || row->size() < 2) return false;
    value = Year(y) + "-" + (*row)[1];
    precision = "half";
    if (y > 0) {
      bool h1 = (*row)[1] == "H1";
      from = Year(y) + (h1 ? "-01-01" : "-07-01");
      to = Year(y) + (h1 ? "-06-30" : "-12-31");
    }
  } else if (g.count("season")) {
    const auto* row = t.Row("date_words.tsv", Get(g, "season"));
    if (!row || row->size() < 2) return false;
    value = Year(y) + "-" + (*row)[1];
    precision = "season";
  } else if (g.count("fy")) {
    value = "FY" + Year(y);
    precision = "fiscal_year";
  } else if (g.count("y_to")) {
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
      if (g.count("d_to")) {
        int mt = g.count("m_to") ? ToInt(t, Get(g, "m_to")) : m;
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
      if (y > 0) {
        from = value + "-01";
        to = value + "-" + Pad(DaysIn(y, m), 2);
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
  if (!ys.empty() && (m || d) && !invalid) {
    ++ctx->full_date_years[y];
    if (ctx->article_date.empty() && precision == "day")
      ctx->article_date = value.substr(0, 10);
  }
  a.push_back({"value", invalid ? std::string("null") : JsonString(value)});
  a.push_back({"precision", JsonString(precision)});
  a.push_back({"year_inferred", inferred ? "true" : "false"});
  if (const auto* pr = t.Row("date_words.tsv", Get(g, "part"))) {
    if ((*pr)[0] == "part") a.push_back({"part", JsonString((*pr)[1])});
  }
  if (!from.empty() && !invalid) {
    a.push_back({"from", JsonString(from)});
    a.push_back({"to", JsonString(to)});
  }
  if (invalid) a.push_back({"invalid", "true"});
  return true;
}

}  // namespace bulletin
