#include "eegtrack/pipeline/analysis_outputs.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <future>
#include <stdexcept>

#include "eegtrack/exports/epoch_table.hpp"
#include "eegtrack/exports/events_edf.hpp"
#include "eegtrack/exports/recording_table.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/sha256.hpp"
#include "eegtrack/io/text_escape.hpp"
#include "eegtrack/pipeline/hdf5_store.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "eegtrack/pipeline/summary_json.hpp"
#include "eegtrack/version.hpp"

namespace eegtrack::pipeline {

namespace fs = std::filesystem;

AnalysisOutputPaths analysis_output_paths(const fs::path& outdir, const fs::path& input) {
  return analysis_output_paths_named(outdir, input.stem().string());
}

AnalysisOutputPaths analysis_output_paths_named(const fs::path& outdir, const std::string& stem) {
  // Names come from inputs (file names, manifest keys): none may lead out of outdir.
  if (stem.empty() || stem == "." || stem == ".." || stem.find('/') != std::string::npos ||
      stem.find('\0') != std::string::npos)
    throw std::invalid_argument("output name '" + io::escape_bytes(stem) +
                                "' would leave the output folder " +
                                io::escape_bytes(outdir.string()));
  return {outdir / (stem + ".h5"),
          outdir / (stem + ".summary.json"),
          outdir / (stem + ".events.tsv"),
          outdir / (stem + ".events.json"),
          outdir / (stem + ".events.edf"),
          outdir / (stem + ".epochs.tsv"),
          outdir / (stem + ".epochs.json"),
          outdir / (stem + ".recording.tsv"),
          outdir / (stem + ".recording.json"),
          outdir / (stem + ".outputs.json")};
}

std::string dump_json(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_text_atomically(const fs::path& path, const std::string& text) {
  write_text_atomically(path, [&](std::ostream& out) { out << text; });
}

void write_text_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    try {
      write(out);
    } catch (...) {
      out.close();
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw;
    }
    out.close();
    if (!out) {
      const int error = errno;
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw std::runtime_error(io::escape_bytes(path.string()) + ": cannot write (" +
                               std::strerror(error) + ")");
    }
  }
  fs::rename(tmp, path);
}

namespace {

// An exclusive lock on OUTDIR/.<stem>.lock for one analysis: a second run writing the same
// outputs waits. The kernel releases it when the process ends, killed or not.
class OutputSetLock {
 public:
  explicit OutputSetLock(const fs::path& any_output) {
    const std::string name = any_output.filename().string();  // <stem>.outputs.json
    std::string lock_name = ".";
    lock_name += name.substr(0, name.rfind('.'));
    lock_name += ".lock";
    const fs::path lock = any_output.parent_path() / lock_name;
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw std::runtime_error(io::escape_bytes(lock.string()) + ": cannot create the lock file (" +
                               std::strerror(errno) + ")");
    while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~OutputSetLock() { ::close(fd_); }
  OutputSetLock(const OutputSetLock&) = delete;
  OutputSetLock& operator=(const OutputSetLock&) = delete;

 private:
  int fd_ = -1;
};

// Temporaries ("<output>.tmp-<pid>[-n]") of processes that no longer run: a killed run's.
void remove_stale_temporaries(const AnalysisOutputPaths& paths) {
  std::error_code ec;
  const fs::path dir = paths.store.parent_path().empty() ? "." : paths.store.parent_path();
  const std::string stem = paths.manifest.filename().string().substr(
      0, paths.manifest.filename().string().size() - std::string(".outputs.json").size());
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const auto tmp = name.find(".tmp-");
    if (!name.starts_with(stem + ".") || tmp == std::string::npos)
      continue;
    const long pid = std::strtol(name.c_str() + tmp + 5, nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
      fs::remove(entry.path(), ec);
  }
}

std::vector<const fs::path*> all_outputs(const AnalysisOutputPaths& p) {
  return {&p.store,      &p.summary_json, &p.events_tsv,    &p.events_json,   &p.events_edf,
          &p.epochs_tsv, &p.epochs_json,  &p.recording_tsv, &p.recording_json};
}

void write_manifest(const AnalysisOutputPaths& paths) {
  nlohmann::json files = nlohmann::json::object();
  for (const auto* path : all_outputs(paths))
    if (fs::exists(*path))
      files[io::escape_bytes(path->filename().string())] = io::sha256_file(*path);
  write_text_atomically(paths.manifest,
                        dump_json({{"eegtrack_version", kVersion}, {"sha256", files}}) + "\n");
}

std::string sidecar_text(const nlohmann::ordered_json& sidecar) {
  return sidecar.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void write_table(const fs::path& tsv, const fs::path& json, const exports::TableWithSidecar& t) {
  write_text_atomically(json, sidecar_text(t.sidecar));
  write_text_atomically(tsv, t.tsv);
}

// The per-epoch table reads the committed store back, one feature at a time.
exports::EpochTableContext epoch_table_context(const RecordingAnalysis& a) {
  exports::EpochTableContext c;
  c.clean = a.epochs.clean;
  for (const auto& channel : a.channel_artifacts)
    c.good_channels.push_back(!channel.bad);
  for (const auto& feature : a.features)
    c.features.push_back(feature.name);
  return c;
}

// The de-identification of `input`'s outputs, when `outputs` asks for one.
std::optional<Deidentification> deidentification_of(const io::Header& header, const fs::path& input,
                                                    const OutputOptions& outputs) {
  if (!outputs.deidentify)
    return std::nullopt;
  return deidentification(*outputs.deidentify, input.filename().string(),
                          patient_key(header, outputs.patient_id));
}

// The start time the outputs carry: the header's, or shifted by the patient's days.
io::StartTime published_start(const io::Header& header, const std::optional<Deidentification>& d) {
  return d ? io::shifted_by_days(header.start, d->shift_days) : header.start;
}

}  // namespace

AnalysedRecording analyze_to_outputs(const fs::path& input, const fs::path& outdir,
                                     const AnalyzeParams& params, const OutputOptions& outputs) {
  return analyze_to_outputs(input, analysis_output_paths(outdir, input), params, outputs);
}

AnalysedRecording analyze_to_outputs(const fs::path& input, const AnalysisOutputPaths& paths,
                                     const AnalyzeParams& params, const OutputOptions& outputs) {
  const io::EdfReader reader(input);
  AnalysedRecording out;
  out.paths = paths;
  const OutputSetLock lock(out.paths.manifest);
  remove_stale_temporaries(out.paths);
  // No manifest and no summary.json until every other output of this run is in place.
  fs::remove(out.paths.manifest);
  fs::remove(out.paths.summary_json);
  Hdf5Store store(out.paths.store);
  // The input's SHA-256 reads the whole file once more; it runs beside the analysis instead of
  // after it (0.6 s for 24 h of 21 channels).
  auto hashed = std::async(std::launch::async, [&reader] { return recording_provenance(reader); });
  const auto analysis = analyze_recording(reader, params, &store, outputs.progress);
  auto provenance = hashed.get();
  const auto d = deidentification_of(reader.header(), input, outputs);
  const io::StartTime start = published_start(reader.header(), d);
  if (d) {
    provenance.file_name =
        outputs.pseudonym.value_or(d->pseudonym) + io::escape_bytes(input.extension().string());
    provenance.start = io::to_iso8601(start);
  }
  out.summary = summary_json(analysis, params, provenance);
  store.finish(analysis, params, provenance, out.summary);
  const auto& events = analysis.detection.events;
  const auto events_table =
      exports::events_table(outputs.events_format, events, start, provenance.duration_s);
  write_table(out.paths.events_tsv, out.paths.events_json, events_table);
  if (outputs.events_edf)
    exports::write_events_edf(out.paths.events_edf, events, start, provenance.duration_s,
                              params.detection.enabled);
  else
    fs::remove(out.paths.events_edf);
  if (outputs.tables) {
    // Streamed from the store: the text of a long recording's table is never held whole.
    nlohmann::ordered_json epochs_sidecar;
    write_text_atomically(out.paths.epochs_tsv, [&](std::ostream& tsv) {
      epochs_sidecar =
          exports::write_epochs_table(out.paths.store, epoch_table_context(analysis), tsv);
    });
    write_text_atomically(out.paths.epochs_json, sidecar_text(epochs_sidecar));
    write_table(out.paths.recording_tsv, out.paths.recording_json,
                exports::recording_table(out.summary));
  } else {
    for (const auto* path : {&out.paths.epochs_tsv, &out.paths.epochs_json,
                             &out.paths.recording_tsv, &out.paths.recording_json})
      fs::remove(*path);
  }
  write_text_atomically(out.paths.summary_json, dump_json(out.summary) + "\n");
  write_manifest(out.paths);
  out.spectrogram_step_s = analysis.spectrogram.step_s;
  return out;
}

std::optional<findings::RecordingFindings> reusable_findings(const fs::path& input,
                                                             const AnalysisOutputPaths& paths,
                                                             const AnalyzeParams& params,
                                                             const OutputOptions& outputs,
                                                             std::string* why_not) {
  const auto refuse = [&](const std::string& reason) {
    if (why_not != nullptr)
      *why_not = reason;
    return std::optional<findings::RecordingFindings>();
  };
  if (!fs::exists(paths.summary_json) || !fs::exists(paths.store))
    return refuse("no earlier output");
  for (const auto* path : {&paths.events_tsv, &paths.events_json, &paths.events_edf,
                           &paths.epochs_tsv, &paths.recording_tsv})
    if (!fs::exists(*path))
      return refuse("earlier output incomplete (no " + path->filename().string() + ")");
  if (std::string why; !verify_output_set(paths, &why))
    return refuse("earlier output incomplete (" + why + ")");
  findings::RecordingFindings found;
  try {
    found = read_findings(paths.summary_json);
  } catch (const std::exception& e) {
    return refuse(std::string("earlier output unreadable (") + e.what() + ")");
  }
  if (found.recording.eegtrack_version != kVersion)
    return refuse("written by eegtrack " + found.recording.eegtrack_version);
  if (found.parameters != parameters_json(params))
    return refuse("parameters changed");
  if (found.recording.sha256 != io::sha256_file(input))
    return refuse("file content changed");
  // The same file and parameters de-identified for another patient id (a manifest corrected
  // since) or with another key have another date shift: reused, they would date the recording
  // on another patient's time line.
  const io::EdfReader reader(input);
  const auto& header = reader.header();
  if (found.time.start !=
      io::to_iso8601(published_start(header, deidentification_of(header, input, outputs))))
    return refuse(outputs.deidentify ? "earlier output dated for another patient id or key"
                                     : "earlier output de-identified");
  return found;
}

bool verify_output_set(const AnalysisOutputPaths& paths, std::string* why_not) {
  const auto refuse = [&](const std::string& reason) {
    if (why_not != nullptr)
      *why_not = reason;
    return false;
  };
  if (!fs::exists(paths.manifest))
    return refuse("no " + paths.manifest.filename().string());
  nlohmann::json manifest;
  try {
    std::ifstream in(paths.manifest, std::ios::binary);
    manifest = nlohmann::json::parse(in);
  } catch (const std::exception&) {
    return refuse(paths.manifest.filename().string() + " unreadable");
  }
  if (!manifest.is_object() || !manifest.contains("sha256") || !manifest["sha256"].is_object())
    return refuse(paths.manifest.filename().string() + " lists no outputs");
  if (!manifest["sha256"].contains(paths.summary_json.filename().string()) ||
      !manifest["sha256"].contains(paths.store.filename().string()))
    return refuse(paths.manifest.filename().string() + " lists no summary or store");
  for (const auto& [name, hash] : manifest["sha256"].items()) {
    const fs::path file = paths.manifest.parent_path() / name;
    if (name.find('/') != std::string::npos || !fs::exists(file))
      return refuse(name + " listed but missing");
    if (!hash.is_string() || io::sha256_file(file) != hash.get<std::string>())
      return refuse(name + " differs from the one its run wrote");
  }
  return true;
}

}  // namespace eegtrack::pipeline
