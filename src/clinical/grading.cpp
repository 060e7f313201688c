#include "eegtrack/clinical/grading.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace eegtrack::clinical {
namespace {

// Raises the grade to `g` (recording the domain) or adds the domain when it ties.
void domain(Grade& out, int g, std::string what) {
  if (g <= 0 || g < out.grade)
    return;
  if (g > out.grade)
    out.deciding.clear();
  out.grade = g;
  out.deciding.push_back(std::move(what));
}

int ice_grade(int ice) {
  if (ice >= 10)
    return 0;
  if (ice >= 7)
    return 1;
  if (ice >= 3)
    return 2;
  return 3;
}

int consciousness_grade(Consciousness c) {
  switch (c) {
    case Consciousness::Awake:
      return 0;
    case Consciousness::Voice:
      return 2;
    case Consciousness::Tactile:
      return 3;
    case Consciousness::Unarousable:
      return 4;
  }
  return 0;
}

int seizure_grade(SeizureFinding s) {
  switch (s) {
    case SeizureFinding::None:
      return 0;
    case SeizureFinding::ClinicalResolved:
    case SeizureFinding::NonconvulsiveResolved:
      return 3;
    case SeizureFinding::Prolonged:
    case SeizureFinding::Repetitive:
      return 4;
  }
  return 0;
}

}  // namespace

Grade icans_grade(const Assessment& a) {
  Grade g;
  const bool unarousable = !a.sedated && a.consciousness == Consciousness::Unarousable;
  if (a.ice) {
    int ice = ice_grade(*a.ice);
    if (*a.ice == 0 && unarousable)
      ice = 4;
    domain(g, ice, "ICE " + std::to_string(*a.ice) + (ice == 4 ? " (unarousable)" : ""));
  } else {
    g.notes.emplace_back("ICE not assessed");
  }
  if (a.sedated)
    g.notes.emplace_back("consciousness not scored: sedated");
  else if (a.consciousness)
    domain(g, consciousness_grade(*a.consciousness),
           std::string("consciousness: ") + to_string(*a.consciousness));
  else
    g.notes.emplace_back("consciousness not assessed");
  domain(g, seizure_grade(a.seizure), std::string("seizure: ") + to_string(a.seizure));
  if (a.motor_weakness)
    domain(g, 4, "deep focal motor weakness");
  domain(g,
         a.edema == Edema::Diffuse ? 4
         : a.edema == Edema::Focal ? 3
                                   : 0,
         std::string("edema: ") + to_string(a.edema));
  const bool consciousness_scored = a.consciousness.has_value() && !a.sedated;
  g.assessable = a.ice.has_value() || consciousness_scored || g.grade > 0;
  if (!g.assessable)
    g.notes.emplace_back("not assessable: no domain could be scored");
  return g;
}

bool waives_fever(const std::string& drug) {
  static constexpr std::array<std::string_view, 8> kDrugs{
      "tocilizumab",        "siltuximab", "anakinra",     "dexamethasone",
      "methylprednisolone", "prednisone", "prednisolone", "hydrocortisone"};
  return std::find(kDrugs.begin(), kDrugs.end(), drug) != kDrugs.end();
}

Grade crs_grade(const Assessment& a, bool fever_waived) {
  Grade g;
  const bool fever = a.temperature_c && *a.temperature_c >= 38.0;
  g.assessable =
      a.temperature_c.has_value() || a.hypotension != Hypotension::None || a.oxygen != Oxygen::None;
  if (!a.temperature_c)
    g.notes.emplace_back("temperature not recorded");
  const int hypotension = a.hypotension == Hypotension::NoVasopressor          ? 2
                          : a.hypotension == Hypotension::OneVasopressor       ? 3
                          : a.hypotension == Hypotension::MultipleVasopressors ? 4
                                                                               : 0;
  const int oxygen = a.oxygen == Oxygen::LowFlow            ? 2
                     : a.oxygen == Oxygen::HighFlow         ? 3
                     : a.oxygen == Oxygen::PositivePressure ? 4
                                                            : 0;
  if (!fever && !fever_waived) {
    if (hypotension > 0 || oxygen > 0)
      g.notes.emplace_back("hypotension or hypoxia without fever: not graded as CRS");
    return g;
  }
  if (!fever)
    g.notes.emplace_back("fever not required: tocilizumab or a steroid given");
  domain(g, fever ? 1 : 0, "fever");
  domain(g, hypotension, std::string("hypotension: ") + to_string(a.hypotension));
  domain(g, oxygen, std::string("oxygen: ") + to_string(a.oxygen));
  return g;
}

Grade crs_grade(const Assessment& a, const std::vector<Treatment>& treatments) {
  const bool waived = std::any_of(treatments.begin(), treatments.end(), [&](const Treatment& t) {
    return waives_fever(t.drug) && t.start <= a.at;
  });
  return crs_grade(a, waived);
}

}  // namespace eegtrack::clinical
