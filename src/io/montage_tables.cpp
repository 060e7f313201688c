// Montages as data: each bipolar montage is a table of electrode pairs, and plan_montage is the
// only code that reads them. Adding a montage is adding a table and a name.
#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string>

#include "eegtrack/io/montage.hpp"

namespace eegtrack::io {

namespace {

// Longitudinal bipolar ("double banana"), ACNS Guideline 3 (2016) LB-18.1 in 10-10 names:
// left and right temporal chains, left and right parasagittal chains, midline.
constexpr auto kDoubleBanana = std::to_array<ElectrodePair>({
    {"Fp1", "F7"},
    {"F7", "T7"},
    {"T7", "P7"},
    {"P7", "O1"},  // left temporal
    {"Fp2", "F8"},
    {"F8", "T8"},
    {"T8", "P8"},
    {"P8", "O2"},  // right temporal
    {"Fp1", "F3"},
    {"F3", "C3"},
    {"C3", "P3"},
    {"P3", "O1"},  // left parasagittal
    {"Fp2", "F4"},
    {"F4", "C4"},
    {"C4", "P4"},
    {"P4", "O2"},  // right parasagittal
    {"Fz", "Cz"},
    {"Cz", "Pz"},  // midline
});

// Transverse bipolar, ACNS Guideline 6 (2006) / Guideline 3 (2016) TB-18.1 in 10-10 names:
// rows from front to back, each running left to right.
constexpr auto kTransverse = std::to_array<ElectrodePair>({
    {"F7", "Fp1"},
    {"Fp1", "Fp2"},
    {"Fp2", "F8"},  // frontopolar
    {"F7", "F3"},
    {"F3", "Fz"},
    {"Fz", "F4"},
    {"F4", "F8"},  // frontal
    {"T7", "C3"},
    {"C3", "Cz"},
    {"Cz", "C4"},
    {"C4", "T8"},  // central
    {"P7", "P3"},
    {"P3", "Pz"},
    {"Pz", "P4"},
    {"P4", "P8"},  // parietal
    {"P7", "O1"},
    {"O1", "O2"},
    {"O2", "P8"},  // occipital
});

struct MontageName {
  std::string_view text;
  MontageKind kind;
};

constexpr auto kNames = std::to_array<MontageName>({
    {"referential", MontageKind::Referential},
    {"as-recorded", MontageKind::Referential},
    {"average", MontageKind::Average},
    {"car", MontageKind::Average},
    {"bipolar", MontageKind::LongitudinalBipolar},
    {"double-banana", MontageKind::LongitudinalBipolar},
    {"longitudinal", MontageKind::LongitudinalBipolar},
    {"transverse", MontageKind::TransverseBipolar},
});

}  // namespace

MontageKind parse_montage(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  std::string key;
  for (const char c : text) {
    // "Double banana", "as_recorded" and "double-banana" name the same montage.
    key += (c == ' ' || c == '_') ? '-'
                                  : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto it = std::find_if(kNames.begin(), kNames.end(),
                               [&key](const MontageName& n) { return n.text == key; });
  if (it != kNames.end())
    return it->kind;
  std::string choices;
  for (const MontageName& n : kNames)
    choices += (choices.empty() ? "" : ", ") + std::string(n.text);
  throw std::invalid_argument("parse_montage: unknown montage (" + std::string(text) +
                              "); choose one of " + choices);
}

const char* to_string(MontageKind kind) noexcept {
  switch (kind) {
    case MontageKind::Referential:
      return "referential";
    case MontageKind::Average:
      return "average";
    case MontageKind::LongitudinalBipolar:
      return "double-banana";
    case MontageKind::TransverseBipolar:
      return "transverse";
  }
  return "?";
}

const char* display_name(MontageKind kind) noexcept {
  return kind == MontageKind::Referential ? "as recorded" : to_string(kind);
}

std::span<const ElectrodePair> montage_pairs(MontageKind kind) noexcept {
  switch (kind) {
    case MontageKind::LongitudinalBipolar:
      return kDoubleBanana;
    case MontageKind::TransverseBipolar:
      return kTransverse;
    case MontageKind::Referential:
    case MontageKind::Average:
      break;
  }
  return {};
}

}  // namespace eegtrack::io
