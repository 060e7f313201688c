// summary.json "background", "regions" and "slowing" read back into findings.
#include "eegtrack/findings/names.hpp"
#include "findings_json.hpp"

namespace eegtrack::pipeline::detail {
namespace {

std::vector<findings::BandPower> band_powers(const JsonField& object,
                                             const std::vector<std::string>& bands) {
  std::vector<findings::BandPower> out;
  const auto rel = object["rel_power"];
  const auto abs = object["abs_power_uv2"];
  for (const auto& band : bands)
    out.push_back({band, rel[band].optional_number(), abs[band].optional_number()});
  return out;
}

findings::Quantiles quantiles(const JsonField& q) {
  return {q["median"].optional_number(), q["q25"].optional_number(), q["q75"].optional_number()};
}

}  // namespace

namespace {

std::optional<findings::Interval> interval(const JsonField& j) {
  if (j.is_null())
    return std::nullopt;
  const auto pair = j.elements();
  if (pair.size() != 2)
    j.fail("expected [low, high] or null");
  return findings::Interval{pair[0].number(), pair[1].number()};
}

findings::Intervals intervals(const JsonField& j) {
  findings::Intervals iv;
  iv.level = j["level"].number();
  iv.block_s = j["block_s"].number();
  iv.n_blocks = j["n_blocks"].count();
  iv.resamples = static_cast<int>(j["resamples"].count());
  iv.seed = j["seed"].count();
  iv.unavailable = j["unavailable"].string_or_empty();
  iv.encephalopathy_index = interval(j["encephalopathy_index"]);
  iv.pdr_hz = interval(j["pdr_hz"]);
  iv.pdr_present_fraction = j["pdr_present_fraction"].number();
  iv.relative_delta = interval(j["relative_delta"]);
  iv.relative_theta = interval(j["relative_theta"]);
  iv.delta_alpha_ratio = interval(j["dar"]);
  return iv;
}

}  // namespace

findings::Background background_from_json(const JsonField& j,
                                          const std::vector<std::string>& bands) {
  findings::Background b;
  if (!j["pdr_hz"].is_null())
    b.pdr = findings::PosteriorRhythm{j["pdr_hz"].number(), j["pdr_power_uv2"].optional_number(),
                                      j["pdr_left_hz"].optional_number(),
                                      j["pdr_right_hz"].optional_number()};
  b.pdr_confidence = j["pdr_confidence"].optional_number();
  b.slower_rhythm_dominates = j["slower_rhythm_dominates"].boolean();
  if (!b.pdr)
    b.pdr_absent_reason = j["pdr_absent_reason"].string();
  b.band_powers = band_powers(j, bands);
  b.delta_alpha_ratio = j["dar"].optional_number();
  b.theta_alpha_ratio = j["tar"].optional_number();
  b.dtabr = j["dtabr"].optional_number();
  b.sef95_hz = j["sef95_hz"].optional_number();
  b.sef90_hz = j["sef90_hz"].optional_number();
  b.median_frequency_hz = j["median_frequency_hz"].optional_number();
  b.aperiodic_exponent = j["aperiodic_exponent"].optional_number();
  b.bsi = j["bsi"].optional_number();
  b.pdbsi = j["pdbsi"].optional_number();
  b.suppression_fraction = j["suppression_fraction"].optional_number();
  b.encephalopathy_index = j["encephalopathy_index"].optional_number();
  for (const auto& [name, q] : j["medians"].members())
    b.feature_quantiles[name] = quantiles(q);
  b.intervals = intervals(j["intervals"]);
  return b;
}

std::vector<findings::RegionFindings> regions_from_json(const JsonField& j,
                                                        const std::vector<std::string>& bands) {
  std::vector<findings::RegionFindings> out;
  // Written keyed by name; the findings keep the anatomical order, front to back.
  for (auto region : {sites::Region::Frontal, sites::Region::Central, sites::Region::Temporal,
                      sites::Region::Parietal, sites::Region::Occipital}) {
    const char* name = sites::to_string(region);
    if (!j.has(name))
      continue;
    const auto r = j[name];
    findings::RegionFindings f;
    f.region = region;
    f.n_channels = r["n_channels"].count();
    f.band_powers = band_powers(r, bands);
    if (r.has("asymmetry_right_minus_left")) {
      findings::RegionAsymmetry asym;
      const auto idx = r["asymmetry_right_minus_left"];
      for (const auto& band : bands)
        if (idx.has(band))
          asym.right_minus_left.push_back({band, idx[band].optional_number()});
      asym.slow = r["slow_asymmetry"].optional_number();
      f.asymmetry = std::move(asym);
    }
    out.push_back(std::move(f));
  }
  for (const auto& [name, r] : j.members())
    if (!findings::parse_region(name) || name == "other")
      r.fail("unknown region");
  return out;
}

std::optional<findings::Slowing> slowing_from_json(const JsonField& j) {
  if (j["grade"].is_null())
    return std::nullopt;  // not graded
  findings::Slowing s;
  s.grade = j["grade"].parsed(findings::parse_slowing_grade);
  s.distribution = j["distribution"].parsed(findings::parse_slowing_distribution);
  if (!j["side"].is_null())
    s.focus = findings::SlowingFocus{j["side"].parsed(findings::parse_side),
                                     j["region"].parsed(findings::parse_region)};
  s.focal_slow_index = j["focal_slow_index"].optional_number();
  s.focal_pairs = static_cast<int>(j["focal_pairs"].integer());
  for (const auto& [key, value] : j["slow_asymmetry_pairs"].members()) {
    const auto slash = key.find('/');
    if (slash == std::string::npos)
      value.fail("expected a key \"right/left\"");
    s.slow_asymmetry_pairs.push_back(
        {key.substr(0, slash), key.substr(slash + 1), value.optional_number()});
  }
  s.criteria = j["criteria"].strings();
  s.pdr_component = j["pdr_component"].number();
  s.slow_component = j["slow_component"].number();
  s.suppression_component = j["suppression_component"].number();
  s.frequency_component = j["frequency_component"].number();
  return s;
}

}  // namespace eegtrack::pipeline::detail
