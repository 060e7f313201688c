// 10-10 electrode names: the table, and the spellings read back to it.
#include "eegtrack/sites/electrodes.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace eegtrack::sites {

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
// to T9/T10 instead, which misplaces them (MNE-Python 1.x alias table).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kOldNames = {
    {{"T3", "T7"}, {"T4", "T8"}, {"T5", "P7"}, {"T6", "P8"}}};

std::string upper(std::string_view s) {
  std::string u(s);
  for (char& c : u)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
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

bool is_electrode(std::string_view name) {
  if (name.empty())
    return false;
  return std::find(kElectrodes.begin(), kElectrodes.end(), name) != kElectrodes.end();
}

}  // namespace eegtrack::sites
