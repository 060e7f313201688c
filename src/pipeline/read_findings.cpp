// Reading the findings back from an existing summary.json or HDF5 store.
#include "eegtrack/pipeline/read_findings.hpp"

#include <fstream>
#include <sstream>

#include "eegtrack/findings/names.hpp"
#include "eegtrack/io/hdf5_reader.hpp"
#include "findings_json.hpp"
#include "store_layout_check.hpp"

namespace eegtrack::pipeline {
namespace {

using detail::JsonField;

// "0.1.0" -> "0.1"; the patch number never changes a layout.
std::string major_minor(const std::string& version) {
  const auto first = version.find('.');
  const auto second = first == std::string::npos ? first : version.find('.', first + 1);
  return version.substr(0, second);
}

void check_summary_layout(const JsonField& version) {
  const auto text = version.string();
  for (const char* known : kSummaryJsonLayouts)
    if (major_minor(text) == known)
      return;
  version.fail("layout of eegtrack " + text + " is unknown to this eegtrack (reads " +
               kSummaryJsonLayouts[0] + ".x)");
}

std::vector<findings::Segment> segments_of(const JsonField& recording, double duration_s) {
  // Written only for recordings with gaps; otherwise one piece from the start.
  if (!recording.has("segments"))
    return {{0.0, duration_s}};
  std::vector<findings::Segment> out;
  for (const auto& s : recording["segments"].elements())
    out.push_back({s["onset_s"].number(), s["duration_s"].number()});
  return out;
}

findings::Quality quality_of(const JsonField& j) {
  findings::Quality q;
  q.clean_fraction = j["clean_fraction"].number();
  q.n_epochs = j["n_epochs"].count();
  q.n_clean_epochs = j["n_clean_epochs"].count();
  q.bad_channels = j["bad_channels"].strings();
  for (const auto& c : j["channels"].elements()) {
    findings::ChannelQuality ch;
    ch.label = c["label"].string();
    if (!c["region"].string().empty()) {
      ch.region = c["region"].parsed(findings::parse_region);
      ch.side = c["side"].parsed(findings::parse_side);
    }
    ch.rejected_fraction = c["rejected_fraction"].number();
    q.channels.push_back(std::move(ch));
  }
  return q;
}

std::vector<std::string> band_names(const JsonField& parameters) {
  std::vector<std::string> out;
  for (const auto& b : parameters["bands"].elements())
    out.push_back(b["name"].string());
  return out;
}

nlohmann::json parse_json(const std::string& text, const std::filesystem::path& path,
                          const std::string& field) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    // Not only parse_error: a number beyond double range (1e999) is out_of_range.
    throw FindingsFileError(path, field, std::string("not JSON: ") + e.what());
  }
}

}  // namespace

findings::RecordingFindings findings_from_summary_json(const nlohmann::json& summary,
                                                       const std::filesystem::path& path) {
  const JsonField root(summary, path, "");
  if (!summary.is_object() || !summary.contains("eegtrack_version") ||
      !summary.contains("recording"))
    root.fail("not an eegtrack summary (no eegtrack_version and recording)");
  check_summary_layout(root["eegtrack_version"]);
  findings::RecordingFindings f;
  const auto rec = root["recording"];
  f.recording.size_bytes = rec["size_bytes"].count();
  f.recording.sha256 = rec["sha256"].string();
  f.recording.file_type = rec["file_type"].string();
  f.recording.duration_s = rec["duration_s"].number();
  f.recording.eegtrack_version = root["eegtrack_version"].string();
  f.time.start = rec["start"].string();
  f.time.segments = segments_of(rec, f.recording.duration_s);
  f.sample_rate_hz = rec["sample_rate_hz"].number();
  f.montage_used = rec["montage_used"].parsed([](const std::string& text) {
    try {
      return std::optional<io::MontageKind>(io::parse_montage(text));
    } catch (const std::exception&) {
      return std::optional<io::MontageKind>();
    }
  });
  const auto parameters = root["parameters"];
  f.parameters = parameters.raw();
  const auto bands = band_names(parameters);
  f.quality = quality_of(root["quality"]);
  f.background = detail::background_from_json(root["background"], bands);
  f.regions = detail::regions_from_json(root["regions"], bands);
  f.slowing = detail::slowing_from_json(root["slowing"]);
  const auto c = root["continuity"];
  f.continuity = {c["suppressed_fraction"].optional_number(), c["n_bursts"].count(),
                  c["classification"].parsed(findings::parse_continuity_class)};
  f.epileptiform = detail::epileptiform_from_json(root["epileptiform"]);
  f.events = detail::events_from_json(root["events"]);
  f.warnings = root["warnings"].strings();
  return f;
}

findings::RecordingFindings read_findings(const std::filesystem::path& summary_json) {
  std::ifstream in(summary_json, std::ios::binary);
  if (!in)
    throw FindingsFileError(summary_json, "", "cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  return findings_from_summary_json(parse_json(text.str(), summary_json, ""), summary_json);
}

findings::RecordingFindings read_findings_h5(const std::filesystem::path& store) {
  try {
    const io::Hdf5Reader reader(store);
    (void)known_store_layout(reader);
    if (!reader.has_attribute("/summary", "json"))
      throw FindingsFileError(store, "/summary json", "missing");
    const auto summary = reader.attribute("/summary", "json");
    const auto* json_text = std::get_if<std::string>(&summary);
    if (json_text == nullptr)
      throw FindingsFileError(store, "/summary json", "expected a string");
    return findings_from_summary_json(parse_json(*json_text, store, "/summary json"), store);
  } catch (const io::H5Error& e) {
    throw FindingsFileError(store, "", e.what());
  }
}

}  // namespace eegtrack::pipeline
