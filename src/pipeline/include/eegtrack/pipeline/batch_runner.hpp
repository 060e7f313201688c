#pragma once
// The work of `eegtrack batch` (docs/batch.md): every recording analysed into its outputs by a
// bounded pool of worker threads, one recording per worker at a time, skipping recordings whose
// outputs are up to date and recording failures without stopping.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/analyze_params.hpp"
#include "eegtrack/pipeline/batch_inputs.hpp"

namespace eegtrack::pipeline {

struct BatchOptions {
  std::filesystem::path outdir;  ///< created if missing
  AnalyzeParams params;
  OutputOptions outputs;
  unsigned jobs = 1;  ///< worker threads, at least 1
};

enum class BatchOutcome {
  Analysed,  ///< analysed now, outputs written
  Skipped,   ///< outputs already there for the same content, version and parameters
  Failed     ///< the error is in BatchItemResult::error and the recording's .batch.json
};

struct BatchItemResult {
  BatchOutcome outcome = BatchOutcome::Failed;
  std::string error;         ///< why it failed
  std::string why_analysed;  ///< why earlier outputs could not be reused ("no earlier output")
  double duration_s = 0.0;   ///< EEG duration (0 when failed)
  double wall_s = 0.0;       ///< time spent on it
};

/// Where a run stands, after each finished recording.
struct BatchProgress {
  std::size_t total = 0;
  std::size_t done = 0;  ///< analysed + skipped + failed
  std::size_t analysed = 0;
  std::size_t skipped = 0;
  std::size_t failed = 0;
  double elapsed_s = 0.0;                   ///< since the run started
  double eeg_analysed_s = 0.0;              ///< EEG time of the recordings analysed now
  std::uint64_t bytes_analysed = 0;         ///< input bytes of the recordings analysed now
  std::uint64_t bytes_left = 0;             ///< input bytes not yet done
  const BatchInput* input = nullptr;        ///< the recording just finished
  const BatchItemResult* result = nullptr;  ///< and how
};

/// Called after each recording, from the worker that finished it, one call at a time.
using BatchProgressFn = std::function<void(const BatchProgress&)>;

struct BatchRunResult {
  std::vector<BatchItemResult> items;  ///< in the order of the inputs
  BatchProgress final;
};

/// The outputs of the recording keyed `key` in `outdir` (the key's folders are created).
[[nodiscard]] AnalysisOutputPaths batch_output_paths(const std::filesystem::path& outdir,
                                                     const std::string& key);

/// The order in which a batch starts its recordings: the largest file first (ties in input
/// order). With several jobs, a long recording started last would leave the other workers idle
/// while it finishes; started first, the short ones fill in around it. Returns input indices.
[[nodiscard]] std::vector<std::size_t> largest_first(const std::vector<std::uint64_t>& sizes);

/// Analyses every input on options.jobs threads, the largest files first (largest_first). A
/// recording whose outputs are reusable (reusable_findings) is skipped; one that fails (unreadable,
/// corrupt, truncated, unwritable output) is recorded as failed and the others go on. Each
/// recording's <key>.batch.json is written once it is done, whatever the outcome. Never throws for
/// a recording's problem; throws std::runtime_error when outdir cannot be created.
BatchRunResult run_batch(const BatchInputs& inputs, const BatchOptions& options,
                         const BatchProgressFn& progress = {});

}  // namespace eegtrack::pipeline
