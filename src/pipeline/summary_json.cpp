// summary.json: the findings of one recording plus the input's base name.
#include "eegtrack/pipeline/summary_json.hpp"

#include "detection_json.hpp"
#include "eegtrack/io/montage.hpp"
#include "eegtrack/io/sha256.hpp"
#include "eegtrack/io/text_escape.hpp"
#include "eegtrack/pipeline/events_output.hpp"
#include "eegtrack/pipeline/findings_builder.hpp"
#include "findings_json.hpp"

namespace eegtrack::pipeline {
namespace {

using nlohmann::json;

// A recording in one piece from its start has nothing to say about segments: the key is
// written only for recordings with gaps, so continuous outputs keep their layout.
bool one_piece(const findings::RecordingFindings& f) {
  const auto& s = f.time.segments;
  return s.empty() ||
         (s.size() == 1 && s[0].onset_s == 0.0 && s[0].duration_s == f.recording.duration_s);
}

json recording_json(const findings::RecordingFindings& f, const std::string& file_name) {
  json out = {{"file", file_name},
              {"duration_s", f.recording.duration_s},
              {"sha256", f.recording.sha256},
              {"start", f.time.start},
              {"size_bytes", f.recording.size_bytes},
              {"file_type", f.recording.file_type},
              {"sample_rate_hz", f.sample_rate_hz},
              {"montage_used", io::to_string(f.montage_used)}};
  if (!one_piece(f)) {
    json segments = json::array();
    for (const auto& s : f.time.segments)
      segments.push_back({{"onset_s", s.onset_s}, {"duration_s", s.duration_s}});
    out["segments"] = segments;
  }
  return out;
}

json quality_json(const findings::Quality& q) {
  json channels = json::array();
  for (const auto& c : q.channels)
    channels.push_back({{"label", c.label},
                        {"region", c.region ? sites::to_string(*c.region) : ""},
                        {"side", c.side ? sites::to_string(*c.side) : ""},
                        {"rejected_fraction", c.rejected_fraction}});
  return {{"clean_fraction", q.clean_fraction},
          {"n_epochs", q.n_epochs},
          {"n_clean_epochs", q.n_clean_epochs},
          {"bad_channels", q.bad_channels},
          {"channels", channels}};
}

}  // namespace

RecordingProvenance recording_provenance(const io::EdfReader& reader) {
  const auto& h = reader.header();
  RecordingProvenance p;
  // File names are bytes: a Latin-1 name is escaped so the JSON and HDF5 outputs can hold it.
  p.file_name = io::escape_bytes(h.path.filename().string());
  p.size_bytes = static_cast<std::uint64_t>(std::filesystem::file_size(h.path));
  p.sha256 = io::sha256_file(h.path);
  p.start = io::to_iso8601(h.start);
  p.file_type = io::to_string(h.file_type);
  p.duration_s = reader.duration_s();
  for (const auto& s : reader.segments())
    p.segments.push_back({s.onset_s, s.duration_s});
  return p;
}

json summary_json(const findings::RecordingFindings& f, const std::string& file_name) {
  return {{"recording", recording_json(f, file_name)},
          {"eegtrack_version", f.recording.eegtrack_version},
          {"parameters", f.parameters},
          {"quality", quality_json(f.quality)},
          {"background", detail::background_json(f)},
          {"regions", detail::regions_json(f)},
          {"slowing", detail::slowing_json(f)},
          {"continuity",
           {{"suppressed_fraction", detail::number(f.continuity.suppressed_fraction)},
            {"n_bursts", f.continuity.n_bursts},
            {"classification", features::to_string(f.continuity.classification)}}},
          {"epileptiform", detail::epileptiform_json(f)},
          {"events", events_json(f.events)},
          {"warnings", f.warnings}};
}

json summary_json(const RecordingAnalysis& a, const AnalyzeParams& p,
                  const RecordingProvenance& prov) {
  return summary_json(make_findings(a, p, prov), prov.file_name);
}

}  // namespace eegtrack::pipeline
