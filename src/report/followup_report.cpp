#include "eegtrack/report/followup_report.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "eegtrack/findings/recording_findings.hpp"
#include "eegtrack/report/figure_cdsa.hpp"
#include "eegtrack/report/figure_course.hpp"
#include "eegtrack/report/html_escape.hpp"
#include "eegtrack/report/html_page.hpp"
#include "eegtrack/report/number_text.hpp"
#include "eegtrack/report/parameters_table.hpp"

namespace eegtrack::report {
namespace {

std::string day_text(double day) {
  return fixed(day, 1);
}

std::string measure_text(const Measure& m, int digits, const std::string& absent = "n/a") {
  return with_interval(m.value, m.low, m.high, digits, absent);
}

std::string events_text(const RecordingRow& r, std::optional<bool> detection) {
  if (!r.detected) {
    if (!detection)
      return "not analysed";
    return *detection ? "not analysed (nothing the detectors could read)"
                      : "not analysed (--no-detect)";
  }
  std::string out;
  if (r.seizure_count > 0)
    out += std::to_string(r.seizure_count) + " seizure(s)";
  for (const auto& [type, n] : r.patterns)
    out += (out.empty() ? "" : ", ") + escape_html(type) + " " + std::to_string(n);
  if (r.spike_count > 0)
    out += (out.empty() ? "" : ", ") + std::to_string(r.spike_count) + " spike(s)" +
           (r.spike_rate_per_h ? " (" + fixed(*r.spike_rate_per_h, 1) + " /h)" : "");
  return out.empty() ? "none" : out;
}

std::string slowing_text(const RecordingRow& r) {
  if (r.slowing_grade.empty())
    return "not graded";
  std::string out = escape_html(r.slowing_grade);
  if (!r.slowing_distribution.empty() && r.slowing_distribution != "none")
    out += ", " + escape_html(r.slowing_distribution);
  // Where the focus is, as the verdict's reasons name it: "focal (left temporal)".
  std::string where = r.slowing_side;
  if (!r.slowing_region.empty())
    where += (where.empty() ? "" : " ") + r.slowing_region;
  if (!where.empty())
    out += " (" + escape_html(where) + ")";
  return out;
}

std::string header_html(const FollowupReportInput& in) {
  const auto& d = in.data;
  std::string out =
      "<header id=\"report-header\"><h1>Follow-up report: EEG on the course after "
      "CAR-T therapy</h1><p class=\"subtitle\">Patient <strong>" +
      escape_html(d.patient) + "</strong> · infusion " + escape_html(d.infusion) +
      (d.product.empty() ? "" : " · " + escape_html(d.product)) + " · " +
      std::to_string(d.recordings.size()) + " EEG recording(s), " +
      std::to_string(d.assessments.size()) + " assessment(s)</p>";
  if (in.simulated)
    out += "<p class=\"simulated\">SIMULATED patient (demo) — not patient data</p>";
  out += "<p class=\"note\">Pseudonymous: the patient is named by the course file's id" +
         std::string(in.identity ? "" : "; identifying header fields are not shown") +
         ". The EEG never changes a clinical grade; detections are candidates for review.</p>"
         "</header>";
  if (in.identity)
    out += identity_html(*in.identity, in.identity_source);
  return out;
}

std::string flags_html(const FollowupData& d) {
  if (d.flags.empty())
    return "<p class=\"note\">No flag.</p>";
  std::string out =
      "<table id=\"flag-table\"><thead><tr><th>#</th><th>day</th><th>flag</th>"
      "<th>message</th><th>evidence</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < d.flags.size(); ++i) {
    const auto& f = d.flags[i];
    std::string evidence;
    for (const auto& e : f.evidence)
      evidence += (evidence.empty() ? "" : "<br>") + escape_html(e);
    out += "<tr class=\"flagged\"><td class=\"num\">" + std::to_string(i + 1) +
           "</td><td class=\"num\">" + day_text(f.day) + "</td><td>" + escape_html(f.kind) +
           "</td><td>" + escape_html(f.message) + "</td><td>" + evidence + "</td></tr>";
  }
  return out + "</tbody></table>";
}

// "2026-01-01T09:00:00" -> "2026-01-01 09:00".
std::string short_time(const std::string& iso) {
  std::string out = iso.size() >= 16 ? iso.substr(0, 16) : iso;
  std::replace(out.begin(), out.end(), 'T', ' ');
  return out;
}

std::string recordings_html(const FollowupReportInput& in) {
  const auto& d = in.data;
  // One colour scale for every thumbnail: a change between days shows as a change of colour.
  std::vector<const findings::RecordingTrends*> all;
  for (const auto& t : in.trends)
    all.push_back(t ? &*t : nullptr);
  const auto limits = shared_colour_limits(all);
  // Whether the follow-up ran the detectors: false under --no-detect, unknown in a file
  // without its parameters.
  const auto analysis = d.parameters.find("analysis");
  const auto detection =
      analysis != d.parameters.end() ? findings::detection_enabled(*analysis) : std::nullopt;
  std::string out =
      "<table id=\"recording-table\"><thead><tr><th>#</th><th>recording</th><th>day</th>"
      "<th>index (95 %)</th><th>PDR Hz (95 %)</th><th>rel. delta (95 %)</th><th>slowing</th>"
      "<th>events</th><th>verdict</th><th>CDSA, 0–30 Hz</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < d.recordings.size(); ++i) {
    const auto& r = d.recordings[i];
    const std::string link = i < in.recording_links.size() ? in.recording_links[i] : "";
    std::string name = escape_html(r.label);
    if (!link.empty())
      name = "<a href=\"" + escape_html(link) + "\">" + name + "</a>";
    name += "<br><span class=\"note\">" + escape_html(r.file) + ", " +
            escape_html(short_time(r.at)) + ", " + duration_text(r.duration_s) + ", " +
            fixed(100.0 * r.clean_fraction, 0) + " % clean" +
            (r.sedation.empty() ? std::string() : ", sedation: " + escape_html(r.sedation)) +
            "</span>";
    // Findings beyond the reference first, then what could not be judged.
    std::string verdict = "<span class=\"" +
                          std::string(r.verdict == "normal"     ? "normal-text"
                                      : r.verdict == "abnormal" ? "abnormal"
                                                                : "undetermined") +
                          "\">" + escape_html(r.verdict) + "</span>";
    for (const auto* reasons : {&r.abnormal, &r.unknown})
      for (const auto& reason : *reasons)
        verdict += "<br><span class=\"note\">" + escape_html(reason) + "</span>";
    if (!r.eeg_grade_support.empty())
      verdict += "<br><strong>" + escape_html(r.eeg_grade_support) + "</strong>";
    std::string thumb;
    if (i < in.trends.size() && in.trends[i])
      thumb = cdsa_thumbnail(*in.trends[i], r.duration_s, 160.0, 40.0,
                             "thumb-" + std::to_string(i + 1), limits);
    std::string pdr = measure_text(r.pdr_hz, 1, "absent");
    if (!r.pdr_hz.value && !r.pdr_absent_reason.empty())
      pdr += "<span class=\"note\">" + escape_html(r.pdr_absent_reason) + "</span>";
    out += std::string("<tr") + (r.verdict == "abnormal" ? " class=\"flagged\"" : "") +
           "><td class=\"num\">" + std::to_string(i + 1) + "</td><td>" + name +
           "</td><td class=\"num\">" + day_text(r.day) + "</td><td class=\"num\">" +
           measure_text(r.index, 2) + "</td><td class=\"num\">" + pdr + "</td><td class=\"num\">" +
           measure_text(r.relative_delta, 2) + "</td><td>" + slowing_text(r) + "</td><td>" +
           events_text(r, detection) + "</td><td class=\"verdict\">" + verdict +
           "</td><td class=\"thumb\">" +
           (thumb.empty() ? "<span class=\"note\">no feature store</span>" : thumb) + "</td></tr>";
  }
  return out +
         "</tbody></table><p class=\"note\">CDSA thumbnails: mean spectrum of all scalp "
         "channels over the recording's duration (time left to right, 0–30 Hz bottom to "
         "top), every recording on one colour scale of log power from " +
         fixed(std::pow(10.0, limits.low), 2) + " to " + fixed(std::pow(10.0, limits.high), 1) +
         " µV²/Hz (viridis: dark low, yellow high). The recording's name opens its report.</p>";
}

std::string episodes_html(const FollowupData& d) {
  if (d.episodes.empty())
    return "<p class=\"note\">No ICANS or CRS episode.</p>";
  std::string out =
      "<table id=\"episode-table\"><thead><tr><th>episode</th><th>onset day</th>"
      "<th>peak grade (day)</th><th>resolved day</th><th>relapse</th>"
      "<th>first normal EEG</th></tr></thead><tbody>";
  for (const auto& e : d.episodes) {
    out += "<tr><td>" + escape_html(e.kind) + "</td><td class=\"num\">" + day_text(e.onset_day) +
           "</td><td class=\"num\">" + std::to_string(e.peak_grade) + " (" + day_text(e.peak_day) +
           ")</td><td class=\"num\">" +
           (e.resolution_day ? day_text(*e.resolution_day) : std::string("open")) + "</td><td>" +
           (e.relapse ? "yes" : "no") + "</td><td>" +
           (e.kind != "ICANS"        ? std::string("")
            : e.first_normal_eeg_day ? "day " + day_text(*e.first_normal_eeg_day) + " (" +
                                           escape_html(e.first_normal_eeg) + ")"
                                     : std::string("not yet")) +
           "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string treatments_html(const FollowupData& d) {
  if (d.treatments.empty())
    return "<p class=\"note\">No treatment in the course file.</p>";
  std::string out =
      "<table id=\"treatment-table\"><thead><tr><th>drug</th><th>dose</th>"
      "<th>route</th><th>start day</th><th>stop day</th></tr></thead><tbody>";
  for (const auto& t : d.treatments)
    out += "<tr><td>" + escape_html(t.drug) + "</td><td>" + escape_html(dose_text(t)) +
           "</td><td>" + escape_html(t.route) + "</td><td class=\"num\">" + day_text(t.start_day) +
           "</td><td class=\"num\">" + day_text(t.stop_day) + "</td></tr>";
  return out + "</tbody></table>";
}

}  // namespace

std::string render_followup_report(const FollowupReportInput& in) {
  const auto& d = in.data;
  std::string body = header_html(in);
  body +=
      "<section id=\"course\"><h2>Course</h2><figure><figcaption>Days after infusion. Grades "
      "from the bedside assessments (ASTCT consensus; a grey triangle marks an assessment "
      "whose ICANS grade could not be scored, e.g. consciousness under sedation). EEG "
      "markers: one per recording, green when normal against " +
      escape_html(d.reference.empty() ? "the reference" : d.reference) +
      ", orange when abnormal, grey when undetermined (nothing abnormal, but a measure not "
      "computed or detection not run; reasons in the table). Hover a mark for its "
      "values.</figcaption>" +
      course_figure(d, "course-figure") + "</figure></section>";
  body += "<section id=\"flags\"><h2>Flags (" + std::to_string(d.flags.size()) + ")</h2>" +
          flags_html(d) + "</section>";
  body += "<section id=\"recordings\"><h2>Recordings</h2>" + recordings_html(in);
  if (d.spearman_rho)
    body += "<p>Encephalopathy index against the paired ICANS grade: Spearman rho " +
            fixed(*d.spearman_rho, 2) + " over " + std::to_string(d.rank_pairs) + " pair(s).</p>";
  else if (!d.concordance_note.empty())
    body += "<p class=\"note\">Concordance: " + escape_html(d.concordance_note) + "</p>";
  body += "</section>";
  body += "<section id=\"episodes\"><h2>Episodes</h2>" + episodes_html(d) + "</section>";
  body += "<section id=\"treatments\"><h2>Treatments</h2>" + treatments_html(d) + "</section>";
  body += "<footer id=\"provenance\"><h2>How these numbers were made</h2><p>eegtrack " +
          escape_html(d.eegtrack_version) + ", follow-up layout " + escape_html(d.layout_version) +
          ". Each recording is identified by its file's SHA-256:</p><table><tbody>";
  for (const auto& r : d.recordings)
    body += "<tr><td>" + escape_html(r.label) + "</td><td>" + escape_html(r.file) +
            "</td><td><code>" + escape_html(r.sha256) + "</code></td></tr>";
  body +=
      "</tbody></table><p>Rules: docs/followup.md, docs/normal-limits.md, "
      "docs/report.md.</p><h3>Parameters</h3>" +
      parameters_table_html(d.parameters) + "</footer>";
  return html_document("Follow-up " + d.patient, body);
}

}  // namespace eegtrack::report
