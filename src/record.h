// Serialises an article as one JSON Lines record (RECORD.md, schema 1).
#ifndef BULLETIN_RECORD_H_
#define BULLETIN_RECORD_H_

#include <string>
#include <string_view>

#include "bulletin/article.h"
#include "bulletin/status.h"

namespace bulletin {

struct RecordOptions {
  bool pretty = false;   // indented, several lines
  bool context = false;  // add each entity's sentence text
};

// Sets *out to the JSON text of `a` (without a trailing newline). Invalid
// UTF-8 should never reach here (the decoder replaced it with U+FFFD); when
// some does, or the record cannot be built otherwise, the result is an
// error (kBadInput at the article's file and line) and *out is empty:
// nothing is thrown.
Status RecordJson(const Article& a, const RecordOptions& opt, std::string* out);
// The same, the text itself; empty when the record cannot be written.
std::string RecordJson(const Article& a, const RecordOptions& opt);

// The same record built as a nlohmann tree and dumped: what RecordJson
// writes directly must equal it byte for byte (the tests compare them).
// Throws nlohmann::json::exception on invalid UTF-8 (for tests only).
std::string RecordJsonTree(const Article& a, const RecordOptions& opt);

// The JSON text of one attribute value, as the record has it.
std::string AttrJson(const AttrValue& v);

// The JSON Schema (draft 2020-12) of a record.
std::string RecordSchema();

// Where the normalised field `key` of an entity of `type` stands in the
// record: its position in the schema's properties of the type (INT_MAX for
// a field the schema does not list). Records write an entity's fields in
// this order, so each type has one key order whatever rule made it.
int EntityAttrRank(std::string_view type, std::string_view key);

}  // namespace bulletin

#endif  // BULLETIN_RECORD_H_
