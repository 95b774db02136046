// Built without poppler: PDF input is recognised and reported as unsupported.
#include "pdf/pdf_reader.h"

namespace bulletin {

bool PdfSupported() { return false; }

struct PdfReader::Impl {
  Status status;
};

PdfReader::PdfReader(std::string path, std::string, DiagnosticSink)
    : impl_(std::make_unique<Impl>()) {
  impl_->status = Status::Error(
      StatusCode::kBadInput, path, 0, 0,
      "PDF input: this binary was built without the PDF front end "
      "(install libpoppler-cpp-dev and rebuild)");
}
PdfReader::~PdfReader() = default;
bool PdfReader::Next(InputLine*) { return false; }
const Status& PdfReader::status() const { return impl_->status; }
int PdfReader::pages() const { return 0; }

}  // namespace bulletin
