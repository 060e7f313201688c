// <patient>.followup.json (docs/followup.md): the course as graded, the recordings with their
// measures and verdicts, the fusion, and every parameter that produced them.
#include <cmath>

#include "eegtrack/pipeline/followup.hpp"
#include "eegtrack/pipeline/summary_json.hpp"
#include "eegtrack/version.hpp"
#include "findings_json.hpp"
#include "fusion_json.hpp"

namespace eegtrack::pipeline {
namespace {

using detail::number;
using nlohmann::json;

json opt_text(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json grade_json(const clinical::Grade& g) {
  return {{"grade", g.assessable ? json(g.grade) : json(nullptr)},
          {"assessable", g.assessable},
          {"deciding", g.deciding},
          {"notes", g.notes}};
}

json assessments_json(const FollowupResult& f) {
  json out = json::array();
  for (std::size_t i = 0; i < f.course.assessments.size(); ++i) {
    const auto& a = f.course.assessments[i];
    const auto& g = f.summary.assessments[i];
    out.push_back(
        {{"at", clinical::format_local_time(a.at)},
         {"day", g.day},
         {"ice", a.ice ? json(*a.ice) : json(nullptr)},
         {"consciousness", a.consciousness ? json(clinical::to_string(*a.consciousness)) : json()},
         {"sedated", a.sedated},
         {"seizure", clinical::to_string(a.seizure)},
         {"motor_weakness", a.motor_weakness},
         {"edema", clinical::to_string(a.edema)},
         {"temperature_c", number(a.temperature_c)},
         {"hypotension", clinical::to_string(a.hypotension)},
         {"oxygen", clinical::to_string(a.oxygen)},
         {"note", opt_text(a.note)},
         {"icans", grade_json(g.icans)},
         {"crs", grade_json(g.crs)}});
  }
  return out;
}

json peaks_json(const clinical::EpisodePeaks& p) {
  json peaks = json::array();
  for (const auto& k : p.peaks)
    peaks.push_back({{"measure", k.measure}, {"value", k.value}, {"day", k.day}});
  return {{"from_day", p.from_day},
          {"to_day", std::isfinite(p.to_day) ? json(p.to_day) : json(nullptr)},
          {"peaks", peaks}};
}

json episodes_json(const std::vector<clinical::Episode>& episodes,
                   const std::vector<clinical::EpisodePeaks>& peaks) {
  json out = json::array();
  for (std::size_t i = 0; i < episodes.size(); ++i) {
    const auto& e = episodes[i];
    out.push_back({{"onset_day", e.onset_day},
                   {"peak_grade", e.peak_grade},
                   {"peak_day", e.peak_day},
                   {"resolution_day", number(e.resolution_day)},
                   {"relapse", e.relapse},
                   {"lab_peaks", peaks_json(peaks[i])}});
  }
  return out;
}

json treatments_json(const FollowupResult& f) {
  json out = json::array();
  for (std::size_t i = 0; i < f.course.treatments.size(); ++i) {
    const auto& t = f.course.treatments[i];
    out.push_back({{"drug", t.drug},
                   {"dose", number(t.dose)},
                   {"unit", opt_text(t.unit)},
                   {"route", opt_text(t.route)},
                   {"every_h", number(t.every_h)},
                   {"start", clinical::format_local_time(t.start)},
                   {"stop", clinical::format_local_time(t.stop)},
                   {"start_day", f.summary.exposures[i].start_day},
                   {"stop_day", f.summary.exposures[i].stop_day}});
  }
  return out;
}

json index_json(const std::optional<clinical::IndexValue>& v) {
  if (!v)
    return nullptr;
  return {{"value", v->value}, {"log2", std::isfinite(v->log2) ? json(v->log2) : json(nullptr)}};
}

json labs_json(const FollowupResult& f) {
  json out = json::array();
  for (std::size_t i = 0; i < f.course.labs.size(); ++i) {
    const auto& panel = f.course.labs[i];
    const auto& d = f.summary.labs[i];
    json values = json::array();
    json canonical = json::object();
    for (const auto& v : panel.values)
      canonical[v.analyte] = number(clinical::to_canonical(v.analyte, v.value, v.unit));
    for (const auto& v : panel.values)
      values.push_back(
          {{"analyte", v.analyte},
           {"value", v.value},
           {"unit", v.unit},
           {"canonical_value", number(clinical::to_canonical(v.analyte, v.value, v.unit))},
           {"canonical_unit", *clinical::canonical_unit(v.analyte)}});
    out.push_back({{"at", clinical::format_local_time(panel.at)},
                   {"day", d.day},
                   {"values", values},
                   {"canonical", canonical},
                   {"easix", index_json(d.indices.easix)},
                   {"m_easix", index_json(d.indices.m_easix)},
                   {"s_easix", index_json(d.indices.s_easix)},
                   {"missing", d.indices.missing}});
  }
  return out;
}

json car_t_json(const clinical::Course& c) {
  json out = json::array();
  for (const auto& x : c.car_t)
    out.push_back({{"at", clinical::format_local_time(x.at)},
                   {"day", clinical::days_after(c.infusion, x.at)},
                   {"value", x.value},
                   {"unit", x.unit}});
  return out;
}

json recordings_json(const FollowupResult& f) {
  json out = json::array();
  for (std::size_t i = 0; i < f.recordings.size(); ++i) {
    const auto& r = f.recordings[i];
    const auto& t = f.timed[i];
    out.push_back({{"label", t.label},
                   {"file", r.file_name},
                   {"sha256", r.findings.recording.sha256},
                   {"at", clinical::format_local_time(r.at)},
                   {"at_from", r.at_from_course ? "course file" : "EDF header"},
                   {"day", t.day},
                   {"sedation", opt_text(t.sedation)},
                   {"reused", r.reused},
                   {"analysis_note", opt_text(r.analysis_note)},
                   {"measures", detail::measures_json(t.measures)},
                   {"verdict", detail::verdict_json(f.fusion.recordings[i], f.timed)}});
  }
  return out;
}

json parameters(const FollowupOptions& o) {
  const auto& l = o.fusion.limits;
  return {{"analysis", parameters_json(o.analysis)},
          {"pairing_window_days", o.fusion.pairing_window_days},
          {"normal_limits",
           {{"min_pdr_hz", l.min_pdr_hz},
            {"max_relative_delta", l.max_relative_delta},
            {"max_encephalopathy_index", l.max_encephalopathy_index}}},
          {"lab_peak_lead_days", clinical::kPeakLeadDays},
          {"min_rank_pairs", clinical::kMinRankPairs},
          {"change_rule",
           "|after - before| > sqrt(h_before^2 + h_after^2), h = half-width of the 95 % interval"}};
}

}  // namespace

json followup_json(const FollowupResult& f, const FollowupOptions& options) {
  return {{"followup_layout_version", kFollowupLayoutVersion},
          {"eegtrack_version", kVersion},
          {"patient", f.course.patient},
          {"deidentified", f.deidentified},
          {"infusion", clinical::format_local_time(f.course.infusion)},
          {"product", opt_text(f.course.product)},
          {"assessments", assessments_json(f)},
          {"episodes",
           {{"icans", episodes_json(f.summary.icans_episodes, f.summary.icans_peaks)},
            {"crs", episodes_json(f.summary.crs_episodes, f.summary.crs_peaks)}}},
          {"treatments", treatments_json(f)},
          {"labs", labs_json(f)},
          {"car_t", car_t_json(f.course)},
          {"recordings", recordings_json(f)},
          {"normalization", detail::normalization_json(f.fusion, f.timed)},
          {"concordance", detail::concordance_json(f.fusion)},
          {"flags", detail::flags_json(f.fusion.flags)},
          {"parameters", parameters(options)}};
}

}  // namespace eegtrack::pipeline
