#include "invariants.h"

#include <unicode/uchar.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "decoder.h"
#include "record.h"
#include "text_util.h"

namespace bulletin {
namespace {

bool Space(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0xFEFF || c == 0;
}

void Count(const std::string& s, std::map<char32_t, long>* m) {
  for (char32_t c : ToCodePoints(s))
    if (!Space(c)) ++(*m)[c];
}

// The code points [start, end) of `s`, or a note when out of range.
bool Slice(const std::string& s, int start, int end, std::string* out) {
  std::vector<int> off = CodePointOffsets(s);
  int n = static_cast<int>(off.size()) - 1;
  if (start < 0 || end < start || end > n) return false;
  *out = s.substr(off[start], off[end] - off[start]);
  return true;
}

}  // namespace

std::vector<std::string> CheckArticle(const Article& a,
                                      const std::string& record_json) {
  std::vector<std::string> bad;
  std::string where = a.path + ": article " + std::to_string(a.index) + ": ";
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(record_json);
  } catch (const std::exception& e) {
    bad.push_back(where + "record is not valid JSON: " + e.what());
    return bad;
  }
  if (!j.is_object() || j.value("schema_version", 0) != 1 ||
      j.value("title", std::string("\x01")) != a.title.text ||
      j.value("text", std::string("\x01")) != a.body.text ||
      !j["entities"].is_array() ||
      j["entities"].size() != a.entities.size())
    bad.push_back(where + "record fields differ from the article");
  if (a.line < 1 || a.end_line < a.line)
    bad.push_back(where + "bad source lines " + std::to_string(a.line) + ".." +
                  std::to_string(a.end_line));
  for (const Entity& e : a.entities) {
    const std::string* field = nullptr;
    if (e.field == "title") field = &a.title.text;
    if (e.field == "text") field = &a.body.text;
    // A footnote entity names its note by position (footnote_index) and
    // number: two notes of one article can share a number.
    if (e.field == "footnote") {
      if (e.footnote_index < 0 ||
          static_cast<size_t>(e.footnote_index) >= a.footnotes.size())
        bad.push_back(where + "entity '" + e.text + "' footnote_index " +
                      std::to_string(e.footnote_index) + " out of range");
      else if (a.footnotes[e.footnote_index].number != e.footnote)
        bad.push_back(where + "entity '" + e.text + "' footnote " +
                      std::to_string(e.footnote) + " is not the number of "
                      "footnote_index " + std::to_string(e.footnote_index));
      else
        field = &a.footnotes[e.footnote_index].text.text;
    }
    std::string got;
    if (!field) {
      bad.push_back(where + "entity '" + e.text + "' names no field");
    } else if (!Slice(*field, e.start, e.end, &got)) {
      bad.push_back(where + "entity '" + e.text + "' [" +
                    std::to_string(e.start) + ":" + std::to_string(e.end) +
                    "] out of its field");
    } else if (got != e.text) {
      bad.push_back(where + "entity '" + e.text + "' [" +
                    std::to_string(e.start) + ":" + std::to_string(e.end) +
                    "] is '" + got + "'");
    }
    if (e.line < 1 || e.col < 1)
      bad.push_back(where + "entity '" + e.text + "' has no line and column");
  }
  return bad;
}

void LossAccount::AddInputLine(int number, const std::string& text) {
  for (char32_t c : ToCodePoints(text)) {
    if (Space(c)) continue;
    ++in_[c];
    ++input_chars_;
    first_line_.emplace(c, number);
  }
}

void LossAccount::AddDropped(const std::string& text) { Count(text, &out_); }

void LossAccount::AddArticle(const Article& a) {
  if (a.has_section) Count(a.section, &out_);
  Count(a.title.text, &out_);
  Count(a.byline, &out_);
  Count(a.body.text, &out_);
  for (const Footnote& f : a.footnotes) Count(f.text.text, &out_);
}

long LossAccount::unaccounted() const {
  long n = 0;
  for (const auto& [c, k] : in_) {
    auto it = out_.find(c);
    long have = it == out_.end() ? 0 : it->second;
    if (k > have) n += k - have;
  }
  return n;
}

std::vector<std::string> LossAccount::Missing() const {
  std::vector<std::string> out;
  for (const auto& [c, k] : in_) {
    auto it = out_.find(c);
    long have = it == out_.end() ? 0 : it->second;
    if (k <= have) continue;
    char buf[64];
    std::string ch;
    AppendUtf8(c, &ch);
    std::snprintf(buf, sizeof buf, "U+%04X '", static_cast<unsigned>(c));
    out.push_back(std::string(buf) + ch + "' x " + std::to_string(k - have) +
                  " unaccounted (first on line " +
                  std::to_string(first_line_.at(c)) + ")");
  }
  return out;
}

InvariantReport CheckInput(const Engine& engine, const std::string& path,
                           const PipelineOptions& opt) {
  InvariantReport rep;
  LossAccount loss;
  PipelineOptions o = opt;
  o.on_dropped = [&](int, const std::string& text) { loss.AddDropped(text); };
  RecordOptions ropt;
  ropt.context = true;
  rep.result = RunInput(
      engine, path, o,
      [&](Article&& a) {
        ++rep.records;
        for (auto& p : CheckArticle(a, RecordJson(a, ropt)))
          rep.problems.push_back(p);
        loss.AddArticle(a);
      },
      [](const Diagnostic&) {});
  if (!rep.result.status.ok()) return rep;
  // The input once more, decoded the same way, for its characters.
  LineReader reader(path, rep.result.encoding, nullptr);
  InputLine line;
  while (reader.Next(&line)) loss.AddInputLine(line.number, line.text);
  rep.input_chars = loss.input_chars();
  rep.unaccounted = loss.unaccounted();
  for (auto& m : loss.Missing())
    rep.problems.push_back(path + ": " + m);
  return rep;
}

}  // namespace bulletin
