#include "report_build.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include "cohort_report_build.hpp"
#include "eegtrack/io/annotation_filter.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/io/sha256.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/eeg_window.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/read_trends.hpp"
#include "eegtrack/report/followup_report.hpp"
#include "eegtrack/report/number_text.hpp"
#include "eegtrack/report/recording_report.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSummarySuffix = ".summary.json";
constexpr const char* kFollowupSuffix = ".followup.json";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string stem_of_summary(const fs::path& summary) {
  const std::string name = summary.filename().string();
  return ends_with(name, kSummarySuffix) ? name.substr(0, name.size() - 13)
                                         : summary.stem().string();
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  if (!in)
    throw io::EdfError(path, "cannot open");
  auto j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded())
    throw io::EdfError(path, "not JSON");
  return j;
}

// EDF+ patient field: code, sex, birth date, name, each "X" when unknown, spaces written as '_'.
report::Identity identity_of(const io::Header& header) {
  report::Identity id;
  id.patient_field = header.patient;
  id.recording_field = header.recording;
  if (!io::is_plus(header.file_type))
    return id;
  std::vector<std::string> parts;
  std::string word;
  for (const char c : header.patient + " ") {
    if (c == ' ') {
      if (!word.empty())
        parts.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  const auto subfield = [&](std::size_t i) {
    if (i >= parts.size() || parts[i] == "X")
      return std::string();
    std::string s = parts[i];
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
  };
  id.hospital_code = subfield(0);
  id.sex = subfield(1);
  id.birth_date = subfield(2);
  id.patient_name = subfield(3);
  return id;
}

// The demo patient's recordings say so in their recording field (docs/demo-patient.md).
bool simulated(const io::Header& header) {
  return header.recording.find("SIMULATED") != std::string::npos;
}

std::string filters_text(const pipeline::EegDisplayParams& p) {
  std::vector<std::string> parts;
  if (p.high_pass_hz > 0.0)
    parts.push_back("LFF " + report::fixed(p.high_pass_hz, 1) + " Hz");
  if (p.low_pass_hz > 0.0)
    parts.push_back("HFF " + report::fixed(p.low_pass_hz, 0) + " Hz");
  if (!p.notch_hz.empty()) {
    std::string notch = "notch";
    for (const double f : p.notch_hz)
      notch.append(" ").append(report::fixed(f, 0));
    parts.push_back(notch.append(" Hz"));
  }
  std::string out;
  for (const auto& part : parts)
    out.append(out.empty() ? "" : ", ").append(part);
  return out.append(" (Butterworth order ").append(std::to_string(p.order)).append(", zero phase)");
}

// The pages of the report; a page that cannot be read is named in `note` and left out, so one
// unreadable window does not cost the whole report.
// Annotation texts are de-identified (io::deidentified_annotation) unless `show_identifiers`.
std::vector<report::EegPage> eeg_pages(const io::EdfReader& reader,
                                       const findings::RecordingFindings& f, std::string& note,
                                       bool show_identifiers) {
  std::vector<report::EegPage> pages;
  for (const auto& request : report::select_eeg_pages(f.events, f.recording.duration_s)) {
    pipeline::EegWindow w;
    try {
      w = pipeline::read_eeg_window(reader, request.start_s, request.duration_s);
    } catch (const std::exception& e) {
      note += (note.empty() ? "" : " ") + request.title + " not drawn: " + e.what() + ".";
      continue;
    }
    report::EegPage page;
    page.request = request;
    page.traces = {
        w.start_s,    w.duration_s, w.sample_rate_hz, w.montage, filters_text(w.params), w.labels,
        w.samples_uv, {},           w.notes};
    for (const auto& a : w.annotations)
      page.traces.annotations.push_back(
          {a.onset_s, a.duration_s, io::shown_annotation(a.text, show_identifiers)});
    pages.push_back(std::move(page));
  }
  return pages;
}

// The recording among `candidates` whose content is `sha256`; checks the size first.
std::optional<fs::path> matching_recording(const std::vector<fs::path>& candidates,
                                           const findings::RecordingIdentity& id) {
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::file_size(c, ec) != id.size_bytes || ec)
      continue;
    if (io::sha256_file(c) == id.sha256)
      return c;
  }
  return std::nullopt;
}

void write_html(const fs::path& path, const std::string& html) {
  if (path.has_parent_path())
    fs::create_directories(path.parent_path());
  pipeline::write_text_atomically(path, html);
}

}  // namespace

ReportInput resolve_report_input(const fs::path& input) {
  if (fs::is_directory(input)) {
    std::vector<fs::path> followups, summaries;
    for (const auto& entry : fs::directory_iterator(input)) {
      const std::string name = entry.path().filename().string();
      if (ends_with(name, kFollowupSuffix))
        followups.push_back(entry.path());
      else if (ends_with(name, kSummarySuffix))
        summaries.push_back(entry.path());
    }
    if (followups.size() == 1)
      return {followups.front(), true};
    if (followups.empty() && holds_cohort_table(input))
      return {input, false, true};
    if (followups.empty() && summaries.size() == 1)
      return {summaries.front(), false};
    throw io::UsageError(input.string() + ": holds " + std::to_string(followups.size()) +
                         " follow-up(s), " + std::to_string(summaries.size()) +
                         " recording summary(ies) and no cohort table; name the one to report (a " +
                         kFollowupSuffix + " or " + kSummarySuffix + " file, or a batch folder)");
  }
  if (!fs::exists(input))
    throw io::EdfError(input, "no such file or directory");
  if (input.filename() == "cohort.tsv")
    return {input.parent_path().empty() ? fs::path(".") : input.parent_path(), false, true};
  if (ends_with(input.filename().string(), kFollowupSuffix))
    return {input, true};
  const auto j = read_json(input);
  return {input, j.is_object() && j.contains("followup_layout_version")};
}

// The per-epoch trends of the feature store `<stem>.h5` in `dir`, read only when the outputs
// manifest of its run vouches for it (every output present with the SHA-256 it was written
// with). libhdf5 can spend unbounded memory or time on a corrupt store before eegtrack sees a
// byte (docs/robustness.md, findings 3 and 4), so a store that is not the one its run wrote
// is never opened; `why_not` says why, and the report goes on without the per-epoch figures.
std::optional<findings::RecordingTrends> intact_trends(const fs::path& dir, const std::string& stem,
                                                       std::string& why_not) {
  const auto paths = pipeline::analysis_output_paths_named(dir, stem);
  if (!fs::exists(paths.store)) {
    why_not = "No feature store " + paths.store.filename().string() +
              " beside the summary: the per-epoch figures need it.";
    return std::nullopt;
  }
  if (std::string why; !pipeline::verify_output_set(paths, &why)) {
    why_not = "Feature store " + paths.store.filename().string() + " not read: " + why +
              " (run eegtrack analyze again to rewrite the set).";
    return std::nullopt;
  }
  return pipeline::read_recording_trends(paths.store);
}

void write_recording_report(const fs::path& summary_json, const fs::path& html,
                            const ReportRequest& request) {
  report::RecordingReportInput in;
  in.findings = pipeline::read_findings(summary_json);
  const auto summary = read_json(summary_json);
  in.file_name = summary.contains("recording") && summary["recording"].contains("file") &&
                         summary["recording"]["file"].is_string()
                     ? summary["recording"]["file"].get<std::string>()
                     : stem_of_summary(summary_json);
  in.subject = request.subject;
  in.label = request.label;
  in.day = request.day;
  in.followup_link = request.followup_link;
  in.trends =
      intact_trends(summary_json.parent_path(), stem_of_summary(summary_json), in.trends_note);
  const auto edf = matching_recording(request.recordings, in.findings.recording);
  if (!request.recordings.empty() && !edf)
    throw io::EdfError(request.recordings.front(),
                       "is not the recording of " + summary_json.string() +
                           " (its SHA-256 differs from " + in.findings.recording.sha256 + ")");
  if (request.show_identity && !edf)
    throw io::UsageError(
        "--show-identifiers: identity comes from the recording's header; give the "
        "recording with --edf FILE");
  if (edf) {
    const io::EdfReader reader(*edf);
    in.simulated = simulated(reader.header());
    if (request.show_identity)
      in.identity = identity_of(reader.header());
    in.pages = eeg_pages(reader, in.findings, in.pages_note, request.show_identity);
  } else if (!in.findings.events.empty()) {
    in.pages_note = "EEG pages need the recording: eegtrack report " + summary_json.string() +
                    " --edf " + in.file_name + " -o FILE.html";
  }
  write_html(html, report::render_recording_report(in));
}

std::vector<fs::path> write_followup_report(const fs::path& followup_json, const fs::path& html,
                                            const ReportRequest& request, bool recording_reports) {
  report::FollowupReportInput in;
  in.data = report::followup_from_json(read_json(followup_json), followup_json.string());
  const fs::path dir = followup_json.parent_path() / "recordings";
  const fs::path html_dir = fs::absolute(html).parent_path();
  // The recordings at hand, by content.
  std::map<std::string, fs::path> by_hash;
  for (const auto& r : request.recordings)
    by_hash[io::sha256_file(r)] = r;
  std::vector<fs::path> written;
  for (const auto& row : in.data.recordings) {
    const std::string stem = fs::path(row.file).stem().string();
    std::string why_not;
    auto trends = intact_trends(dir, stem, why_not);
    if (!trends && fs::exists(dir / (stem + ".h5")))
      std::cerr << "eegtrack: warning: " << why_not << '\n';
    in.trends.push_back(std::move(trends));
    const fs::path report_path = dir / (stem + ".report.html");
    const auto edf = by_hash.find(row.sha256);
    if (recording_reports && edf != by_hash.end()) {
      ReportRequest one;
      one.recordings = {edf->second};
      one.subject = in.data.patient;
      one.label = row.label;
      one.day = "day " + report::fixed(row.day, 1) + " after infusion" +
                (row.sedation.empty() ? "" : ", under " + row.sedation);
      one.followup_link = fs::relative(fs::absolute(html), fs::absolute(dir)).string();
      write_recording_report(dir / (stem + ".summary.json"), report_path, one);
      written.push_back(report_path);
    }
    in.recording_links.push_back(
        fs::exists(report_path) ? fs::relative(fs::absolute(report_path), html_dir).string() : "");
  }
  if (!request.recordings.empty()) {
    const io::EdfReader first(request.recordings.front());
    in.simulated = simulated(first.header());
    if (request.show_identity) {
      in.identity = identity_of(first.header());
      in.identity_source = request.recordings.front().filename().string();
    }
  } else if (request.show_identity) {
    throw io::UsageError(
        "--show-identifiers: identity comes from a recording's header; give one "
        "with --edf FILE");
  }
  write_html(html, report::render_followup_report(in));
  return written;
}

}  // namespace eegtrack::cli
