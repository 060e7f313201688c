#include "eegtrack/pipeline/batch_runner.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>

#include "eegtrack/io/text_escape.hpp"
#include "eegtrack/pipeline/batch_record.hpp"
#include "parallel_items.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::uint64_t size_or_zero(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  return ec ? 0 : size;
}

// The error as the cohort's errors.tsv may hold it when outputs are de-identified: the input's
// path (which may name the patient) replaced by its pseudonymous name. The terminal still gets
// the full message.
std::string without_path(std::string error, const BatchInput& in) {
  for (const std::string& path : {io::escape_bytes(in.file.string()), in.file.string()}) {
    for (auto at = error.find(path); !path.empty() && at != std::string::npos;
         at = error.find(path, at + in.relative.size()))
      error.replace(at, path.size(), in.relative);
  }
  return error;
}

BatchItemResult process(const BatchInput& in, const BatchOptions& options) {
  BatchItemResult r;
  const auto start = Clock::now();
  try {
    const auto paths = batch_output_paths(options.outdir, in.key);
    auto outputs = options.outputs;
    outputs.patient_id = in.patient_id;  // one date shift per patient (deidentify.hpp)
    outputs.pseudonym = fs::path(in.key).filename().string();
    if (auto found = reusable_findings(in.file, paths, options.params, outputs, &r.why_analysed)) {
      r.outcome = BatchOutcome::Skipped;
      r.duration_s = found->recording.duration_s;
    } else {
      const auto out = analyze_to_outputs(in.file, paths, options.params, outputs);
      r.outcome = BatchOutcome::Analysed;
      r.duration_s = out.summary["recording"]["duration_s"].get<double>();
    }
  } catch (const std::exception& e) {
    r.outcome = BatchOutcome::Failed;
    r.error = e.what();
  } catch (...) {
    r.outcome = BatchOutcome::Failed;
    r.error = "unknown error";
  }
  BatchRecord record{in.key,
                     in.relative,
                     in.patient_pseudonym ? in.patient_pseudonym : in.patient_id,
                     in.extras,
                     r.outcome != BatchOutcome::Failed,
                     options.outputs.deidentify ? without_path(r.error, in) : r.error,
                     options.outputs.deidentify.has_value()};
  try {
    write_batch_record(options.outdir, record);
  } catch (const std::exception& e) {
    r.outcome = BatchOutcome::Failed;
    r.error = std::string("cannot write the batch record: ") + e.what();
  }
  r.wall_s = seconds_since(start);
  return r;
}

}  // namespace

AnalysisOutputPaths batch_output_paths(const fs::path& outdir, const std::string& key) {
  const fs::path relative(key);
  const fs::path dir = outdir / relative.parent_path();
  fs::create_directories(dir);
  return analysis_output_paths_named(dir, relative.filename().string());
}

std::vector<std::size_t> largest_first(const std::vector<std::uint64_t>& sizes) {
  std::vector<std::size_t> order(sizes.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

BatchRunResult run_batch(const BatchInputs& inputs, const BatchOptions& options,
                         const BatchProgressFn& progress) {
  fs::create_directories(options.outdir);
  const auto& list = inputs.inputs;
  BatchRunResult run;
  run.items.resize(list.size());
  std::vector<std::uint64_t> sizes;
  for (const auto& in : list)
    sizes.push_back(size_or_zero(in.file));
  run.final.total = list.size();
  run.final.bytes_left = std::accumulate(sizes.begin(), sizes.end(), std::uint64_t{0});

  const auto order = largest_first(sizes);
  const auto start = Clock::now();
  detail::for_each_parallel(
      list.size(), options.jobs, [&](std::size_t k) { return process(list[order[k]], options); },
      [&](std::size_t k, BatchItemResult&& result) {
        const std::size_t i = order[k];
        run.items[i] = std::move(result);
        const auto& r = run.items[i];
        auto& p = run.final;
        ++p.done;
        p.bytes_left -= sizes[i];
        switch (r.outcome) {
          case BatchOutcome::Analysed:
            ++p.analysed;
            p.eeg_analysed_s += r.duration_s;
            p.bytes_analysed += sizes[i];
            break;
          case BatchOutcome::Skipped:
            ++p.skipped;
            break;
          case BatchOutcome::Failed:
            ++p.failed;
            break;
        }
        p.elapsed_s = seconds_since(start);
        p.input = &list[i];
        p.result = &r;
        if (progress)
          progress(p);
      });
  run.final.input = nullptr;
  run.final.result = nullptr;
  return run;
}

}  // namespace eegtrack::pipeline
