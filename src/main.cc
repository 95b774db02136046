// bulletin-extract: wires the command line (CLI11) to the pipeline.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "check.h"
#include "decoder.h"
#include "pipeline.h"
#include "record.h"

using namespace bulletin;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitInput = 3;

const char* kExamples = R"(
Examples:
  bulletin-extract issue.txt > issue.jsonl
  cat issue.txt | bulletin-extract --pretty
  bulletin-extract --encoding gb18030 old-issue.txt
  bulletin-extract issue.txt | jq -r '.title'
  bulletin-extract issue.txt | jq -c '.entities[] | select(.type=="money") | {text, value, currency}'
  bulletin-extract issue.txt | jq -s 'map(.entities[]) | group_by(.type) | map({type: .[0].type, n: length})'
  bulletin-extract check --format github issue.txt
  bulletin-extract rules test snippet.txt

Exit status: 0 success, 1 check found errors, 2 usage error,
3 an input could not be read or decoded (the other inputs are still processed).
)";

// Writes to stdout; a closed pipe ends the program quietly.
class Output {
 public:
  explicit Output(const std::string& path) {
    if (!path.empty() && path != "-") {
      file_ = std::fopen(path.c_str(), "wb");
      own_ = file_ != nullptr;
    } else {
      file_ = stdout;
    }
  }
  ~Output() {
    if (own_) std::fclose(file_);
  }
  bool ok() const { return file_ != nullptr; }
  void Line(const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), file_) != s.size() ||
        std::fputc('\n', file_) == EOF || std::fflush(file_) == EOF) {
      if (errno == EPIPE) std::_Exit(kExitOk);
      std::perror("bulletin-extract: write");
      std::_Exit(kExitInput);
    }
  }

 private:
  FILE* file_ = nullptr;
  bool own_ = false;
};

void PrintDiag(const Diagnostic& d) {
  std::fprintf(stderr, "%s:%d:%d: %s: %s [%s]\n", d.path.c_str(), d.line, d.col,
               SeverityName(d.severity), d.message.c_str(), d.rule.c_str());
}

std::unique_ptr<Engine> LoadEngine(const std::string& rules_dir) {
  std::vector<std::string> errors;
  auto engine = Engine::Load(rules_dir, &errors);
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  return engine;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{
      "bulletin-extract: Chinese technology and policy bulletins "
      "to JSON Lines, one record per article.",
      "bulletin-extract"};
  app.footer(kExamples);
  app.set_version_flag("--version",
                       std::string("bulletin-extract ") + BULLETIN_VERSION);
  std::vector<std::string> files;
  std::string output, encoding = "auto", rules_dir, reference_date;
  bool pretty = false, context = false, verbose = false;
  auto add_common = [&](CLI::App* a) {
    a->add_option("--encoding", encoding, "Input encoding")
        ->check(
            CLI::IsMember({"auto", "utf-8", "gb18030", "utf-16le", "utf-16be"}))
        ->capture_default_str();
    a->add_option("--rules", rules_dir,
                  "Directory of rule files that add to or override the "
                  "built-in ones")
        ->check(CLI::ExistingDirectory);
    a->add_option("--reference-date", reference_date,
                  "YYYY-MM-DD used for dates with no year in the text")
        ->check([](const std::string& s) {
          return s.size() == 10 && s[4] == '-' && s[7] == '-'
                     ? std::string()
                     : std::string("expected YYYY-MM-DD");
        });
  };
  app.add_option("files", files, "Input files ('-' or none: stdin)");
  app.add_option("-o,--output", output, "Write the records to FILE");
  app.add_flag("--pretty", pretty, "Indent the JSON records");
  app.add_flag("--context", context, "Add each entity's sentence");
  app.add_flag("-v,--verbose", verbose,
               "Report layout warnings and a summary per input on stderr");
  add_common(&app);

  // `extract` is the default: `bulletin-extract FILE` and
  // `bulletin-extract extract FILE` are the same; the subcommand's options
  // fall through to the main ones.
  CLI::App* extract = app.add_subcommand(
      "extract", "Extract records (the default when no subcommand is given)");
  extract->fallthrough();
  extract->footer("");
  extract->add_option("files", files, "Input files ('-' or none: stdin)");

  CLI::App* schema =
      app.add_subcommand("schema", "Print the JSON Schema of a record");
  schema->footer("");
  CLI::App* rules = app.add_subcommand("rules", "Inspect the rules");
  rules->footer("");
  rules->require_subcommand(1);
  CLI::App* rules_list = rules->add_subcommand("list", "List loaded rules");
  CLI::App* rules_test =
      rules->add_subcommand("test", "Show which rule matched what in FILE");
  std::string test_file;
  rules_test->add_option("file", test_file, "Text file ('-' for stdin)")
      ->required();
  std::string test_encoding = "auto";
  rules_test->add_option("--encoding", test_encoding, "Input encoding")
      ->check(
          CLI::IsMember({"auto", "utf-8", "gb18030", "utf-16le", "utf-16be"}));
  rules_list->footer("");
  bool list_files = false;
  rules_list->add_flag("--files", list_files,
                       "List the loaded rule and table files instead, with "
                       "their origins");
  rules_test->footer("");
  for (CLI::App* a : {rules_list, rules_test}) {
    a->add_option("--rules", rules_dir, "Extra rule directory")
        ->check(CLI::ExistingDirectory);
  }
  CheckOptions check_opt;
  CLI::App* check = AddCheckCommand(&app, &check_opt);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  if (schema->parsed()) {
    Output out("");
    out.Line(RecordSchema());
    return kExitOk;
  }
  if (check->parsed()) return RunCheck(check_opt);

  auto engine = LoadEngine(rules_dir);
  if (!engine) return kExitUsage;

  if (rules_list->parsed()) {
    Output out("");
    if (list_files) {
      for (const auto& f : engine->files.all())
        out.Line(f.name + "\t" + f.origin + "\t" +
                 std::to_string(f.text.size()) + " bytes");
      return kExitOk;
    }
    for (const auto& r : engine->extractor->rules()) {
      out.Line(r.name + "\t" + std::to_string(r.priority) + "\t" + r.origin +
               ":" + std::to_string(r.line));
    }
    return kExitOk;
  }
  if (rules_test->parsed()) {
    // Each line of FILE on its own: every candidate match of every rule,
    // whether it survived overlap resolution and normalisation, and the
    // organisations found.
    Output out("");
    LineReader reader(test_file, test_encoding, PrintDiag);
    InputLine line;
    while (reader.Next(&line)) {
      const std::string& l = line.text;
      for (const auto& m : engine->extractor->Explain(l)) {
        std::string msg = test_file + ":" + std::to_string(line.number) + ": " +
                          m.rule + (m.kept ? " kept '" : " dropped '") +
                          l.substr(m.begin, m.end - m.begin) + "'";
        if (!m.normalised.empty()) msg += " " + m.normalised;
        out.Line(msg);
      }
    }
    if (reader.failed()) {
      std::fprintf(stderr, "%s: %s\n", test_file.c_str(),
                   reader.error().c_str());
      return kExitInput;
    }
    return kExitOk;
  }

  if (files.empty()) files.push_back("-");
  Output out(output);
  if (!out.ok()) {
    std::fprintf(stderr, "%s: cannot write\n", output.c_str());
    return kExitUsage;
  }
  PipelineOptions popt;
  popt.encoding = encoding;
  popt.reference_date = reference_date;
  RecordOptions ropt;
  ropt.pretty = pretty;
  ropt.context = context;
  int rc = kExitOk;
  DiagnosticSink diag = [&](const Diagnostic& d) {
    if (verbose || d.severity == Severity::kError ||
        d.rule.rfind("decode.", 0) == 0)
      PrintDiag(d);
  };
  for (const auto& path : files) {
    InputResult r = RunInput(
        *engine, path, popt,
        [&](Article&& a) { out.Line(RecordJson(a, ropt)); }, diag);
    if (r.failed) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), r.error.c_str());
      rc = kExitInput;
    } else if (encoding != "auto" && r.invalid_sequences > 0) {
      // The input is not in the encoding the user named: its records were
      // written (bad bytes as U+FFFD), but the run reports the failure.
      std::fprintf(stderr, "%s: not valid %s: %d invalid byte sequences\n",
                   path.c_str(), encoding.c_str(), r.invalid_sequences);
      rc = kExitInput;
    } else if (verbose) {
      std::fprintf(stderr,
                   "%s: %s, %d articles, %d lines of page furniture dropped, "
                   "%d lines outside any titled article\n",
                   path.c_str(), r.encoding.c_str(), r.stats.articles,
                   r.stats.dropped_lines, r.stats.unplaced_lines);
    }
  }
  return rc;
}
