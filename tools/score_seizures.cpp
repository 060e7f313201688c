// eegtrack score-seizures: the seizure detector measured against reference annotations, per
// patient, per half of the patients and overall, from the outputs `eegtrack analyze` wrote. It
// reads only the events tables and summaries, so it scores any version of the detectors.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "analyze_outputs.hpp"
#include "eegtrack/evaluation/bids_reference.hpp"
#include "eegtrack/evaluation/recording_score.hpp"
#include "eegtrack/evaluation/reference_table.hpp"
#include "eegtrack/evaluation/report_tables.hpp"
#include "eegtrack/io/errors.hpp"
#include "subcommands.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

struct ScoreSeizuresOptions {
  std::string reference;
  std::string detections;
  std::vector<std::string> healthy;
  std::string outdir;
  evaluation::ScoringParameters parameters;
};

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error(path.string() + ": cannot open");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_whole(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out)
    throw std::runtime_error(path.string() + ": cannot write");
}

// A reference table, or a BIDS dataset: every sub-..._events.tsv below the folder, in path order.
std::vector<evaluation::ReferenceRecording> read_references(const fs::path& path) {
  if (!fs::is_directory(path))
    return evaluation::parse_reference_table(read_whole(path), path.string());
  std::vector<fs::path> tables;
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.rfind("sub-", 0) == 0 && name.ends_with("_events.tsv"))
      tables.push_back(entry.path());
  }
  if (tables.empty())
    throw std::runtime_error(path.string() + ": no sub-..._events.tsv below this folder");
  std::sort(tables.begin(), tables.end());
  std::vector<evaluation::ReferenceRecording> references;
  for (const auto& table : tables)
    references.push_back(evaluation::reference_from_bids_events(
        read_whole(table), table.filename().string(), table.string()));
  return references;
}

std::vector<evaluation::RecordingScore> score_all(const ScoreSeizuresOptions& o) {
  std::vector<evaluation::RecordingScore> scores;
  const auto references = read_references(o.reference);
  for (const auto& reference : references) {
    auto recording = read_analyze_output(o.detections, recording_stem(reference.file));
    recording.patient = reference.patient;
    recording.kind = reference.kind;
    recording.seizures = reference.seizures;
    scores.push_back(evaluation::score_recording(recording, o.parameters));
  }
  for (const auto& dir : o.healthy) {
    for (const auto& stem : analyzed_stems(dir)) {
      auto recording = read_analyze_output(dir, stem);
      recording.kind = evaluation::RecordingKind::Healthy;
      scores.push_back(evaluation::score_recording(recording, o.parameters));
    }
  }
  return scores;
}

int run_score_seizures(const ScoreSeizuresOptions& o) {
  if (!(o.parameters.min_seizure_s >= 0.0))
    throw io::UsageError("--min-seizure-s must be >= 0");
  const auto scores = score_all(o);
  const auto groups = evaluation::summarize_validation(scores);
  std::cout << evaluation::summary_text(groups);
  if (!o.outdir.empty()) {
    fs::create_directories(o.outdir);
    const fs::path dir(o.outdir);
    write_whole(dir / "summary.tsv", evaluation::summary_tsv(groups));
    write_whole(dir / "seizures.tsv", evaluation::seizures_tsv(scores));
    write_whole(dir / "recordings.tsv", evaluation::recordings_tsv(scores));
    std::cout << "tables: " << (dir / "summary.tsv").string() << ", seizures.tsv, recordings.tsv\n";
  }
  return 0;
}

}  // namespace

void add_score_seizures(CLI::App& app) {
  auto o = std::make_shared<ScoreSeizuresOptions>();
  auto* cmd = app.add_subcommand(
      "score-seizures",
      "Score seizure events of `analyze` outputs against reference annotations (found, "
      "coverage, latency, false seizures per hour, SzCORE event scores)");
  cmd->add_option("--reference", o->reference,
                  "Reference table (CSV/TSV: file, kind, patient or record, "
                  "seizure_onset_in_file_s, seizure_offset_in_file_s), or a BIDS folder of "
                  "sub-..._events.tsv (SzCORE sz... events)")
      ->required();
  cmd->add_option("--detections", o->detections,
                  "Folder of `analyze` outputs (<stem>.events.tsv, <stem>.summary.json) of the "
                  "reference recordings")
      ->required();
  cmd->add_option("--healthy", o->healthy,
                  "Folder(s) of `analyze` outputs of recordings without seizures: every seizure "
                  "in them is false");
  cmd->add_option("-o,--outdir", o->outdir,
                  "Write summary.tsv, seizures.tsv and recordings.tsv here (created if missing)");
  cmd->add_option("--min-seizure-s", o->parameters.min_seizure_s,
                  "Reference seizures shorter than this are listed but not counted as found or "
                  "missed")
      ->capture_default_str();
  cmd->callback([o] { run_guarded([&] { return run_score_seizures(*o); }); });
}

}  // namespace eegtrack::cli
