// What `extract --stats FILE` writes and `--progress` shows: counts over the
// whole run, gathered per input (each -j worker fills its input's) and
// added up in input order by the main thread.
#ifndef BULLETIN_CLI_RUN_STATS_H_
#define BULLETIN_CLI_RUN_STATS_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "bulletin/article.h"

namespace bulletin {
struct InputResult;
}

namespace bulletin::cli {

struct RunStats {
  long inputs = 0, failed_inputs = 0, records = 0;
  std::map<std::string, long> entities;  // by type
  long dropped_lines = 0, unplaced_lines = 0, invalid_bytes = 0;
  long bad_json_lines = 0;
  // Diagnostics not printed (no --verbose), by rule id.
  std::map<std::string, long> not_shown;

  void AddRecord(const Article& a);
  // One input's result (its records were added with AddRecord).
  void AddInput(const InputResult& r, bool failed);
  void Add(const RunStats& other);
  // One JSON object: inputs, failed_inputs, records, entities {type: n},
  // dropped_lines, unplaced_lines, invalid_bytes, bad_json_lines,
  // not_shown {rule: n}, bytes, seconds.
  std::string Json(long long bytes, double seconds) const;
};

// --progress: while alive, a thread redraws one stderr line
// (`bulletin-extract: 12.4 MB read, 3456 records, 5.1 MB/s`) four times a
// second from the two counters; the last state stays on its line when it
// ends. Does nothing when stderr is not a terminal.
class Progress {
 public:
  Progress(bool on, const std::atomic<long long>* bytes,
           const std::atomic<long>* records);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

 private:
  void Draw(bool last);
  const std::atomic<long long>* bytes_;
  const std::atomic<long>* records_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace bulletin::cli

#endif  // BULLETIN_CLI_RUN_STATS_H_
