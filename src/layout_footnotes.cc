// Footnote blocks: their pieces, the articles their runs of numbering go to,
// their URLs repaired, and the reference marks in the text.
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "columns.h"
#include "footnotes.h"
#include "layout_internal.h"
#include "text_util.h"

namespace bulletin {

// The end of a footnote's pieces that may hold a URL broken over lines:
// back to the last piece with a space in it (a URL has none), at most 4 KB,
// so that checking a continuation line costs the same however long the note
// has grown.
std::string UrlTail(const std::vector<Piece>& pieces) {
  std::string tail;
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
    tail.insert(0, it->text);
    if (tail.size() > 4096 || it->text.find(' ') != std::string::npos) break;
  }
  return tail;
}

void Segmenter::Impl::EndBlock() {
  if (!block.empty()) {
    size_t n = block.size();
    auto article = [&](size_t back) -> const Article* {
      return back == 0 ? cur.get() : done[done.size() - back].article.get();
    };
    // PDF input (articles wait for the end of their page): the nearest
    // article each run can go to, counted from the last run back, each to
    // an article before the next run's, skipping articles with no mark for
    // the run's first note when an earlier one has it. (Not for text input:
    // a paragraph cut by the page, whose marks are not in the body yet,
    // would mislead the count.)
    // (Past several articles without the mark: notes restarting on every
    // page may stand below titles that began after the marked text.)
    // (The article in line: with the paragraph being read, which the page
    // cut and whose marks are not in its body yet.)
    auto wants = [&](size_t back, int number) {
      const Article* a = article(back);
      if (!a || !(back == 0 ? CurHasMark(number) : HasMark(*a, number)))
        return false;
      const auto& has = back == 0 ? footnotes : done[done.size() - back].footnotes;
      for (const auto& f : has)
        if (f.number == number) return false;
      return true;
    };
    std::vector<size_t> least(n);
    for (size_t i = n, j = 0; hinted && i-- > 0; ++j) {
      int first = block[i].empty() ? 0 : block[i].front().number;
      if (first > 0 && j < done.size() && article(j) && !wants(j, first)) {
        size_t k = j + 1;
        while (k <= done.size() && !wants(k, first)) ++k;
        if (k <= done.size()) j = k;
      }
      least[i] = j;
    }
    for (size_t i = 0; i < n; ++i) {
      // runs before the last: earlier articles
      size_t back = std::max(n - 1 - i, least[i]);
      // A run goes to the article whose text refers to it: when the
      // article in line for it has no mark for its first note but the one
      // before it has (and lacks that note), it is the earlier one's.
      int first = block[i].empty() ? 0 : block[i].front().number;
      while (first > 0 && back < done.size()) {
        const Article* target_a = article(back);
        const Done& prev = done[done.size() - back - 1];
        bool prev_has = false;
        for (const auto& f : prev.footnotes) prev_has |= f.number == first;
        if (!target_a || HasMark(*target_a, first) || prev_has ||
            !HasMark(*prev.article, first))
          break;
        ++back;
      }
      std::vector<FnBuild>* target = &footnotes;
      const Article* target_article = cur.get();
      if (back > 0 && back <= done.size()) {
        target = &done[done.size() - back].footnotes;
        target_article = done[done.size() - back].article.get();
      }
      for (auto& f : block[i]) {
        // Numbering that runs on through the document: each note goes to
        // the newest article on the page whose text has its mark.
        // Numbering that restarts (per page or per article): a note whose
        // article in line has no mark for it goes to the newest article on
        // the page that has one (an article that ended above a title which
        // the page bottom's notes follow).
        std::vector<FnBuild>* to = target;
        // (PDF input: its articles wait for the end of their page, so with
        // numbering restarting on every page the newest article on the page
        // with the mark, and no note of that number yet, is the one; an
        // article in line that had its own note of that number on an
        // earlier page is not.)
        auto free_for = [&](const std::vector<FnBuild>& has) {
          if (!hinted) return true;
          for (const auto& g : has)
            if (g.number == f.number) return false;
          return true;
        };
        bool target_has =
            target_article &&
            (target_article == cur.get() ? CurHasMark(f.number)
                                         : HasMark(*target_article, f.number)) &&
            free_for(*target);
        if (f.number > 0 && !target_has) {
          if (cur && CurHasMark(f.number) && free_for(footnotes)) {
            to = &footnotes;
          } else {
            for (size_t k = done.size(); k-- > 0;)
              if (HasMark(*done[k].article, f.number) &&
                  free_for(done[k].footnotes)) {
                to = &done[k].footnotes;
                break;
              }
          }
        }
        to->push_back(std::move(f));
      }
    }
    block.clear();
  }
  in_footnote = false;
}

void Segmenter::Impl::FlushDone(size_t keep) {
  while (done.size() > keep) {
    Done d = std::move(done.front());
    done.pop_front();
    Article* a = d.article.get();
    footnotes.swap(d.footnotes);
    FinishFootnotes(a);
    footnotes.swap(d.footnotes);
    FinishRefs(a);
    // end_line is the largest line the article holds, never before its
    // first (a title re-threaded from a later line than its text's).
    a->end_line = std::max(a->end_line, a->line);
    a->index = ++article_index;
    ++stats.articles;
    sink(std::move(*a));
  }
}

void Segmenter::Impl::StartFootnote(int number, const Line& l,
                                    const std::string& text) {
  if (!cur) StartArticle(nullptr);
  if (!in_footnote) {
    block.clear();
    block.emplace_back();
  } else if (number == 1 && !block.back().empty()) {
    block.emplace_back();  // numbering restarts: another article's notes
  }
  int col = l.col + (CodePoints(l.text) - CodePoints(text));
  block.back().push_back({number, {{text, l.number, col, l.trail_space}}});
  doc_last_footnote = std::max(doc_last_footnote, number);
  crossed_page = true;
  if (cur->line == 0) cur->line = l.number;
  cur->end_line = std::max(cur->end_line, l.number);
  in_footnote = true;
}

void Segmenter::Impl::FinishFootnotes(Article* a) {
  std::vector<std::string> all_urls;
  const bool only_notes = a->line == 0;
  for (auto& fb : footnotes) {
    Footnote fn;
    fn.number = fb.number;
    char32_t last = 0;
    bool trail = false;
    int prev_width = 0;
    for (const auto& piece : fb.pieces) {
      bool url_join = ContinuesUrl(fn.text.text, piece.text) ||
                      (wrap_width > 0 && prev_width * 100 >= wrap_width * 85 &&
                       ContinuesUrlAtWrap(fn.text.text, piece.text));
      prev_width = DisplayWidth(piece.text) + piece.col - 1;
      if (piece.text.empty()) continue;
      // An article holding nothing but footnotes (no title, no body) spans
      // its footnote lines, not line 0; others keep their own lines.
      if (only_notes) {
        if (a->line == 0) a->line = piece.line;
        a->end_line = std::max(a->end_line, piece.line);
      }
      JoinPiece(piece, url_join, &fn.text, &last, &trail);
    }
    AddFootnoteUrls(&fn, &all_urls);
    a->footnotes.push_back(std::move(fn));
  }
}

bool Segmenter::Impl::CurHasMark(int number) const {
  if (cur && HasMark(*cur, number)) return true;
  // The paragraph being read (cut by the page) and a held title are not in
  // the body yet.
  Article probe;
  for (const auto& piece : para.pieces) probe.body.text += piece.text;
  if (pending_title) probe.body.text += "\n" + pending_title->field.text;
  return !probe.body.text.empty() && HasMark(probe, number);
}

bool Segmenter::Impl::HasMark(const Article& a, int number) const {
  std::set<int> any;  // a range (1-2, 2-4) may hold it
  for (int k = std::max(1, number - 9); k < number + 10; ++k) any.insert(k);
  for (const RefMark& m :
       FindRefMarks(ToCodePoints(a.body.text), any, rules.ref_words))
    if (m.number == number || (m.number < number && number <= m.number_max))
      return true;
  return false;
}

void Segmenter::Impl::FinishRefs(Article* a) {
  std::set<int> defined;
  for (const auto& f : a->footnotes)
    if (f.number > 0) defined.insert(f.number);
  std::vector<RefMark> marks =
      FindRefMarks(ToCodePoints(a->body.text), defined, rules.ref_words);
  if (on_dropped && !marks.empty()) {
    std::vector<int> off = CodePointOffsets(a->body.text);
    for (const RefMark& m : marks)
      on_dropped(a->body.Locate(m.start).line,
                 a->body.text.substr(off[m.start], off[m.end] - off[m.start]));
  }
  CutRefMarks(a, marks);
}

}  // namespace bulletin
