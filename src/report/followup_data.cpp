#include "eegtrack/report/followup_data.hpp"

namespace eegtrack::report {
namespace {

using nlohmann::json;

// Field access that names the source and the dotted field in its errors.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    throw FollowupInputError(source_ + ": " + field + ": " + problem);
  }
  const json& at(const json& j, const std::string& key, const std::string& field) const {
    if (!j.is_object() || !j.contains(key))
      fail(field, "missing");
    return j[key];
  }
  double number(const json& j, const std::string& key, const std::string& field) const {
    const auto& v = at(j, key, field);
    if (!v.is_number())
      fail(field, "expected a number");
    return v.get<double>();
  }
  std::optional<double> optional_number(const json& j, const std::string& key,
                                        const std::string& field) const {
    if (!j.is_object() || !j.contains(key) || j[key].is_null())
      return std::nullopt;
    if (!j[key].is_number())
      fail(field, "expected a number or null");
    return j[key].get<double>();
  }
  std::string text(const json& j, const std::string& key, const std::string& field) const {
    if (!j.is_object() || !j.contains(key) || j[key].is_null())
      return "";
    if (!j[key].is_string())
      fail(field, "expected a string or null");
    return j[key].get<std::string>();
  }
  bool flag(const json& j, const std::string& key) const {
    return j.is_object() && j.contains(key) && j[key].is_boolean() && j[key].get<bool>();
  }
  const json& array(const json& j, const std::string& key, const std::string& field) const {
    const auto& v = at(j, key, field);
    if (!v.is_array())
      fail(field, "expected a list");
    return v;
  }
  std::vector<std::string> texts(const json& j, const std::string& key,
                                 const std::string& field) const {
    std::vector<std::string> out;
    if (!j.is_object() || !j.contains(key) || j[key].is_null())
      return out;
    if (!j[key].is_array())
      fail(field, "expected a list");
    for (const auto& v : j[key])
      if (v.is_string())
        out.push_back(v.get<std::string>());
    return out;
  }
  Measure measure(const json& j, const std::string& key, const std::string& field) const {
    Measure m;
    if (!j.is_object() || !j.contains(key) || !j[key].is_object())
      return m;
    const auto& v = j[key];
    m.value = optional_number(v, "value", field + ".value");
    if (v.contains("ci95") && v["ci95"].is_array() && v["ci95"].size() == 2) {
      if (v["ci95"][0].is_number())
        m.low = v["ci95"][0].get<double>();
      if (v["ci95"][1].is_number())
        m.high = v["ci95"][1].get<double>();
    }
    return m;
  }

 private:
  std::string source_;
};

std::optional<int> grade_of(const Reader& r, const json& a, const char* which,
                            const std::string& field) {
  if (!a.contains(which) || !a[which].is_object())
    return std::nullopt;
  const auto g = r.optional_number(a[which], "grade", field + "." + which + ".grade");
  return g ? std::optional<int>(static_cast<int>(*g)) : std::nullopt;
}

RecordingRow recording_row(const Reader& r, const json& j, const std::string& field) {
  RecordingRow row;
  row.label = r.text(j, "label", field + ".label");
  row.file = r.text(j, "file", field + ".file");
  row.sha256 = r.text(j, "sha256", field + ".sha256");
  row.at = r.text(j, "at", field + ".at");
  row.day = r.number(j, "day", field + ".day");
  row.sedation = r.text(j, "sedation", field + ".sedation");
  const auto& m = r.at(j, "measures", field + ".measures");
  const std::string mf = field + ".measures";
  row.duration_s = r.optional_number(m, "duration_s", mf + ".duration_s").value_or(0.0);
  row.clean_fraction = r.optional_number(m, "clean_fraction", mf + ".clean_fraction").value_or(0.0);
  row.index = r.measure(m, "encephalopathy_index", mf + ".encephalopathy_index");
  row.pdr_hz = r.measure(m, "pdr_hz", mf + ".pdr_hz");
  row.pdr_absent_reason = r.text(m, "pdr_absent_reason", mf + ".pdr_absent_reason");
  row.relative_delta = r.measure(m, "relative_delta", mf + ".relative_delta");
  row.slowing_grade = r.text(m, "slowing_grade", mf + ".slowing_grade");
  row.slowing_distribution = r.text(m, "slowing_distribution", mf + ".slowing_distribution");
  row.slowing_side = r.text(m, "slowing_side", mf + ".slowing_side");
  row.slowing_region = r.text(m, "slowing_region", mf + ".slowing_region");
  if (const auto analysed = r.optional_number(m, "analysed_s", mf + ".analysed_s"))
    row.detected = *analysed > 0.0;
  row.seizure_count =
      static_cast<int>(r.optional_number(m, "seizure_count", mf + ".seizure_count").value_or(0));
  row.spike_count =
      static_cast<int>(r.optional_number(m, "spike_count", mf + ".spike_count").value_or(0));
  row.spike_rate_per_h = r.optional_number(m, "spike_rate_per_h", mf + ".spike_rate_per_h");
  if (m.contains("patterns") && m["patterns"].is_object())
    for (const auto& [type, p] : m["patterns"].items())
      if (p.is_object() && p.contains("episodes") && p["episodes"].is_number() &&
          p["episodes"].get<int>() > 0)
        row.patterns.emplace_back(type, p["episodes"].get<int>());
  if (j.contains("verdict") && j["verdict"].is_object()) {
    const auto& v = j["verdict"];
    row.reference = r.text(v, "reference", field + ".verdict.reference");
    row.abnormal = r.texts(v, "abnormal", field + ".verdict.abnormal");
    row.unknown = r.texts(v, "unknown", field + ".verdict.unknown");
    // Layout 1.0 had no verdict word: normal or not, and every reason abnormal.
    row.verdict = r.text(v, "verdict", field + ".verdict.verdict");
    if (row.verdict.empty())
      row.verdict = r.flag(v, "normal") ? "normal" : "abnormal";
    if (row.verdict != "normal" && row.verdict != "abnormal" && row.verdict != "undetermined")
      r.fail(field + ".verdict.verdict", "unknown verdict '" + row.verdict + "'");
    row.eeg_grade_support = r.text(v, "eeg_grade_support", field + ".verdict.eeg_grade_support");
    row.active_treatments = r.texts(v, "active_treatments", field + ".verdict.active_treatments");
  }
  return row;
}

void episodes_of(const Reader& r, const json& list, const std::string& kind,
                 const std::string& field, std::vector<CourseEpisode>& out) {
  if (!list.is_array())
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    const std::string f = field + "[" + std::to_string(i) + "]";
    CourseEpisode ep;
    ep.kind = kind;
    ep.onset_day = r.number(e, "onset_day", f + ".onset_day");
    ep.peak_grade = static_cast<int>(r.number(e, "peak_grade", f + ".peak_grade"));
    ep.peak_day = r.number(e, "peak_day", f + ".peak_day");
    ep.resolution_day = r.optional_number(e, "resolution_day", f + ".resolution_day");
    ep.relapse = r.flag(e, "relapse");
    out.push_back(ep);
  }
}

}  // namespace

FollowupData followup_from_json(const json& j, const std::string& source) {
  const Reader r(source);
  FollowupData d;
  d.layout_version = r.text(j, "followup_layout_version", "followup_layout_version");
  if (d.layout_version.empty())
    r.fail("followup_layout_version", "missing: not an eegtrack follow-up");
  if (!d.layout_version.starts_with("1."))
    r.fail("followup_layout_version",
           "layout " + d.layout_version + " is unknown to this eegtrack (reads 1.x)");
  d.eegtrack_version = r.text(j, "eegtrack_version", "eegtrack_version");
  d.patient = r.text(j, "patient", "patient");
  d.infusion = r.text(j, "infusion", "infusion");
  d.product = r.text(j, "product", "product");

  const auto& assessments = r.array(j, "assessments", "assessments");
  for (std::size_t i = 0; i < assessments.size(); ++i) {
    const auto& a = assessments[i];
    const std::string f = "assessments[" + std::to_string(i) + "]";
    d.assessments.push_back({r.number(a, "day", f + ".day"), r.text(a, "at", f + ".at"),
                             grade_of(r, a, "icans", f), grade_of(r, a, "crs", f),
                             r.flag(a, "sedated"), r.text(a, "note", f + ".note")});
  }
  const auto& treatments = r.array(j, "treatments", "treatments");
  for (std::size_t i = 0; i < treatments.size(); ++i) {
    const auto& t = treatments[i];
    const std::string f = "treatments[" + std::to_string(i) + "]";
    d.treatments.push_back(
        {r.text(t, "drug", f + ".drug"), r.optional_number(t, "dose", f + ".dose"),
         r.text(t, "unit", f + ".unit"), r.text(t, "route", f + ".route"),
         r.optional_number(t, "every_h", f + ".every_h"),
         r.number(t, "start_day", f + ".start_day"), r.number(t, "stop_day", f + ".stop_day")});
  }
  const auto& labs = r.array(j, "labs", "labs");
  for (std::size_t i = 0; i < labs.size(); ++i) {
    const auto& l = labs[i];
    const std::string f = "labs[" + std::to_string(i) + "]";
    LabIndices x;
    x.day = r.number(l, "day", f + ".day");
    if (l.contains("easix") && l["easix"].is_object())
      x.easix_log2 = r.optional_number(l["easix"], "log2", f + ".easix.log2");
    if (l.contains("m_easix") && l["m_easix"].is_object()) {
      x.m_easix_log2 = r.optional_number(l["m_easix"], "log2", f + ".m_easix.log2");
      x.m_easix = r.optional_number(l["m_easix"], "value", f + ".m_easix.value");
    }
    d.labs.push_back(x);
  }
  const auto& car_t = r.array(j, "car_t", "car_t");
  for (std::size_t i = 0; i < car_t.size(); ++i) {
    const auto& c = car_t[i];
    const std::string f = "car_t[" + std::to_string(i) + "]";
    d.car_t.push_back({r.number(c, "day", f + ".day"), r.number(c, "value", f + ".value"),
                       r.text(c, "unit", f + ".unit")});
  }
  const auto& episodes = r.at(j, "episodes", "episodes");
  episodes_of(r, r.at(episodes, "icans", "episodes.icans"), "ICANS", "episodes.icans", d.episodes);
  const std::size_t n_icans = d.episodes.size();
  episodes_of(r, r.at(episodes, "crs", "episodes.crs"), "CRS", "episodes.crs", d.episodes);

  const auto& recordings = r.array(j, "recordings", "recordings");
  for (std::size_t i = 0; i < recordings.size(); ++i)
    d.recordings.push_back(
        recording_row(r, recordings[i], "recordings[" + std::to_string(i) + "]"));

  if (j.contains("normalization") && j["normalization"].is_object()) {
    const auto& n = j["normalization"];
    d.reference = r.text(n, "reference", "normalization.reference");
    if (n.contains("episodes") && n["episodes"].is_array())
      for (const auto& e : n["episodes"]) {
        if (!e.contains("episode") || !e["episode"].is_number())
          continue;
        const auto k = e["episode"].get<std::size_t>();
        if (k >= n_icans || !e.contains("first_normal") || !e["first_normal"].is_object())
          continue;
        d.episodes[k].first_normal_eeg_day =
            r.optional_number(e["first_normal"], "day", "normalization.first_normal.day");
        d.episodes[k].first_normal_eeg =
            r.text(e["first_normal"], "recording", "normalization.first_normal.recording");
      }
  }
  if (j.contains("concordance") && j["concordance"].is_object()) {
    const auto& c = j["concordance"];
    d.spearman_rho = r.optional_number(c, "rho", "concordance.rho");
    d.rank_pairs =
        static_cast<int>(r.optional_number(c, "n_pairs", "concordance.n_pairs").value_or(0));
    d.concordance_note = r.text(c, "note", "concordance.note");
  }
  const auto& flags = r.array(j, "flags", "flags");
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const auto& fl = flags[i];
    const std::string f = "flags[" + std::to_string(i) + "]";
    d.flags.push_back({r.number(fl, "day", f + ".day"), r.text(fl, "kind", f + ".kind"),
                       r.text(fl, "message", f + ".message"),
                       r.texts(fl, "evidence", f + ".evidence")});
  }
  if (j.contains("parameters") && j["parameters"].is_object())
    d.parameters = j["parameters"];
  return d;
}

}  // namespace eegtrack::report
