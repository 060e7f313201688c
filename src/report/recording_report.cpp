#include "eegtrack/report/recording_report.hpp"

#include <algorithm>
#include <cmath>

#include "eegtrack/io/montage.hpp"
#include "eegtrack/report/figure_cdsa.hpp"
#include "eegtrack/report/figure_head_map.hpp"
#include "eegtrack/report/figure_trends.hpp"
#include "eegtrack/report/html_escape.hpp"
#include "eegtrack/report/html_page.hpp"
#include "eegtrack/report/number_text.hpp"
#include "eegtrack/report/parameters_table.hpp"
#include "eegtrack/report/recording_summary.hpp"

namespace eegtrack::report {
namespace {

using findings::RecordingFindings;

std::string param(const nlohmann::json& p, const char* key) {
  return p.contains(key) && (p[key].is_number() || p[key].is_string())
             ? (p[key].is_string() ? escape_html(p[key].get<std::string>()) : p[key].dump())
             : "?";
}

std::string header_html(const RecordingReportInput& in) {
  const auto& f = in.findings;
  std::string subtitle;
  if (!in.subject.empty())
    subtitle += "Patient <strong>" + escape_html(in.subject) + "</strong> · ";
  if (!in.label.empty())
    subtitle += escape_html(in.label) + " · ";
  if (!in.day.empty())
    subtitle += escape_html(in.day) + " · ";
  subtitle += "file " + escape_html(in.file_name) + " · recorded " + escape_html(f.time.start) +
              " · " + duration_text(f.recording.duration_s);
  std::string out =
      "<header id=\"report-header\"><h1>EEG recording report</h1><p class=\"subtitle\">" +
      subtitle + "</p>";
  if (in.simulated)
    out += "<p class=\"simulated\">SIMULATED recording (demo patient) — not patient data</p>";
  if (!in.followup_link.empty())
    out += "<p><a href=\"" + escape_html(in.followup_link) +
           "\">Follow-up report of this patient</a></p>";
  out += "<p class=\"note\">Pseudonymous: identified by the file's SHA-256 <code>" +
         escape_html(f.recording.sha256.substr(0, 16)) + "…</code>" +
         (in.identity ? "" : "; identifying header fields are not shown") +
         ". Detections are candidates for review by a neurophysiologist.</p></header>";
  if (in.identity)
    out += identity_html(*in.identity, in.file_name);
  return out;
}

std::string warnings_html(const RecordingFindings& f) {
  std::string out;
  for (const auto* list : {&f.warnings, &f.epileptiform.warnings})
    for (const auto& w : *list)
      out += "<p class=\"warning\">" + escape_html(w) + "</p>";
  return out;
}

std::string trends_sections(const RecordingReportInput& in) {
  const auto& f = in.findings;
  const auto& p = f.parameters;
  if (!in.trends)
    return "<section id=\"cdsa\"><h2>Compressed spectral array</h2><p class=\"note\">" +
           escape_html(in.trends_note.empty() ? "no per-epoch data" : in.trends_note) +
           "</p></section>";
  const auto& t = *in.trends;
  const double duration = f.recording.duration_s;
  std::string out =
      "<section id=\"cdsa\"><h2>Compressed spectral array (CDSA)</h2><figure>"
      "<figcaption>Power spectral density per region (mean of the region's "
      "channels), " +
      (param(p, "method") == "welch" ? std::string("Welch") : param(p, "method")) + " PSD of " +
      param(p, "epoch_s") + "-s epochs, clean epochs averaged over windows of " +
      fixed(t.spectrogram_window_s, 0) + " s and into " + param(p, "spectrogram_bin_hz") +
      "-Hz bins; colour = power on a log scale (viridis: dark purple low, yellow "
      "high), one scale for every region; grey = no clean epoch in the window; "
      "washed-out bands and the strip below = epochs that did not count as clean "
      "(artifacts). Montage " +
      io::display_name(f.montage_used) + ".</figcaption>" +
      cdsa_figure(t, duration, "cdsa-figure") + "</figure></section>";
  out +=
      "<section id=\"band-trends\"><h2>Band-power trends</h2><figure><figcaption>Relative "
      "power of each band per " +
      param(p, "epoch_s") + "-s epoch (mean over the channels kept in that epoch; share of the " +
      param(p, "total_low_hz") + "–" + param(p, "total_high_hz") +
      " Hz power). Shaded: epochs not clean.</figcaption>" +
      band_trend_figure(t, duration, "band-trend-figure") + "</figure></section>";
  const std::string asym = asymmetry_figure(t, duration, "asymmetry-figure");
  out += "<section id=\"asymmetry\"><h2>Left/right asymmetry and burst suppression</h2>";
  if (asym.empty())
    out += "<p class=\"note\">This feature store predates the per-epoch trends (HDF5 layout " +
           escape_html(t.layout_version) +
           " &lt; 1.2): analyse the recording again to draw them."
           " Whole-recording values are in the summary.</p>";
  else
    out +=
        "<figure><figcaption>Per epoch, over the channels kept in that epoch: signed slow-wave "
        "asymmetry (R − L)/(R + L) of delta + theta power of the hemispheres and of each "
        "region (negative = more slow activity on the left); revised brain symmetry index of "
        "the mean right against the mean left spectrum (van Putten 2007); running "
        "burst-suppression ratio (suppression = below " +
        (p.contains("continuity") ? param(p["continuity"], "threshold_ptp_uv") : "?") +
        " µV peak to trough for at least " +
        (p.contains("continuity") ? param(p["continuity"], "min_suppression_s") : "?") +
        " s).</figcaption>" + asym + "</figure>";
  out += "</section>";
  return out;
}

std::string head_maps_section(const RecordingReportInput& in) {
  const auto& f = in.findings;
  std::string out = "<section id=\"head-maps\"><h2>Head maps</h2><div class=\"maps\">";
  if (in.trends && !in.trends->channel_relative_delta.empty()) {
    std::vector<HeadValue> delta;
    for (const auto& c : in.trends->channel_relative_delta)
      delta.push_back({c.label, c.value});
    out += head_map(delta,
                    {"Relative delta (median over clean epochs)",
                     "Share of the " + param(f.parameters, "total_low_hz") + "–" +
                         param(f.parameters, "total_high_hz") + " Hz power",
                     2, 0.0, 1.0},
                    "head-map-delta");
  }
  // Spikes per electrode: every analysed electrode, 0 where none was found.
  const auto& e = f.epileptiform;
  const bool rates = e.spike_rate_per_h.has_value();
  std::vector<HeadValue> spikes;
  double high = 1.0;
  for (const auto& c : f.quality.channels) {
    const auto d = sites::derivation_of(c.label);
    if (d.plus.empty())
      continue;
    double value = 0.0;
    for (const auto& r : e.per_electrode)
      if (r.name == d.plus)
        value = rates && r.rate_per_h ? *r.rate_per_h : r.count;
    high = std::max(high, value);
    if (std::none_of(spikes.begin(), spikes.end(),
                     [&](const HeadValue& h) { return h.label == d.plus; }))
      spikes.push_back({d.plus, value});
  }
  out += head_map(spikes,
                  {rates ? "Spike rate per electrode (focus of each discharge)"
                         : "Spikes per electrode (too short for a rate: counts)",
                   rates ? "Spikes per hour" : "Spikes (count)", rates ? 1 : 0, 0.0,
                   rates ? high : std::max(1.0, high)},
                  "head-map-spikes");
  out +=
      "</div><p class=\"note\">Seen from above, nose up, left hemisphere on the left. A "
      "derivation is drawn at the mean position of its electrodes.</p></section>";
  return out;
}

std::string clock_range(const RecordingFindings& f, double from, double to) {
  const auto a = clock_time(f.time.start, from), b = clock_time(f.time.start, to);
  return a.empty() ? "" : " (" + a + "–" + b + ")";
}

std::string pages_section(const RecordingReportInput& in, std::vector<std::string>& page_of_event) {
  const auto& f = in.findings;
  std::string out = "<section id=\"eeg-pages\"><h2>EEG pages</h2>";
  if (in.pages.empty()) {
    out += "<p class=\"note\">" +
           escape_html(in.pages_note.empty()
                           ? (f.events.empty() ? "No event to show." : "No EEG page was drawn.")
                           : in.pages_note) +
           "</p></section>";
    return out;
  }
  out += "<p class=\"note\">Each page shows " + fixed(in.pages.front().traces.duration_s, 0) +
         " s of EEG around a detection so it can be checked by eye: the detected event shaded "
         "orange (named in the lane above the traces), other events blue, the recording's "
         "annotations in purple. Trace spacing and µV scale bar at the lower left.</p>";
  for (std::size_t k = 0; k < in.pages.size(); ++k) {
    const auto& page = in.pages[k];
    const std::string id = "page-" + std::to_string(k + 1);
    if (page.request.event < page_of_event.size() && page_of_event[page.request.event].empty())
      page_of_event[page.request.event] = id;
    const auto& e = f.events.at(page.request.event);
    const auto& t = page.traces;
    std::string caption = "<strong>" + escape_html(page.request.title) +
                          "</strong>: " + detect::to_string(e.type) + " at " + fixed(e.onset_s, 1) +
                          " s" +
                          (clock_time(f.time.start, e.onset_s).empty()
                               ? std::string()
                               : " (" + clock_time(f.time.start, e.onset_s) + ")") +
                          ", lasting " + fixed(e.duration_s, 1) + " s";
    if (e.side != sites::Laterality::Unknown)
      caption += ", " + std::string(sites::to_string(e.side));
    if (e.region)
      caption += " " + std::string(sites::to_string(*e.region));
    if (std::isfinite(e.frequency_hz))
      caption += ", " + fixed(e.frequency_hz, 2) + " Hz";
    caption += ", confidence " + fixed(e.confidence, 2);
    if (!e.modifiers.empty())
      caption += ", " + escape_html(e.modifiers);
    caption += ". Page " + fixed(t.start_s, 1) + "–" + fixed(t.start_s + t.duration_s, 1) + " s" +
               clock_range(f, t.start_s, t.start_s + t.duration_s) + "; montage " +
               escape_html(t.montage) + "; filters " + escape_html(t.filters) + ".";
    for (const auto& n : t.notes)
      caption.append(" ").append(escape_html(n)).append(".");
    out += "<figure class=\"eeg-page\" id=\"" + id + "\"><figcaption>" + caption + "</figcaption>" +
           eeg_page_figure(t, f.events, page.request.event, id + "-svg") + "</figure>";
  }
  if (!in.pages_note.empty())
    out += "<p class=\"note\">" + escape_html(in.pages_note) + "</p>";
  return out + "</section>";
}

std::string provenance_html(const RecordingReportInput& in) {
  const auto& f = in.findings;
  const auto& r = f.recording;
  std::string out = "<footer id=\"provenance\"><h2>How these numbers were made</h2><p>eegtrack " +
                    escape_html(r.eegtrack_version) + " analysed " + escape_html(in.file_name) +
                    " (" + escape_html(r.file_type) + ", " + std::to_string(r.size_bytes) +
                    " bytes, SHA-256 <code>" + escape_html(r.sha256) + "</code>), recorded " +
                    escape_html(f.time.start) + ", " + fixed(r.duration_s, 1) + " s at " +
                    fixed(f.sample_rate_hz, 0) + " Hz; montage " +
                    io::display_name(f.montage_used) + ".";
  if (in.trends)
    out += " Per-epoch data from the feature store (HDF5 layout " +
           escape_html(in.trends->layout_version) + ").";
  out += " Background intervals: block bootstrap, " +
         std::to_string(f.background.intervals.resamples) + " resamples of " +
         fixed(f.background.intervals.block_s, 0) + "-s blocks, seed " +
         std::to_string(f.background.intervals.seed) +
         (f.background.intervals.unavailable.empty()
              ? ""
              : " (withheld: " + escape_html(f.background.intervals.unavailable) + ")") +
         ". Definitions: docs/analyze.md, docs/qeeg-features.md, docs/epileptiform.md, "
         "docs/report.md.</p><h3>Analysis parameters</h3>" +
         parameters_table_html(f.parameters) + "</footer>";
  return out;
}

}  // namespace

std::string render_recording_report(const RecordingReportInput& in) {
  const auto& f = in.findings;
  std::vector<std::string> page_of_event(f.events.size());
  // The pages are rendered first so the event table can link to them.
  const std::string pages = pages_section(in, page_of_event);
  std::string body = header_html(in);
  body += warnings_html(f);
  body += "<section id=\"summary\"><h2>Summary</h2>" + summary_box_html(f) + "</section>";
  body += trends_sections(in);
  body += head_maps_section(in);
  body += "<section id=\"events\"><h2>Events (" + std::to_string(f.events.size()) + ")</h2>" +
          event_table_html(f, page_of_event) + "</section>";
  body += pages;
  body += "<section id=\"channels\"><h2>Channels</h2>" + channel_table_html(f) + "</section>";
  body += provenance_html(in);
  std::string title = "EEG report";
  if (!in.subject.empty())
    title += " " + in.subject;
  if (!in.label.empty())
    title += " " + in.label;
  else
    title += " " + in.file_name;
  return html_document(title, body);
}

}  // namespace eegtrack::report
