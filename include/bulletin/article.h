// The article record: what the segmenter produces and the extractor fills in.
// Offsets are in Unicode code points into the field they belong to, as the
// output contract (RECORD.md) requires.
#ifndef BULLETIN_ARTICLE_H_
#define BULLETIN_ARTICLE_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bulletin/attr.h"

namespace bulletin {

// Where a run of field text came from: code point `offset` of the field is
// line `line`, column `col` (1-based, in code points) of the input.
struct Anchor {
  int offset = 0;
  int line = 0;
  int col = 0;
};

// A field's text plus the anchors that map it back to the input.
struct Field {
  std::string text;             // UTF-8
  std::vector<Anchor> anchors;  // sorted by offset
  int length = 0;               // length of text in code points

  // The input line and column of code point `offset`.
  Anchor Locate(int offset) const;
};

struct Footnote {
  int number = 0;
  Field text;
  std::vector<std::string> urls;  // repaired, de-duplicated
  std::vector<int> url_lines;     // input line of each url
};

// A footnote reference mark in the body (e.g. the 1 in 报告1，).
struct FootnoteRef {
  int number = 0;
  int number_max = 0;  // for 1-2 ranges; equals number otherwise
  int offset = 0;      // code point offset into the body where it stood
  int line = 0;
  int col = 0;
};

// One extracted entity; `attrs` holds the type's normalised fields, typed
// (attr.h), so the contract types stay free of any JSON library.
struct Entity {
  std::string type;   // money, percent, quantity, process_node, date, org, url
  std::string rule;   // rule id that found it, e.g. money.cn_scale
  std::string text;   // surface form
  std::string field;  // title, text or footnote
  int footnote = 0;   // footnote number when field == "footnote"
  // Position of that footnote in Article::footnotes (two notes of an article
  // can share a number); -1 for other fields.
  int footnote_index = -1;
  int start = 0, end = 0;  // code points in the field
  int line = 0, col = 0;
  int page = 0;       // 1-based PDF page of `line`; 0 for text input
  int sentence = -1;  // index of the sentence in its field
  std::string sentence_text;
  Attrs attrs;
};

struct Article {
  std::string path;  // input path as given, "-" for stdin
  int index = 0;
  int line = 0, end_line = 0;
  int page = 0, end_page = 0;  // PDF pages of line and end_line; 0 for text
  bool has_section = false;
  std::string section;
  Field title;
  int title_line = 0;
  std::vector<std::string> authors;
  std::string byline;  // the byline as printed, empty when none
  int byline_line = 0;
  Field body;
  std::vector<Footnote> footnotes;
  std::vector<FootnoteRef> refs;
  std::vector<Entity> entities;
  // Text the segmenter could not place in a title, byline, body paragraph or
  // footnote; it is kept here and in the body, never dropped.
  int unplaced_lines = 0;
  int dropped_lines = 0;  // page furniture removed (headers, page numbers)
  // JSON Lines input (--input-format jsonl): the line of the object that
  // held the document, the JSON text of its id field (empty when it had
  // none) and of each kept field present, by name.
  int jsonl_line = 0;
  std::string id_json;
  std::vector<std::pair<std::string, std::string>> meta;
};

}  // namespace bulletin

#endif  // BULLETIN_ARTICLE_H_
