// dates: the date normaliser (src/dates.cc, NormalizeDate in
// src/normalize.h) turns a date rule's named groups into value, precision,
// from/to and flags, and keeps the article's and the document's dates in
// DocContext for the dates that follow. The groups are given by hand, as a
// rule of date.rules would fill them; every date was written for this test.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "normalize.h"
#include "builtin_fixtures.h"

namespace bulletin {
namespace {

using testing::BuiltinTables;
using testing::GroupList;
using testing::JoinedAttrs;
using testing::MakeGroups;

// What the document and article are known to say before the date.
struct Context {
  const char* reference_date = "";
  const char* own_date = "";
  bool taiwan = false;
};

struct DateCase {
  const char* what;  // names the row in a failure
  GroupList groups;
  const char* attrs;  // nullptr: the match is rejected
  Context ctx = {};
  const char* text = "";  // the entity's text, for the relative forms
};

void RunDates(const std::vector<DateCase>& cases) {
  for (const auto& k : cases) {
    INFO(k.what);
    DocContext ctx;
    ctx.reference_date = k.ctx.reference_date;
    ctx.own_date = k.ctx.own_date;
    ctx.taiwan = k.ctx.taiwan;
    Entity e;
    e.type = "date";
    e.text = k.text;
    bool ok = NormalizeDate(BuiltinTables(), MakeGroups(k.groups), &e, &ctx);
    if (k.attrs == nullptr) {
      CHECK_FALSE(ok);
    } else {
      CHECK(ok);
      CHECK(JoinedAttrs(e.attrs) == k.attrs);
    }
  }
}

TEST_CASE("NormalizeDate: absolute dates, months, years and their ranges",
          "[dates]") {
  RunDates({
      {"a full date", {{"y", "2024"}, {"m", "3"}, {"d", "5"}},
       "value=2024-03-05;precision=day;year_inferred=false"},
      {"Chinese numerals", {{"y", "二〇一九"}, {"m", "十一"}, {"d", "三十"}},
       "value=2019-11-30;precision=day;year_inferred=false"},
      {"29 February of a leap year", {{"y", "2024"}, {"m", "2"}, {"d", "29"}},
       "value=2024-02-29;precision=day;year_inferred=false"},
      {"a month",
       {{"y", "2023"}, {"m", "2"}},
       "value=2023-02;precision=month;year_inferred=false;"
       "from=2023-02-01;to=2023-02-28"},
      {"a month range", {{"y", "2025"}, {"m", "1"}, {"m_to", "3"}},
       "value=2025-01/2025-03;precision=month;year_inferred=false;"
       "from=2025-01-01;to=2025-03-31"},
      {"a month range backwards", {{"y", "2025"}, {"m", "5"}, {"m_to", "3"}},
       nullptr},
      {"a day range across a month",
       {{"y", "2025"}, {"m", "4"}, {"d", "28"}, {"m_to", "5"}, {"d_to", "2"}},
       "value=2025-04-28/2025-05-02;precision=day;year_inferred=false;"
       "from=2025-04-28;to=2025-05-02"},
      {"a day range ending on a day the month lacks",
       {{"y", "2025"}, {"m", "4"}, {"d", "28"}, {"d_to", "31"}}, nullptr},
      {"a year", {{"y", "2031"}},
       "value=2031;precision=year;year_inferred=false;"
       "from=2031-01-01;to=2031-12-31"},
      {"a two-digit year after FY", {{"fy", "FY"}, {"y", "23"}},
       "value=FY2023;precision=fiscal_year;year_inferred=false"},
      {"a fiscal quarter", {{"y", "2025"}, {"fy", "财年"}, {"q", "二"}},
       "value=FY2025-Q2;precision=fiscal_quarter;year_inferred=false"},
      {"a year range", {{"y", "2021"}, {"y_to", "2025"}},
       "value=2021/2025;precision=year;year_inferred=false;"
       "from=2021-01-01;to=2025-12-31"},
      {"a year range backwards", {{"y", "2025"}, {"y_to", "2021"}}, nullptr},
      {"a quarter", {{"y", "2024"}, {"q", "四"}},
       "value=2024-Q4;precision=quarter;year_inferred=false;"
       "from=2024-10-01;to=2024-12-31"},
      {"a fifth quarter", {{"y", "2024"}, {"q", "5"}}, nullptr},
      {"the first three quarters", {{"y", "2022"}, {"qn", "三"}},
       "value=2022-Q1/2022-Q3;precision=quarter;from=2022-01-01;"
       "to=2022-09-30;year_inferred=false"},
      {"the first five quarters", {{"y", "2022"}, {"qn", "5"}}, nullptr},
      {"a half year", {{"y", "2025"}, {"half", "下半年"}},
       "value=2025-H2;precision=half;year_inferred=false;"
       "from=2025-07-01;to=2025-12-31"},
      {"a season", {{"y", "2026"}, {"season", "秋季"}},
       "value=2026-autumn;precision=season;year_inferred=false"},
      {"a decade of a century",
       {{"century", "20"}, {"decade", "90"}},
       "value=1990s;precision=decade;year_inferred=false;"
       "from=1990-01-01;to=1999-12-31"},
      {"a decade that is no multiple of ten", {{"decade", "95"}}, nullptr},
      {"a month's end", {{"y", "2024"}, {"m", "2"}, {"part", "下旬"}},
       "value=2024-02;precision=month;year_inferred=false;part=end;"
       "from=2024-02-21;to=2024-02-29"},
      {"a year's start", {{"y", "2027"}, {"part", "年初"}},
       "value=2027;precision=year;year_inferred=false;part=start;"
       "from=2027-01-01;to=2027-12-31"},
  });
}

TEST_CASE("NormalizeDate: impossible dates are kept, flagged invalid",
          "[dates]") {
  RunDates({
      {"29 February of a common year", {{"y", "2023"}, {"m", "2"}, {"d", "29"}},
       "value=null;precision=day;year_inferred=false;invalid=true"},
      {"31 April", {{"y", "2026"}, {"m", "4"}, {"d", "31"}},
       "value=null;precision=day;year_inferred=false;invalid=true"},
      {"a thirteenth month", {{"y", "2026"}, {"m", "13"}},
       "value=null;precision=month;year_inferred=false;invalid=true"},
      {"a day without a month", {{"y", "2026"}, {"d", "5"}}, nullptr},
      {"a year that is no number", {{"y", "abc"}}, nullptr},
  });
}

TEST_CASE("NormalizeDate: a date without a year takes one from the context",
          "[dates]") {
  RunDates({
      {"the reference date's year", {{"m", "5"}, {"d", "18"}},
       "value=2026-05-18;precision=day;year_inferred=true",
       {"2026-03-01"}},
      {"the own date before the reference date", {{"m", "5"}, {"d", "18"}},
       "value=2019-05-18;precision=day;year_inferred=true",
       {"2026-03-01", "2019-07-07"}},
      {"no year known", {{"m", "5"}, {"d", "18"}},
       "value=XXXX-05-18;precision=day;year_inferred=false"},
      {"a two-digit year, no context", {{"y2", "07"}, {"m", "4"}},
       "value=2007-04;precision=month;year_inferred=true;"
       "from=2007-04-01;to=2007-04-30"},
      {"a two-digit year far ahead of the reference is last century",
       {{"y2", "98"}, {"m", "4"}},
       "value=1998-04;precision=month;year_inferred=true;"
       "from=1998-04-01;to=1998-04-30",
       {"2026-01-01"}},
  });
}

TEST_CASE("NormalizeDate: Minguo and reign years", "[dates]") {
  RunDates({
      {"a Minguo year", {{"era", "民國"}, {"ey", "113"}, {"m", "5"}, {"d", "20"}},
       "value=2024-05-20;precision=day;year_inferred=false;era=民國"},
      {"the first year of an era", {{"era", "民国"}, {"ey", "元"}},
       "value=1912;precision=year;year_inferred=false;era=民国;"
       "from=1912-01-01;to=1912-12-31"},
      {"an unknown era", {{"era", "不是年号"}, {"ey", "3"}}, nullptr},
      {"a bare ROC year in a Taiwanese text", {{"roc", "114"}, {"m", "1"}},
       "value=2025-01;precision=month;year_inferred=false;era=roc;"
       "from=2025-01-01;to=2025-01-31",
       {"", "", true}},
      {"a bare ROC year elsewhere", {{"roc", "114"}, {"m", "1"}}, nullptr},
      {"a two-digit year in a Taiwanese text is ROC", {{"y2", "98"}, {"m", "4"}},
       "value=2009-04;precision=month;year_inferred=true;era=roc;"
       "from=2009-04-01;to=2009-04-30",
       {"", "", true}},
  });
}

TEST_CASE("NormalizeDate: the Chinese calendar, through ICU", "[dates]") {
  RunDates({
      {"a lunar day",
       {{"y", "2024"}, {"lunar", "农历"}, {"lm", "八"}, {"ld", "十五"}},
       "calendar=chinese;value=2024-09-17;precision=day;year_inferred=false"},
      {"a lunar month alone", {{"y", "2025"}, {"lmn", "正月"}},
       "calendar=chinese;value=2025-01;precision=month;year_inferred=false"},
      {"a lunar day not marked as lunar",
       {{"y", "2024"}, {"lm", "八"}, {"ld", "十五"}}, nullptr},
      {"a 31st lunar day", {{"lunar", "农历"}, {"lm", "1"}, {"ld", "31"}},
       nullptr},
      {"a thirteenth lunar month", {{"lunar", "农历"}, {"lm", "13"}, {"ld", "1"}},
       nullptr},
      {"New Year's Day of the Chinese year", {{"y", "2025"}, {"hol", "春节"}},
       "holiday=春节;calendar=chinese;value=2025-01-29;precision=day;"
       "year_inferred=false"},
      {"the eve ends the Chinese year that began in the year",
       {{"y", "2024"}, {"hol", "除夕"}},
       "holiday=除夕;calendar=chinese;value=2025-01-28;precision=day;"
       "year_inferred=false"},
      {"a solar holiday", {{"y", "2025"}, {"hol", "国庆节"}},
       "holiday=国庆节;value=2025-10-01;precision=day;year_inferred=false"},
      {"a festival without a year: the nearest one", {{"hol", "中秋"}},
       "holiday=中秋;calendar=chinese;value=2025-10-06;precision=day;"
       "year_inferred=true",
       {"2026-03-01"}},
      {"a festival of a relative year", {{"rel", "明年"}, {"hol", "端午"}},
       "holiday=端午;relative=明年;calendar=chinese;value=2027-06-09;"
       "precision=day;year_inferred=true",
       {"2026-03-01"}},
      {"a word that is no holiday", {{"y", "2025"}, {"hol", "春季"}}, nullptr},
  });
}

TEST_CASE("NormalizeDate: words relative to the day of writing", "[dates]") {
  RunDates({
      {"tomorrow at a month's end", {{"reld", "明天"}},
       "relative=明天;value=2026-03-01;precision=day;year_inferred=true",
       {"2026-02-28"}},
      {"last week's Friday", {{"relw", "上"}, {"wd", "五"}},
       "relative=上周五;value=2026-02-27;precision=day;year_inferred=true",
       {"2026-03-04"},
       "上周五"},
      {"this week's Sunday", {{"relw", "本"}, {"wd", "日"}},
       "relative=本周日;value=2026-03-08;precision=day;year_inferred=true",
       {"2026-03-04"},
       "本周日"},
      {"three days ago", {{"n", "三"}, {"span", "天"}, {"dir", "前"}},
       "relative=三天前;value=2026-02-27;precision=day;year_inferred=true",
       {"2026-03-02"},
       "三天前"},
      {"half a year on", {{"n", "半"}, {"span", "年"}, {"dir", "后"}},
       "relative=半年后;value=2026-09-02;precision=day;year_inferred=true",
       {"2026-03-02"},
       "半年后"},
      {"a span of no known unit", {{"n", "三"}, {"span", "秒"}, {"dir", "前"}},
       nullptr, {"2026-03-02"}},
      {"last year", {{"rel", "去年"}},
       "relative=去年;value=2025;precision=year;year_inferred=true",
       {"2026-05-01"}},
      {"this year with nothing to count from", {{"rel", "今年"}},
       "relative=今年;value=null;precision=year;year_inferred=false"},
      {"last month in January", {{"relm", "上月"}},
       "relative=上月;value=2025-12;precision=month;year_inferred=true",
       {"2026-01-15"}},
      {"a day of last year", {{"rel", "去年"}, {"m", "2"}, {"d", "29"}},
       nullptr, {"2026-05-01"}},
      {"the first months of this year", {{"rel", "今年"}, {"mn", "九"}},
       "relative=今年;value=2026-01/2026-09;precision=month;"
       "from=2026-01-01;to=2026-09-30;year_inferred=true",
       {"2026-10-20"}},
      {"recently is the own date", {{"recent", "近日"}},
       "relative=近日;value=2024-06-30;precision=day;year_inferred=true",
       {"2026-01-01", "2024-06-30"}},
      {"a month's end alone", {{"part", "月底"}},
       "value=2026-02;precision=month;year_inferred=true;relative=月底;"
       "part=end;from=2026-02-21;to=2026-02-28",
       {"2026-02-10"},
       "月底"},
  });
}

TEST_CASE("NormalizeDate: a Taiwan marker is no date and marks the text",
          "[dates]") {
  DocContext ctx;
  Entity e;
  CHECK_FALSE(NormalizeDate(BuiltinTables(), MakeGroups({{"mark", "新臺幣"}}),
                            &e, &ctx));
  CHECK(ctx.taiwan);
  CHECK(e.attrs.empty());
}

// Normalises the date of `groups` in `ctx` and returns its value.
std::string ValueIn(DocContext* ctx, const GroupList& groups) {
  Entity e;
  e.type = "date";
  REQUIRE(NormalizeDate(BuiltinTables(), MakeGroups(groups), &e, ctx));
  const AttrValue* v = FindAttr(e.attrs, "value");
  REQUIRE(v != nullptr);
  return v->text();
}

TEST_CASE("NormalizeDate: a written year dates the later days of the article",
          "[dates]") {
  DocContext ctx;
  ctx.reference_date = "2026-01-01";
  ctx.sentence = "x";
  CHECK(ValueIn(&ctx, {{"y", "2021"}}) == "2021");
  CHECK(ctx.article_year == 2021);
  CHECK(ValueIn(&ctx, {{"m", "7"}, {"d", "1"}}) == "2021-07-01");
  CHECK(ctx.full_date_years.empty());  // a year alone is no full date
}

TEST_CASE("NormalizeDate: a year in a forward-looking sentence does not",
          "[dates]") {
  DocContext ctx;
  ctx.reference_date = "2026-01-01";
  const std::string sentence = "该项目预计2029年投产";
  ctx.sentence = sentence;
  CHECK(ValueIn(&ctx, {{"y", "2029"}}) == "2029");
  CHECK(ctx.article_year == 0);
  CHECK(ValueIn(&ctx, {{"m", "7"}, {"d", "1"}}) == "2026-07-01");
}

TEST_CASE("NormalizeDate: a full date in the title is the article's own date",
          "[dates]") {
  DocContext ctx;
  ctx.reference_date = "2026-01-01";
  ctx.field = "title";
  CHECK(ValueIn(&ctx, {{"y", "2023"}, {"m", "8"}, {"d", "9"}}) == "2023-08-09");
  CHECK(ctx.own_date == "2023-08-09");
  CHECK(ctx.article_date == "2023-08-09");
  CHECK(ctx.full_date_years == std::map<int, int>{{2023, 1}});
  // A later year after the own date is a plan: it anchors nothing.
  ctx.field = "text";
  ctx.sentence = ctx.sentence_before = "x";
  ctx.field_offset = 9;
  CHECK(ctx.article_year == 2023);
  CHECK(ValueIn(&ctx, {{"y", "2030"}, {"m", "1"}}) == "2030-01");
  CHECK(ctx.article_year == 2023);
  CHECK(ctx.full_date_years == std::map<int, int>{{2023, 1}});
  CHECK(ValueIn(&ctx, {{"reld", "昨天"}}) == "2023-08-08");
}

TEST_CASE("NormalizeDate: a full date after a dateline word is the own date",
          "[dates]") {
  DocContext ctx;
  ctx.field = "text";
  const std::string before = "新闻稿发布时间：";
  ctx.sentence = ctx.sentence_before = before;
  ctx.field_offset = 100;  // not at the start of the body
  CHECK(ValueIn(&ctx, {{"y", "2022"}, {"m", "12"}, {"d", "1"}}) == "2022-12-01");
  CHECK(ctx.own_date == "2022-12-01");
  DocContext other;
  other.field = "text";
  const std::string plain = "会议定于";
  other.sentence = other.sentence_before = plain;
  other.field_offset = 100;
  CHECK(ValueIn(&other, {{"y", "2022"}, {"m", "12"}, {"d", "1"}}) ==
        "2022-12-01");
  CHECK(other.own_date.empty());
  CHECK(other.article_date == "2022-12-01");
}

}  // namespace
}  // namespace bulletin
