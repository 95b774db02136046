// Footnote mechanics shared by the segmenter: URLs broken over lines, and
// the reference marks in an article's body.
#ifndef BULLETIN_FOOTNOTES_H_
#define BULLETIN_FOOTNOTES_H_

#include <set>
#include <string>
#include <vector>

#include "bulletin/article.h"

namespace bulletin {

// True when `s` starts with http://, https:// or www.
bool StartsWithUrl(const std::string& s);

// True when `text` (a footnote so far) ends in a URL that the line `next`
// continues: `next` starts with URL characters and either the URL ends in
// a break character (- / = & _ ? . # %) or `next`'s first token has one.
bool ContinuesUrl(const std::string& text, const std::string& next);
// Whether `next` (a whole line of URL characters, no space) goes on the URL
// at the end of `text`, broken where its line filled the width: the caller
// says the line was full.
bool ContinuesUrlAtWrap(const std::string& text, const std::string& next);

// Appends the URLs of fn->text to fn->urls (with their input lines),
// trailing punctuation removed, skipping any URL equal to or a prefix of
// one already in *all_urls (a URL printed again, or again but cut short);
// adds the new ones to *all_urls.
void AddFootnoteUrls(Footnote* fn, std::vector<std::string>* all_urls);

// A reference mark in the body, in code points of the text.
struct RefMark {
  int start, end;          // the span removed from the body: [start, end)
  int number, number_max;  // 1-2 ranges: number 1, number_max 2
  int at;                  // where the number itself starts
};

// The reference marks in `cps` (a body's code points) whose numbers are in
// `defined`: a small number glued to the end of a word and followed by
// punctuation or text (报告1，  日1，  向商务部2提交  可能1-2。  者 1。),
// or a bracketed number ([1], ［2］); never a count (2轨, 3家) or an
// ordinal (第3).
// `not_after` holds the characters a mark never follows (第3, 约3: a number),
// `count_units` the classifiers that make a following number a count (3家),
// `after` what besides a Han character a mark may follow (》”）】%),
// `range_dashes` what joins two marks into a range (1-2).
// `check_not_after` and `check_before` are for `check` alone, which
// looks for marks of footnotes that do not exist and so wants more evidence:
// more characters a mark never follows, and the punctuation that must come
// right after the number.
struct RefMarkWords {
  std::u32string not_after, count_units, after, range_dashes;
  std::u32string check_not_after, check_before;
};
std::vector<RefMark> FindRefMarks(const std::vector<char32_t>& cps,
                                  const std::set<int>& defined,
                                  const RefMarkWords& words);

// Removes `marks` (sorted, from FindRefMarks on a->body) from the body,
// records them in a->refs and keeps the body's anchors true, with an anchor
// after each cut so that columns stay right.
void CutRefMarks(Article* a, const std::vector<RefMark>& marks);

}  // namespace bulletin

#endif  // BULLETIN_FOOTNOTES_H_
