#include "record.h"

#include <nlohmann/json.hpp>

namespace bulletin {

using nlohmann::ordered_json;

namespace {

// An attribute's JSON text as a value, without running the JSON parser for
// the common cases (plain strings, integers, literals).
ordered_json AttrValue(const std::string& v) {
  if (v == "true") return true;
  if (v == "false") return false;
  if (v == "null") return nullptr;
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"' &&
      v.find('\\') == std::string::npos)
    return v.substr(1, v.size() - 2);
  if (!v.empty() && v.size() < 19 &&
      v.find_first_not_of("0123456789") == std::string::npos)
    return std::stoll(v);
  return ordered_json::parse(v);
}

ordered_json EntityJson(const Entity& e, const RecordOptions& opt) {
  ordered_json j;
  j["type"] = e.type;
  j["text"] = e.text;
  for (const auto& [k, v] : e.attrs) j[k] = AttrValue(v);
  j["field"] = e.field;
  if (e.field == "footnote") j["footnote"] = e.footnote;
  j["start"] = e.start;
  j["end"] = e.end;
  j["line"] = e.line;
  j["col"] = e.col;
  if (e.sentence >= 0) j["sentence"] = e.sentence;
  if (opt.context && !e.sentence_text.empty()) j["context"] = e.sentence_text;
  j["rule"] = e.rule;
  return j;
}

}  // namespace

std::string RecordJson(const Article& a, const RecordOptions& opt) {
  ordered_json j;
  j["schema_version"] = 1;
  j["source"] = {{"path", a.path}, {"line", a.line}, {"end_line", a.end_line}};
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
