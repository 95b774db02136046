#include "record.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>

namespace bulletin {

using nlohmann::ordered_json;

namespace {

ordered_json AttrJsonValue(const AttrValue& v) {
  const std::string& t = v.text();
  switch (v.kind()) {
    case AttrValue::Kind::kNull:
      return nullptr;
    case AttrValue::Kind::kBool:
      return t == "true";
    case AttrValue::Kind::kString:
      return t;
    case AttrValue::Kind::kNumber:
      break;
  }
  // An exact decimal: a whole number within 64 bits as an integer, anything
  // else as the nearest double (what a JSON reader makes of the digits).
  bool whole = t.find('.') == std::string::npos;
  if (whole) {
    errno = 0;
    char* end = nullptr;
    if (t[0] == '-') {
      long long n = std::strtoll(t.c_str(), &end, 10);
      if (errno == 0 && *end == '\0') return n;
    } else {
      unsigned long long n = std::strtoull(t.c_str(), &end, 10);
      if (errno == 0 && *end == '\0') return n;
    }
  }
  return std::strtod(t.c_str(), nullptr);
}

ordered_json EntityJson(const Entity& e, const RecordOptions& opt) {
  ordered_json j;
  j["type"] = e.type;
  j["text"] = e.text;
  for (const auto& [k, v] : e.attrs) j[k] = AttrJsonValue(v);
  j["field"] = e.field;
  if (e.field == "footnote") j["footnote"] = e.footnote;
  j["start"] = e.start;
  j["end"] = e.end;
  j["line"] = e.line;
  j["col"] = e.col;
  if (e.page > 0) j["page"] = e.page;
  if (e.sentence >= 0) j["sentence"] = e.sentence;
  if (opt.context && !e.sentence_text.empty()) j["context"] = e.sentence_text;
  j["rule"] = e.rule;
  return j;
}

}  // namespace

std::string AttrJson(const AttrValue& v) {
  return AttrJsonValue(v).dump(-1, ' ', false,
                               ordered_json::error_handler_t::replace);
}

std::string RecordJson(const Article& a, const RecordOptions& opt) {
  ordered_json j;
  j["schema_version"] = 1;
  j["source"] = {{"path", a.path}, {"line", a.line}, {"end_line", a.end_line}};
  if (a.page > 0) {
    j["source"]["page"] = a.page;
    j["source"]["end_page"] = a.end_page;
  }
  j["index"] = a.index;
  j["section"] = a.has_section ? ordered_json(a.section) : ordered_json();
  j["title"] = a.title.text;
  j["authors"] = a.authors;
  if (!a.byline.empty()) j["byline"] = a.byline;
  j["text"] = a.body.text;
  ordered_json fns = ordered_json::array();
  for (const auto& f : a.footnotes) {
    fns.push_back(
        {{"number", f.number}, {"text", f.text.text}, {"urls", f.urls}});
  }
  j["footnotes"] = std::move(fns);
  ordered_json refs = ordered_json::array();
  for (const auto& r : a.refs) {
    ordered_json x = {
        {"number", r.number}, {"offset", r.offset}, {"line", r.line}};
    if (r.number_max != r.number) x["number_max"] = r.number_max;
    refs.push_back(std::move(x));
  }
  j["footnote_refs"] = std::move(refs);
  ordered_json ents = ordered_json::array();
  for (const auto& e : a.entities) ents.push_back(EntityJson(e, opt));
  j["entities"] = std::move(ents);
  if (a.unplaced_lines) j["unplaced_lines"] = a.unplaced_lines;
  if (a.dropped_lines) j["dropped_lines"] = a.dropped_lines;
  // strict: invalid UTF-8 throws rather than being dropped silently.
  return j.dump(opt.pretty ? 2 : -1, ' ', false,
                ordered_json::error_handler_t::strict);
}

}  // namespace bulletin
