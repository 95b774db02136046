// How an input is known for a PDF (src/pdf/pdf_sniff.cc, declared in
// src/pdf/pdf_reader.h): the %PDF- signature within its first 1024 bytes,
// whatever the file is named, and whether this binary reads PDF at all.
#include <catch2/catch.hpp>
#include <string>

#include "pdf/pdf_reader.h"

namespace bulletin {
namespace {

struct SniffCase {
  const char* what;
  std::string head;
  bool pdf;
};

TEST_CASE("LooksLikePdf: the signature within the first 1024 bytes",
          "[pdf][sniff]") {
  const SniffCase rows[] = {
      {"a PDF header", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", true},
      {"the signature alone", "%PDF-", true},
      {"no version dash", "%PDF1.7", false},
      {"cut before the dash", "%PDF", false},
      {"lower case", "%pdf-1.4\n", false},
      {"empty", "", false},
      {"text", "一份纯文本简报的第一行\n", false},
      {"bytes before it (a BOM, a mail header)", "\xEF\xBB\xBF%PDF-1.4\n",
       true},
      {"NUL bytes before it", std::string("\0\0\0", 3) + "%PDF-1.4", true},
      {"ending at byte 1024", std::string(1019, ' ') + "%PDF-1.4", true},
      {"ending at byte 1025", std::string(1020, ' ') + "%PDF-1.4", false},
      {"far into the file", std::string(4000, 'x') + "%PDF-1.4", false},
      // A sniff, not a parse: text that names the signature is sent to the
      // PDF reader, which refuses it (pdf_reader_test).
      {"text naming the signature", "files start with %PDF-1.x\n", true},
  };
  for (const SniffCase& r : rows) {
    INFO(r.what);
    CHECK(LooksLikePdf(r.head) == r.pdf);
  }
}

TEST_CASE("PdfSupported says whether the PDF front end is built in",
          "[pdf][sniff]") {
  CHECK(PdfSupported() == (BULLETIN_HAVE_PDF == 1));
}

}  // namespace
}  // namespace bulletin
