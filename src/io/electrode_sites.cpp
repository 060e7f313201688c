// 10-10 electrode names, their sites and mirror images. Side, region and mirror follow from the
// name itself (row letters + number or "z"), so the table only lists the names.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "eegtrack/io/channels.hpp"

namespace eegtrack::io {

namespace {

// Extended 10-10 system (Oostenveld & Praamstra, Clin Neurophysiol 2001;112:713-719; ACNS
// Guideline 2, 2016) plus the ear (A) and mastoid (M) reference sites.
constexpr auto kElectrodes = std::to_array<std::string_view>(
    {"Nz",   "Fp1", "Fpz",  "Fp2", "AF9", "AF7", "AF5", "AF3", "AF1",  "AFz", "AF2",  "AF4",
     "AF6",  "AF8", "AF10", "F9",  "F7",  "F5",  "F3",  "F1",  "Fz",   "F2",  "F4",   "F6",
     "F8",   "F10", "FT9",  "FT7", "FC5", "FC3", "FC1", "FCz", "FC2",  "FC4", "FC6",  "FT8",
     "FT10", "T9",  "T7",   "C5",  "C3",  "C1",  "Cz",  "C2",  "C4",   "C6",  "T8",   "T10",
     "TP9",  "TP7", "CP5",  "CP3", "CP1", "CPz", "CP2", "CP4", "CP6",  "TP8", "TP10", "P9",
     "P7",   "P5",  "P3",   "P1",  "Pz",  "P2",  "P4",  "P6",  "P8",   "P10", "PO9",  "PO7",
     "PO5",  "PO3", "PO1",  "POz", "PO2", "PO4", "PO6", "PO8", "PO10", "O9",  "O1",   "Oz",
     "O2",   "O10", "I1",   "Iz",  "I2",  "A1",  "A2",  "M1",  "M2"});

// 10-20 names replaced in the 10-10 system (ACNS Guideline 2). MNE's alias table maps T5/T6
// to T9/T10 instead, which misplaces them (PRIOR_ART.md §4).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kOldNames = {
    {{"T3", "T7"}, {"T4", "T8"}, {"T5", "P7"}, {"T6", "P8"}}};

std::string upper(std::string_view s) {
  std::string u(s);
  for (char& c : u)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

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

bool is_known(std::string_view name) {
  if (name.empty())
    return false;
  return std::find(kElectrodes.begin(), kElectrodes.end(), name) != kElectrodes.end();
}

Side combine_sides(Side a, Side b) {
  if (a == b || b == Side::Midline)
    return a;
  if (a == Side::Midline)
    return b;
  return Side::Midline;  // crosses the midline, e.g. Fp1-Fp2
}

}  // namespace

std::span<const std::string_view> known_electrodes() noexcept {
  return kElectrodes;
}

std::optional<std::string> canonical_electrode(std::string_view token) {
  while (!token.empty() && (token.front() == ' ' || token.front() == '\t'))
    token.remove_prefix(1);
  while (!token.empty() && (token.back() == ' ' || token.back() == '.' || token.back() == '\t'))
    token.remove_suffix(1);
  if (token.empty() || token.size() > 4)
    return std::nullopt;
  std::string key = upper(token);
  for (const auto& [old_name, new_name] : kOldNames) {
    if (key == old_name)
      key = std::string(new_name);
  }
  for (const std::string_view name : kElectrodes) {
    if (upper(name) == key)
      return std::string(name);
  }
  return std::nullopt;
}

std::optional<ElectrodeSite> electrode_site(std::string_view normalized_label) {
  const auto dash = normalized_label.find('-');
  if (dash == std::string_view::npos) {
    if (!is_known(normalized_label))
      return std::nullopt;
    return single_site(normalized_label);
  }
  const std::string_view plus = normalized_label.substr(0, dash);
  const std::string_view minus = normalized_label.substr(dash + 1);
  if (!is_known(plus))
    return std::nullopt;
  ElectrodeSite site = single_site(plus);
  site.name = std::string(normalized_label);
  if (minus == "avg") {
    site.homologous += "-avg";
    return site;
  }
  if (!is_known(minus))
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
  }
  return "?";
}

}  // namespace eegtrack::io
