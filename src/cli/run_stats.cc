#include "run_stats.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>

#include "pipeline.h"

namespace bulletin::cli {

void RunStats::AddRecord(const Article& a) {
  ++records;
  for (const auto& e : a.entities) ++entities[e.type];
}

void RunStats::AddInput(const InputResult& r, bool failed) {
  ++inputs;
  if (failed) ++failed_inputs;
  dropped_lines += r.stats.dropped_lines;
  unplaced_lines += r.stats.unplaced_lines;
  invalid_bytes += r.invalid_sequences;
  bad_json_lines += r.bad_lines;
}

void RunStats::Add(const RunStats& o) {
  inputs += o.inputs;
  failed_inputs += o.failed_inputs;
  records += o.records;
  for (const auto& [type, n] : o.entities) entities[type] += n;
  dropped_lines += o.dropped_lines;
  unplaced_lines += o.unplaced_lines;
  invalid_bytes += o.invalid_bytes;
  bad_json_lines += o.bad_json_lines;
  for (const auto& [rule, n] : o.not_shown) not_shown[rule] += n;
}

std::string RunStats::Json(long long bytes, double seconds) const {
  nlohmann::ordered_json j;
  j["inputs"] = inputs;
  j["failed_inputs"] = failed_inputs;
  j["records"] = records;
  j["entities"] = nlohmann::ordered_json::object();
  for (const auto& [type, n] : entities) j["entities"][type] = n;
  j["dropped_lines"] = dropped_lines;
  j["unplaced_lines"] = unplaced_lines;
  j["invalid_bytes"] = invalid_bytes;
  j["bad_json_lines"] = bad_json_lines;
  j["not_shown"] = nlohmann::ordered_json::object();
  for (const auto& [rule, n] : not_shown) j["not_shown"][rule] = n;
  j["bytes"] = bytes;
  j["seconds"] = static_cast<double>(static_cast<long long>(seconds * 1000)) / 1000;
  return j.dump();
}

Progress::Progress(bool on, const std::atomic<long long>* bytes,
                   const std::atomic<long>* records)
    : bytes_(bytes), records_(records),
      start_(std::chrono::steady_clock::now()) {
  if (!on || !isatty(STDERR_FILENO)) return;
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mu_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(250),
                         [this] { return done_; }))
      Draw(false);
    Draw(true);
  });
}

Progress::~Progress() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Progress::Draw(bool last) {
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                           start_).count();
  double mb = static_cast<double>(bytes_->load()) / 1e6;
  double rate = s > 0 ? mb / s : 0.0;
  // \r and "erase to the end of the line": the line is redrawn in place.
  std::fprintf(stderr,
               "\rbulletin-extract: %.1f MB read, %ld records, %.*f MB/s\x1b[K%s",
               mb, records_->load(), rate < 1 ? 3 : 1, rate, last ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace bulletin::cli
