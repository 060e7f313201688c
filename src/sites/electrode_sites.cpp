// Sites of 10-10 electrodes and derivations, and their mirror images. Side, region and mirror
// follow from the name itself (row letters + number or "z"), so no table lists them.
#include <string>

#include "eegtrack/sites/electrodes.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::sites {

namespace {

// Row letters, then number or "z" (e.g. "FT" + "10", "Fp" + "z", "Nz" -> "N" + "z").
std::string_view row_of(std::string_view name) {
  const auto end = name.find_first_of("0123456789z");
  return name.substr(0, end);
}

Region region_of(std::string_view row) {
  if (row == "FT" || row == "T" || row == "TP")
    return Region::Temporal;
  if (row == "C" || row == "CP")
    return Region::Central;
  if (row == "P" || row == "PO")
    return Region::Parietal;
  if (row == "O" || row == "I")
    return Region::Occipital;
  if (row == "A" || row == "M")
    return Region::Auricular;
  return Region::Frontal;  // N, Fp, AF, F, FC
}

ElectrodeSite single_site(std::string_view name) {
  const std::string_view row = row_of(name);
  const std::string_view rest = name.substr(row.size());
  if (rest == "z")
    return {std::string(name), Side::Midline, region_of(row), std::string(name)};
  const int number = std::stoi(std::string(rest));
  const int mirror = number % 2 == 1 ? number + 1 : number - 1;
  return {std::string(name), number % 2 == 1 ? Side::Left : Side::Right, region_of(row),
          std::string(row) + std::to_string(mirror)};
}

Side combine_sides(Side a, Side b) {
  if (a == b || b == Side::Midline)
    return a;
  if (a == Side::Midline)
    return b;
  return Side::Midline;  // crosses the midline, e.g. Fp1-Fp2
}

}  // namespace

std::optional<ElectrodeSite> electrode_site(std::string_view normalized_label) {
  const Derivation parts = derivation_of(normalized_label);
  if (parts.minus.empty() && normalized_label.find('-') != std::string_view::npos)
    return std::nullopt;  // "Fp1-": half a derivation
  return derivation_site(parts);
}

std::optional<ElectrodeSite> derivation_site(const Derivation& derivation) {
  const std::string_view plus = derivation.plus;
  const std::string_view minus = derivation.minus;
  if (!is_electrode(plus))
    return std::nullopt;
  ElectrodeSite site = single_site(plus);
  site.name = derivation.label;
  if (minus.empty())
    return site;  // referential
  if (minus == kAverageReference) {
    site.homologous += "-avg";
    return site;
  }
  if (!is_electrode(minus))
    return std::nullopt;
  const ElectrodeSite other = single_site(minus);
  site.side = combine_sides(site.side, other.side);
  site.homologous += "-" + other.homologous;
  return site;
}

const char* to_string(Side side) noexcept {
  switch (side) {
    case Side::Left:
      return "left";
    case Side::Midline:
      return "midline";
    case Side::Right:
      return "right";
  }
  return "?";
}

const char* to_string(Region region) noexcept {
  switch (region) {
    case Region::Frontal:
      return "frontal";
    case Region::Central:
      return "central";
    case Region::Temporal:
      return "temporal";
    case Region::Parietal:
      return "parietal";
    case Region::Occipital:
      return "occipital";
    case Region::Auricular:
      return "auricular";
    case Region::Other:
      return "other";
  }
  return "?";
}

}  // namespace eegtrack::sites
