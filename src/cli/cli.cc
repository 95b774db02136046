// The command line: every option (CLI11), the default `extract` command and
// the dispatch to the others (commands.h).
#include <CLI/CLI.hpp>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <csignal>
#include <functional>
#include <cstdio>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "check_report.h"
#include "commands.h"
#include "exit_codes.h"
#include "options.h"
#include "output.h"
#include "pipeline.h"
#include "record.h"
#include "run_stats.h"

namespace bulletin::cli {
namespace {

const char* kExamples = R"(
Examples:
  bulletin-extract issue.txt > issue.jsonl
  cat issue.txt | bulletin-extract --pretty
  bulletin-extract --encoding gb18030 old-issue.txt
  bulletin-extract issue.txt | jq -r '.title'
  bulletin-extract issue.txt | jq -c '.entities[] | select(.type=="money") | {text, value, currency}'
  bulletin-extract issue.txt | jq -s 'map(.entities[]) | group_by(.type) | map({type: .[0].type, n: length})'
  bulletin-extract --input-format jsonl --keep-fields url export.jsonl
  bulletin-extract check --format github issue.txt
  bulletin-extract rules test snippet.txt
)";

const char* kExitStatus = R"(
Exit status: 0 success, 1 check found errors, 2 usage error,
3 an input could not be read or decoded (the other inputs are still processed),
4 the output could not be written.
)";

struct ExtractOptions {
  std::vector<std::string> files;
  std::string output, encoding = "auto", rules_dir, reference_date;
  std::string locale_currency;  // from --locale
  std::string input_format = "auto";
  PipelineOptions jsonl;  // text_field, id_field, keep_fields
  bool pretty = false, context = false, verbose = false;
  bool progress = false;  // --progress
  std::string stats_file;  // --stats FILE
  int jobs = 0;  // 0: the number of cores when stdout is not a terminal
};

// What reaches stderr during extraction: errors, decoding problems, an
// input that gave no record and a rule set out of memory always, everything
// with --verbose.
bool ShouldPrint(const Diagnostic& d, bool verbose) {
  return verbose || d.severity == Severity::kError ||
         d.rule.rfind("decode.", 0) == 0 || d.rule == "segment.no-article" ||
         d.rule == "extract.set-out-of-memory";
}

// Edit distance between two ASCII words (insert, delete, substitute, and
// swapping two neighbours), for suggesting the command a user meant.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// A first argument that is no file but is close to a subcommand's name
// (`chek`) is a mistyped command: returns the command meant, or "".
std::string MistypedCommand(const CLI::App& app,
                            const std::vector<std::string>& files) {
  if (files.empty()) return "";
  const std::string& w = files.front();
  struct stat st;
  if (w == "-" || stat(w.c_str(), &st) == 0) return "";
  std::string best;
  size_t best_d = 3;
  for (const CLI::App* sub : app.get_subcommands({})) {
    size_t dist = EditDistance(w, sub->get_name());
    if (dist < best_d && dist * 2 <= sub->get_name().size()) {
      best_d = dist;
      best = sub->get_name();
    }
  }
  return best;
}

int RunExtract(ExtractOptions opt) {
  auto engine = LoadEngine(opt.rules_dir);
  if (!engine) return kExitUsage;
  if (opt.files.empty()) opt.files.push_back("-");
  Output out(opt.output);
  if (!out.ok()) {
    PrintStatus(Status::Error(StatusCode::kBadUsage, opt.output, 0, 0,
                              "cannot write: " + out.error()));
    return kExitOutput;
  }
  // --stats FILE is opened first, so that a path it cannot take fails the
  // run before any work; it is written when the run ends.
  std::unique_ptr<Output> stats_out;
  if (!opt.stats_file.empty()) {
    stats_out = std::make_unique<Output>(opt.stats_file);
    if (!stats_out->ok()) {
      PrintStatus(Status::Error(StatusCode::kBadUsage, opt.stats_file, 0, 0,
                                "--stats: cannot write: " + stats_out->error()));
      return kExitOutput;
    }
  }
  auto started = std::chrono::steady_clock::now();
  std::atomic<long long> bytes_read{0};
  std::atomic<long> records_done{0};
  auto progress = std::make_unique<Progress>(opt.progress, &bytes_read,
                                             &records_done);
  RunStats total;
  // Ends the run: the progress line's last state, the --stats object.
  auto finish = [&](int rc) {
    progress.reset();
    if (stats_out) {
      double secs = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - started).count();
      stats_out->Line(total.Json(bytes_read.load(), secs));
    }
    return rc;
  };
  PipelineOptions popt;
  popt.encoding = opt.encoding;
  popt.input_format = opt.input_format;
  popt.text_field = opt.jsonl.text_field;
  popt.id_field = opt.jsonl.id_field;
  // Each kept field once (meta holds one value per name).
  for (const auto& k : opt.jsonl.keep_fields)
    if (!k.empty() && std::find(popt.keep_fields.begin(),
                                popt.keep_fields.end(),
                                k) == popt.keep_fields.end())
      popt.keep_fields.push_back(k);
  popt.reference_date = opt.reference_date;
  popt.locale_currency = opt.locale_currency;
  popt.context = opt.context;
  popt.bytes_read = &bytes_read;
  RecordOptions ropt;
  ropt.pretty = opt.pretty;
  ropt.context = opt.context;
  int rc = kExitOk;
  // One input: its records go to `line`, what reaches stderr to `err`
  // (called in order); returns its exit status.
  auto run_one = [&](const Engine& eng, const std::string& path,
                     const std::function<void(std::string)>& line,
                     const std::function<void(std::string)>& err,
                     RunStats* st) {
    int rc = kExitOk;
    CountingSink shown(
        [&](const Diagnostic& x) { err(FormatText(x) + "\n"); },
        [&](const Diagnostic& x) { return ShouldPrint(x, opt.verbose); });
    Status written;  // the first record that could not be written
    InputResult r = RunInput(
        eng, path, popt,
        [&](Article&& a) {
          std::string json;
          Status s = RecordJson(a, ropt, &json);
          if (!s.ok()) {
            if (written.ok()) written = s;
            return;
          }
          st->AddRecord(a);
          ++records_done;
          line(std::move(json));
        },
        shown.sink());
    for (const auto& [rule, k] : shown.not_shown()) st->not_shown[rule] += k;
    if (r.status.ok() && !written.ok()) r.status = written;
    if (!r.status.ok()) {
      err("bulletin-extract: " + r.status.ToString() + "\n");
      rc = ExitCode(r.status.code);
    } else if (opt.encoding != "auto" && r.invalid_sequences > 0) {
      // The input is not in the encoding the user named: its records were
      // written (bad bytes as U+FFFD), but the run reports the failure.
      err(path + ": not valid " + opt.encoding + ": " +
          std::to_string(r.invalid_sequences) + " invalid byte sequences\n");
      rc = kExitInput;
    } else if (opt.verbose) {
      // "1 article", "2 articles": a count and its noun, in English.
      auto n = [](long v, const char* noun) {
        return std::to_string(v) + " " + noun + (v == 1 ? "" : "s");
      };
      std::string kind = r.pages > 0 ? "pdf, " + n(r.pages, "page") : r.encoding;
      err(path + ": " + kind + ", " + n(r.stats.articles, "article") + ", " +
          n(r.stats.dropped_lines, "line") +
          " of page furniture dropped, " + n(r.stats.unplaced_lines, "line") +
          " outside any titled article, " + n(shown.shown(), "diagnostic") +
          "\n");
    }
    st->AddInput(r, rc != kExitOk);
    return rc;
  };
  auto put_err = [](const std::string& e) { std::fputs(e.c_str(), stderr); };
  int jobs = opt.jobs > 0 ? opt.jobs
             : (!opt.output.empty() || !isatty(STDOUT_FILENO))
                 ? static_cast<int>(std::thread::hardware_concurrency())
                 : 1;
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(opt.files.size())));
  if (jobs == 1) {
    for (const auto& path : opt.files) {
      int r = run_one(*engine, path, [&](std::string l) { out.Line(std::move(l)); },
                      put_err, &total);
      if (r != kExitOk) rc = r;
    }
    return finish(rc);
  }
  // -j N over several inputs: each worker runs whole inputs (document
  // state stays per input, in its DocContext), all with the one engine
  // loaded above (read-only once loaded: extract.h); the main thread
  // writes each input's records and messages in input order. At most
  // 2 * jobs inputs are held finished but unwritten.
  struct Done {
    std::vector<std::pair<bool, std::string>> events;  // true: a record
    int rc = kExitOk;
    RunStats stats;
    bool ready = false;
  };
  std::vector<Done> done(opt.files.size());
  std::mutex mu;
  std::condition_variable cv;
  size_t next_file = 0, written = 0;
  auto worker = [&] {
    for (;;) {
      size_t k;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return next_file >= done.size() ||
                                   next_file < written + 2 * jobs; });
        if (next_file >= done.size()) return;
        k = next_file++;
      }
      Done d;
      d.rc = run_one(*engine, opt.files[k],
                     [&](std::string l) { d.events.emplace_back(true, std::move(l)); },
                     [&](std::string e) { d.events.emplace_back(false, std::move(e)); },
                     &d.stats);
      std::lock_guard<std::mutex> lock(mu);
      d.ready = true;
      done[k] = std::move(d);
      cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (size_t k = 0; k < done.size(); ++k) {
    Done d;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return done[k].ready; });
      d = std::move(done[k]);
      done[k].events.clear();
      written = k + 1;
      cv.notify_all();
    }
    for (auto& e : d.events) {
      if (e.first) out.Line(std::move(e.second));
      else put_err(e.second);
    }
    if (d.rc != kExitOk) rc = d.rc;
    total.Add(d.stats);
  }
  for (auto& t : threads) t.join();
  return finish(rc);
}

// The options of extraction, on the main command and on `extract` alike
// (so that `extract --help` lists them; the values land in the same place).
void AddExtractOptions(CLI::App* app, ExtractOptions* xo) {
  app->add_option("files", xo->files, "Input files ('-' or none: stdin)");
  app->add_option("-o,--output", xo->output, "Write the records to FILE");
  app->add_flag("--pretty", xo->pretty, "Indent the JSON records");
  app->add_flag("--context", xo->context, "Add each entity's sentence");
  app->add_flag("-v,--verbose", xo->verbose,
                "Report layout warnings and a summary per input on stderr");
  app->add_option("-j,--jobs", xo->jobs,
                  "Inputs run at once (default: the number of cores when "
                  "the output is a file or pipe, else 1); output is the same")
      ->check(CLI::Range(1, 256));
  AddEncodingOption(app, &xo->encoding);
  AddInputFormatOption(app, &xo->input_format);
  AddJsonlOptions(app, &xo->jsonl);
  app->add_flag("--progress", xo->progress,
                "Show bytes read, records and rate on stderr (only when "
                "stderr is a terminal)");
  app->add_option("--stats", xo->stats_file,
                  "Write one JSON object of counts for the run to FILE: "
                  "inputs, records, entities by type, dropped and unplaced "
                  "lines, invalid bytes, seconds");
  AddRulesOption(app, &xo->rules_dir);
  AddReferenceDateOption(app, &xo->reference_date);
  AddLocaleOption(app, &xo->locale_currency);
}

}  // namespace

int Main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{
      "bulletin-extract: Chinese technology and policy bulletins "
      "to JSON Lines, one record per article.",
      "bulletin-extract"};
  app.footer(std::string(kExamples) + kExitStatus);
  app.set_version_flag("--version",
                       std::string("bulletin-extract ") + BULLETIN_VERSION);
  ExtractOptions xo;
  AddExtractOptions(&app, &xo);

  // `extract` is the default: `bulletin-extract FILE` and
  // `bulletin-extract extract FILE` are the same; the subcommand's options
  // fall through to the main ones.
  CLI::App* extract = app.add_subcommand(
      "extract", "Extract records (the default when no subcommand is given)");
  extract->fallthrough();
  extract->footer(kExitStatus);
  AddExtractOptions(extract, &xo);

  CLI::App* schema =
      app.add_subcommand("schema", "Print the JSON Schema of a record");
  schema->footer("");
  CLI::App* rules = app.add_subcommand("rules", "Inspect the rules");
  rules->footer("");
  rules->require_subcommand(1);
  RulesOptions ro;
  CLI::App* rules_list = rules->add_subcommand("list", "List loaded rules");
  rules_list->footer("");
  rules_list->add_flag("--files", ro.list_files,
                       "List the loaded rule and table files instead, with "
                       "their origins");
  AddRulesOption(rules_list, &ro.rules_dir);
  CLI::App* rules_test =
      rules->add_subcommand("test", "Show which rule matched what in FILE");
  rules_test->footer("");
  rules_test->add_option("file", ro.file, "Text file ('-' for stdin)")
      ->required();
  AddEncodingOption(rules_test, &ro.encoding);
  AddRulesOption(rules_test, &ro.rules_dir);
  AddReferenceDateOption(rules_test, &ro.reference_date);
  AddLocaleOption(rules_test, &ro.locale_currency);
  CheckOptions co;
  CLI::App* check = AddCheckCommand(&app, &co);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::fprintf(stderr,
                 "bulletin-extract: %s\nRun 'bulletin-extract --help' for "
                 "the options.\n",
                 e.what());
    return kExitUsage;
  }

  if (schema->parsed()) {
    Output out("");
    out.Line(RecordSchema());
    return kExitOk;
  }
  if (check->parsed()) return RunCheck(co);
  if (rules_list->parsed()) return RunRulesList(ro);
  if (rules_test->parsed()) return RunRulesTest(ro);
  std::string meant = MistypedCommand(app, xo.files);
  if (!meant.empty()) {
    std::fprintf(stderr,
                 "bulletin-extract: '%s' is neither a command nor a file; "
                 "did you mean '%s'? (see bulletin-extract --help)\n",
                 xo.files.front().c_str(), meant.c_str());
    return kExitUsage;
  }
  return RunExtract(xo);
}

}  // namespace bulletin::cli
