// summary.json "epileptiform" and "events" read back into findings.
#include <algorithm>
#include <string_view>

#include "eegtrack/findings/event_fields.hpp"
#include "eegtrack/findings/names.hpp"
#include "findings_json.hpp"

namespace eegtrack::pipeline::detail {
namespace {

std::optional<double> optional_number(const JsonField& j) {
  if (j.is_null())
    return std::nullopt;
  return j.number();
}

std::vector<findings::DischargeRate> rates_of(const JsonField& j) {
  std::vector<findings::DischargeRate> out;
  for (const auto& r : j.elements())
    out.push_back({r["name"].string(), static_cast<int>(r["count"].integer()),
                   optional_number(r["rate_per_h"])});
  return out;
}

std::vector<detect::PatternPrevalence> patterns_of(const JsonField& j) {
  std::vector<detect::PatternPrevalence> out;
  for (const auto& [name, p] : j.members()) {
    const auto type = findings::parse_event_type(name);
    if (!type)
      p.fail("unknown pattern type");
    detect::PatternPrevalence v;
    v.type = *type;
    v.episodes = static_cast<int>(p["episodes"].integer());
    v.covered_s = p["covered_s"].number();
    v.fraction = p["fraction"].number();
    v.prevalence = p["prevalence"].parsed(findings::parse_prevalence);
    v.median_duration_s = p["median_duration_s"].number();
    if (p.has("episodes_95ci_per_h")) {  // absent from outputs written before it existed
      const auto interval = p["episodes_95ci_per_h"].elements();
      if (interval.size() != 2)
        p["episodes_95ci_per_h"].fail("expected [low, high]");
      v.episodes_low_per_h = interval[0].number();
      v.episodes_high_per_h = interval[1].number();
    }
    v.duration = p["duration"].parsed(findings::parse_duration_category);
    out.push_back(v);
  }
  // Written keyed by name; the findings keep the order GPD, LPD, BIPD, GRDA, LRDA.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return static_cast<int>(a.type) < static_cast<int>(b.type);
  });
  return out;
}

// A detector's result. Null when the detectors did not run (analysed_s 0): the model keeps its
// zero there, which findings::detectors_ran marks as not looked for. Files written before
// these fields could be null hold 0 instead, read the same way.
class DetectorResults {
 public:
  DetectorResults(const JsonField& epileptiform, bool ran) : j_(epileptiform), ran_(ran) {}
  [[nodiscard]] bool absent(std::string_view key) const {
    const auto field = j_[key];
    if (!field.is_null())
      return false;
    if (ran_)
      field.fail("null although the detectors analysed the recording (analysed_s > 0)");
    return true;
  }
  [[nodiscard]] int count(std::string_view key) const {
    return absent(key) ? 0 : static_cast<int>(j_[key].integer());
  }
  [[nodiscard]] std::size_t tally(std::string_view key) const {
    return absent(key) ? 0 : j_[key].count();
  }
  [[nodiscard]] double number(std::string_view key) const {
    return absent(key) ? 0.0 : j_[key].number();
  }
  [[nodiscard]] bool flag(std::string_view key) const {
    return absent(key) ? false : j_[key].boolean();
  }

 private:
  JsonField j_;
  bool ran_;
};

}  // namespace

findings::Epileptiform epileptiform_from_json(const JsonField& j) {
  findings::Epileptiform e;
  e.analysed_s = j["analysed_s"].number();
  const DetectorResults found(j, findings::detectors_ran(e));
  e.main_montage = j["main_montage"].string();
  e.main_channels = j["main_channels"].strings();
  e.bipolar_channels = j["bipolar_channels"].strings();
  e.spike_count = found.count("spike_count");
  e.spike_rate_per_h = optional_number(j["spike_rate_per_h"]);
  if (!found.absent("spike_rate_95ci_per_h")) {
    const auto interval = j["spike_rate_95ci_per_h"].elements();
    if (interval.size() != 2)
      j["spike_rate_95ci_per_h"].fail("expected [low, high]");
    e.spike_rate_low_per_h = interval[0].number();
    e.spike_rate_high_per_h = interval[1].number();
  }
  e.long_enough_for_rates = j["long_enough_for_rates"].boolean();
  e.burden_window_s = j["seizure_burden_window_s"].number();
  e.per_electrode = rates_of(j["spike_rate_per_electrode"]);
  e.per_region = rates_of(j["spike_rate_per_region"]);
  if (const auto f = j["dominant_focus"]; !f.is_null())
    e.dominant_focus = findings::DominantFocus{f["electrode"].string(),
                                               f["side"].string(),
                                               f["region"].string(),
                                               static_cast<int>(f["count"].integer()),
                                               optional_number(f["rate_per_h"]),
                                               f["share"].number()};
  e.seizures = {found.count("seizure_count"), found.number("longest_seizure_s"),
                found.number("seizure_burden_max_per_h"), found.flag("electrographic_status")};
  e.patterns = patterns_of(j["patterns"]);
  e.bird_count = found.count("bird_count");
  e.reconciled.discharges_in_patterns = found.tally("discharges_in_patterns");
  e.reconciled.birds_in_seizures = found.tally("birds_in_seizures");
  e.reconciled.patterns_in_seizures = found.tally("patterns_in_seizures");
  e.reconciled.rda_in_periodic = found.tally("rda_in_periodic");
  e.events_dropped_for_artifacts = found.tally("events_dropped_for_artifacts");
  e.warnings = j["warnings"].strings();
  return e;
}

std::vector<detect::Event> events_from_json(const JsonField& j) {
  using namespace findings;
  const auto at = [](const JsonField& e, const EventField& field) { return e[field.name]; };
  std::vector<detect::Event> out;
  for (const auto& e : j.elements()) {
    detect::Event v;
    v.type = at(e, kEventType).parsed(findings::parse_event_type);
    v.onset_s = at(e, kEventOnset).number();
    v.duration_s = at(e, kEventDuration).number();
    v.channels = at(e, kEventChannels).strings();
    v.side = at(e, kEventSide).parsed(findings::parse_laterality);
    if (!at(e, kEventRegion).is_null())
      v.region = at(e, kEventRegion).parsed(findings::parse_region);
    v.focus = at(e, kEventFocus).string_or_empty();
    v.frequency_hz = at(e, kEventFrequency).number();
    v.confidence = at(e, kEventConfidence).number();
    v.modifiers = at(e, kEventModifiers).string();
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace eegtrack::pipeline::detail
