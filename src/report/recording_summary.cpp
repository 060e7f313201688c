#include "eegtrack/report/recording_summary.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "eegtrack/findings/adult_limits.hpp"
#include "eegtrack/io/montage.hpp"
#include "eegtrack/report/html_escape.hpp"
#include "eegtrack/report/number_text.hpp"

namespace eegtrack::report {
namespace {

using findings::RecordingFindings;

std::string item(const std::string& label, const std::string& value, const std::string& detail,
                 const std::string& id, bool alarm = false) {
  return "<div class=\"summary-item\" id=\"" + id + "\"><div class=\"label\">" + label +
         "</div><div class=\"value" + (alarm ? " abnormal" : "") + "\">" + value +
         "</div><div class=\"detail\">" + detail + "</div></div>";
}

std::string number_param(const nlohmann::json& p, const char* a, const char* b = nullptr) {
  const nlohmann::json* v = p.contains(a) ? &p[a] : nullptr;
  if (v != nullptr && b != nullptr)
    v = v->is_object() && v->contains(b) ? &(*v)[b] : nullptr;
  if (v == nullptr || !v->is_number())
    return "?";
  return v->dump();
}

std::string bands_text(const nlohmann::json& p) {
  std::string out;
  if (!p.contains("bands") || !p["bands"].is_array())
    return out;
  for (const auto& b : p["bands"]) {
    if (!b.contains("name") || !b["name"].is_string())
      continue;
    out += (out.empty() ? "" : ", ") + escape_html(b["name"].get<std::string>()) + " " +
           (b["low_hz"].is_number() ? b["low_hz"].dump() : "?") + "–" +
           (b["high_hz"].is_number() ? b["high_hz"].dump() : "?") + " Hz";
  }
  return out;
}

// The Greek letter of a standard band, else the band's name.
std::string band_symbol(const std::string& band) {
  if (band == "delta")
    return "δ";
  if (band == "theta")
    return "θ";
  if (band == "alpha")
    return "α";
  if (band == "beta")
    return "β";
  if (band == "gamma")
    return "γ";
  return escape_html(band);
}

std::string interval_of(const std::optional<findings::Interval>& i, int digits) {
  return i ? " (95 % interval " + fixed(i->low, digits) + "–" + fixed(i->high, digits) + ")" : "";
}

std::string duration_item(const RecordingFindings& f) {
  const auto& q = f.quality;
  std::string detail = std::to_string(q.n_clean_epochs) + " of " + std::to_string(q.n_epochs) +
                       " epochs of " + number_param(f.parameters, "epoch_s") + " s clean (" +
                       fixed(100.0 * q.clean_fraction, 0) + " %)";
  if (!q.bad_channels.empty()) {
    detail += "; bad channels:";
    for (const auto& b : q.bad_channels)
      detail.append(" ").append(escape_html(b));
  }
  detail += "; montage " + std::string(io::display_name(f.montage_used)) + ", " +
            fixed(f.sample_rate_hz, 0) + " Hz";
  return item("Duration, clean epochs",
              duration_text(f.recording.duration_s) + ", " + fixed(100.0 * q.clean_fraction, 0) +
                  " % clean",
              detail, "summary-duration", q.clean_fraction < 0.5);
}

std::string pdr_item(const RecordingFindings& f) {
  const auto& b = f.background;
  const auto& p = f.parameters;
  const std::string how = "posterior peak searched " + number_param(p, "pdr", "search_low_hz") +
                          "–" + number_param(p, "pdr", "search_high_hz") +
                          " Hz above the aperiodic fit";
  if (b.pdr)
    return item("Posterior dominant rhythm", fixed(b.pdr->frequency_hz, 1) + " Hz",
                how + interval_of(b.intervals.pdr_hz, 1) +
                    (b.pdr_confidence ? "; confidence " + fixed(*b.pdr_confidence, 2) : ""),
                "summary-pdr", b.pdr->frequency_hz < findings::kAdultMinPdrHz);
  return item(
      "Posterior dominant rhythm", "absent",
      escape_html(b.pdr_absent_reason.empty() ? "not found" : b.pdr_absent_reason) + "; " + how,
      "summary-pdr", true);
}

std::string slowing_item(const RecordingFindings& f) {
  if (!f.slowing)
    return item("Slowing", "not graded", "no clean epoch", "summary-slowing");
  const auto& s = *f.slowing;
  std::string value =
      std::string(features::to_string(s.grade)) + ", " + features::to_string(s.distribution);
  if (s.focus)
    value += " (" + std::string(sites::to_string(s.focus->side)) + " " +
             sites::to_string(s.focus->region) + ")";
  std::string detail;
  for (const auto& c : s.criteria)
    detail += (detail.empty() ? "" : "; ") + escape_html(c);
  // A focus is abnormal even when no diffuse grade is given ("none, focal (left temporal)").
  return item("Slowing grade, distribution", value,
              detail.empty() ? "no slowing rule fired" : detail, "summary-slowing",
              s.grade != features::SlowingGrade::None ||
                  s.distribution != features::SlowingDistribution::None);
}

std::string index_item(const RecordingFindings& f) {
  const auto& b = f.background;
  if (!b.encephalopathy_index || !f.slowing)
    return item("Encephalopathy index", "n/a", "not graded", "summary-index");
  const auto& s = *f.slowing;
  return item(
      "Encephalopathy index", fixed(*b.encephalopathy_index, 2),
      "0 = normal, 1 = severe" + interval_of(b.intervals.encephalopathy_index, 2) +
          (b.intervals.unavailable.empty()
               ? std::string()
               : " (95 % interval withheld: " + escape_html(b.intervals.unavailable) + ")") +
          "; components PDR " + fixed(s.pdr_component, 2) + ", slow " + fixed(s.slow_component, 2) +
          ", suppression " + fixed(s.suppression_component, 2) + ", frequency " +
          fixed(s.frequency_component, 2),
      "summary-index", *b.encephalopathy_index > findings::kAdultMaxEncephalopathyIndex);
}

std::string bands_item(const RecordingFindings& f) {
  std::string value, detail;
  for (const auto& bp : f.background.band_powers) {
    value += (value.empty() ? "" : " · ") + band_symbol(bp.band) + " " + fixed_or(bp.relative, 2);
    detail += (detail.empty() ? "" : ", ") + escape_html(bp.band) + " " + fixed_or(bp.relative, 2);
  }
  return item(
      "Relative band power", value,
      detail + " (medians over clean epochs, of the " + number_param(f.parameters, "total_low_hz") +
          "–" + number_param(f.parameters, "total_high_hz") + " Hz power; bands " +
          bands_text(f.parameters) + ")" +
          (f.background.intervals.relative_delta
               ? "; delta 95 % interval " + fixed(f.background.intervals.relative_delta->low, 2) +
                     "–" + fixed(f.background.intervals.relative_delta->high, 2)
               : std::string()),
      "summary-bands");
}

// The analysed time below which rates and ACNS prevalence are not given, as text.
std::string min_for_rates_text(const nlohmann::json& p) {
  return p.contains("detection") && p["detection"].contains("min_analysed_for_rates_s") &&
                 p["detection"]["min_analysed_for_rates_s"].is_number()
             ? duration_text(p["detection"]["min_analysed_for_rates_s"].get<double>())
             : "?";
}

// The detectors saw none of the recording (--no-detect, or none of its channels could be
// analysed): its spikes, seizures and patterns are unknown, which "none" would misstate.
std::optional<std::string> not_analysed_reason(const RecordingFindings& f) {
  if (findings::detectors_ran(f.epileptiform))
    return std::nullopt;
  const auto& p = f.parameters;
  if (p.contains("detection") && p["detection"].is_object() && p["detection"].contains("enabled") &&
      p["detection"]["enabled"] == false)
    return std::string("epileptiform detection was not run (--no-detect)");
  if (!f.epileptiform.warnings.empty())
    return escape_html(f.epileptiform.warnings.front());
  return std::string("the detectors analysed none of the recording");
}

std::string spikes_item(const RecordingFindings& f) {
  const auto& e = f.epileptiform;
  if (const auto why = not_analysed_reason(f))
    return item("Spike rate", "not analysed", *why, "summary-spikes");
  const std::string min_s = min_for_rates_text(f.parameters);
  if (!e.spike_rate_per_h)
    return item("Spike rate", "insufficient",
                std::to_string(e.spike_count) + " spike(s)/sharp wave(s) in " +
                    duration_text(e.analysed_s) + " analysed; a rate needs " + min_s +
                    " or more (95 % interval " + fixed(e.spike_rate_low_per_h, 1) + "–" +
                    fixed(e.spike_rate_high_per_h, 1) + " /h)",
                "summary-spikes");
  std::string detail = std::to_string(e.spike_count) + " in " + duration_text(e.analysed_s) +
                       " (95 % interval " + fixed(e.spike_rate_low_per_h, 1) + "–" +
                       fixed(e.spike_rate_high_per_h, 1) + " /h)";
  if (e.dominant_focus)
    detail += "; focus " + escape_html(e.dominant_focus->electrode) + " (" +
              escape_html(e.dominant_focus->side) + " " + escape_html(e.dominant_focus->region) +
              ")";
  return item("Spike rate", fixed(*e.spike_rate_per_h, 1) + " /h",
              detail + "; candidates for review", "summary-spikes", *e.spike_rate_per_h > 0.0);
}

std::string seizures_item(const RecordingFindings& f) {
  if (const auto why = not_analysed_reason(f))
    return item("Seizures", "not analysed", *why, "summary-seizures");
  const auto& s = f.epileptiform.seizures;
  if (s.seizure_count == 0)
    return item(
        "Seizures", "none",
        "electrographic seizures detected: none in " + duration_text(f.epileptiform.analysed_s),
        "summary-seizures");
  // Under an hour the burden is the seizure time of the whole analysis, stated as a duration
  // beside the analysed one ("0.3 min in the worst 16 s" read as if 16 s were a part of more).
  const double window_s = f.epileptiform.burden_window_s;
  const std::string burden =
      window_s >= 3600.0 ? fixed(s.seizure_burden_max_min_per_h, 1) + " min in the worst hour"
                         : duration_text(60.0 * s.seizure_burden_max_min_per_h) + " of the " +
                               duration_text(window_s) + " analysed";
  return item("Seizures", std::to_string(s.seizure_count),
              "longest " + fixed(s.longest_seizure_s, 0) + " s; burden " + burden +
                  (s.electrographic_status ? "; ELECTROGRAPHIC STATUS EPILEPTICUS" : ""),
              "summary-seizures", true);
}

std::string patterns_item(const RecordingFindings& f) {
  if (const auto why = not_analysed_reason(f))
    return item("Periodic and rhythmic patterns", "not analysed", *why, "summary-patterns");
  std::string value, detail;
  bool short_record = false;
  for (const auto& p : f.epileptiform.patterns) {
    if (p.episodes == 0)
      continue;
    value += (value.empty() ? "" : ", ") + std::string(detect::to_string(p.type)) + " " +
             std::to_string(p.episodes);
    const std::string share = fixed(100.0 * p.fraction, 0) + " % of the time";
    // Too short a record for a category: its share alone, not "insufficient (39 % ...)".
    detail += (detail.empty() ? "" : "; ") + std::string(detect::to_string(p.type)) + " " +
              (p.prevalence == detect::PrevalenceCategory::Insufficient
                   ? share
                   : std::string(detect::to_string(p.prevalence)) + " (" + share + ")");
    short_record |= p.prevalence == detect::PrevalenceCategory::Insufficient;
  }
  if (f.epileptiform.bird_count > 0)
    value += (value.empty() ? "" : ", ") + std::string("BIRD ") +
             std::to_string(f.epileptiform.bird_count);
  if (short_record)
    detail += " (no ACNS 2021 prevalence in " + duration_text(f.epileptiform.analysed_s) +
              ": it needs " + min_for_rates_text(f.parameters) + " or more)";
  else if (!detail.empty())
    detail += " (ACNS 2021 prevalence)";
  return item("Periodic and rhythmic patterns", value.empty() ? "none" : value,
              detail.empty() ? "ACNS 2021 terms" : detail, "summary-patterns", !value.empty());
}

// The ACNS 2021 wording ("nearly continuous", "burst-suppression"), not the outputs' keys.
std::string continuity_text(features::ContinuityClass c) {
  switch (c) {
    case features::ContinuityClass::NearlyContinuous:
      return "nearly continuous";
    case features::ContinuityClass::BurstSuppression:
      return "burst-suppression";
    default:
      return features::to_string(c);
  }
}

std::string continuity_item(const RecordingFindings& f) {
  const auto& c = f.continuity;
  return item(
      "Continuity", continuity_text(c.classification),
      "suppressed " +
          (c.suppressed_fraction ? fixed(100.0 * *c.suppressed_fraction, 1) + " %" : "n/a") +
          " of the record (< " + number_param(f.parameters, "continuity", "threshold_ptp_uv") +
          " µV peak to trough for ≥ " +
          number_param(f.parameters, "continuity", "min_suppression_s") + " s), " +
          std::to_string(c.n_bursts) + " burst(s); BSI " + fixed_or(f.background.bsi, 3),
      "summary-continuity", c.classification != features::ContinuityClass::Continuous);
}

}  // namespace

std::string summary_box_html(const RecordingFindings& f) {
  return "<div class=\"summary-grid\">" + duration_item(f) + pdr_item(f) + slowing_item(f) +
         index_item(f) + bands_item(f) + spikes_item(f) + seizures_item(f) + patterns_item(f) +
         continuity_item(f) + "</div>";
}

std::string event_table_html(const RecordingFindings& f,
                             const std::vector<std::string>& page_of_event) {
  if (f.events.empty())
    return "<p class=\"note\">No epileptiform event was detected.</p>";
  std::string out =
      "<table id=\"event-table\"><thead><tr><th>#</th><th>onset (s)</th><th>clock</th>"
      "<th>duration (s)</th><th>type</th><th>side</th><th>region</th><th>focus</th>"
      "<th>frequency (Hz)</th><th>confidence</th><th>channels</th><th>modifiers</th>"
      "<th>EEG page</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < f.events.size(); ++i) {
    const auto& e = f.events[i];
    std::string channels;
    for (const auto& c : e.channels)
      channels += (channels.empty() ? "" : ", ") + c;
    const std::string page = i < page_of_event.size() ? page_of_event[i] : "";
    out += std::string("<tr") + (e.type == detect::EventType::Seizure ? " class=\"flagged\"" : "") +
           "><td class=\"num\">" + std::to_string(i + 1) + "</td><td class=\"num\">" +
           fixed(e.onset_s, 1) + "</td><td class=\"num\">" +
           escape_html(clock_time(f.time.start, e.onset_s)) + "</td><td class=\"num\">" +
           fixed(e.duration_s, 1) + "</td><td>" + detect::to_string(e.type) + "</td><td>" +
           sites::to_string(e.side) + "</td><td>" + (e.region ? sites::to_string(*e.region) : "") +
           "</td><td>" + escape_html(e.focus) + "</td><td class=\"num\">" +
           (std::isfinite(e.frequency_hz) ? fixed(e.frequency_hz, 2) : "") +
           "</td><td class=\"num\">" + fixed(e.confidence, 2) + "</td><td>" +
           escape_html(channels) + "</td><td>" + escape_html(e.modifiers) + "</td><td>" +
           (page.empty() ? "" : "<a href=\"#" + escape_html(page) + "\">view</a>") + "</td></tr>";
  }
  return out + "</tbody></table>";
}

// The last column names the bad channels; without any it would be an empty column.
std::string channel_table_html(const RecordingFindings& f) {
  const auto& bad_channels = f.quality.bad_channels;
  const bool any_bad =
      std::any_of(f.quality.channels.begin(), f.quality.channels.end(), [&](const auto& c) {
        return std::find(bad_channels.begin(), bad_channels.end(), c.label) != bad_channels.end();
      });
  std::string out =
      "<table id=\"channel-table\"><thead><tr><th>channel</th><th>region</th><th>side</th>"
      "<th>rejected epochs (%)</th>" +
      std::string(any_bad ? "<th>note</th>" : "") + "</tr></thead><tbody>";
  for (const auto& c : f.quality.channels) {
    const bool bad =
        std::find(bad_channels.begin(), bad_channels.end(), c.label) != bad_channels.end();
    out += std::string("<tr") + (bad ? " class=\"flagged\"" : "") + "><td>" + escape_html(c.label) +
           "</td><td>" + (c.region ? sites::to_string(*c.region) : "") + "</td><td>" +
           (c.side ? sites::to_string(*c.side) : "") + "</td><td class=\"num\">" +
           fixed(100.0 * c.rejected_fraction, 0) + "</td>" +
           (any_bad ? std::string("<td>") + (bad ? "bad channel" : "") + "</td>" : "") + "</tr>";
  }
  return out + "</tbody></table>";
}

}  // namespace eegtrack::report
