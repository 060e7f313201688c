// Label normalisation and channel classification. Labels come from many vendors ("EEG Fp1-REF",
// "FP1-F7", "Fc5.", "POL DC01"); the rules are kept as small tables so new spellings are one
// line each. See docs/channels-and-montages.md for the rules and their sources.
#include "eegtrack/io/channels.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "eegtrack/sites/electrodes.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::io {

namespace {

struct Keyword {
  std::string_view prefix;  // upper case; matched against the start of an upper-cased token
  ChannelType type;
};

// Type words. A word matches a label token that starts with it ("EEG", "ECG1", "Thorax").
constexpr auto kLabelKeywords = std::to_array<Keyword>({
    {"EEG", ChannelType::Eeg},
    {"EOG", ChannelType::Eog},
    {"HEOG", ChannelType::Eog},
    {"VEOG", ChannelType::Eog},
    {"LOC", ChannelType::Eog},
    {"ROC", ChannelType::Eog},
    {"ECG", ChannelType::Ecg},
    {"EKG", ChannelType::Ecg},
    {"EMG", ChannelType::Emg},
    {"CHIN", ChannelType::Emg},
    {"LEG", ChannelType::Emg},
    {"RESP", ChannelType::Respiration},
    {"THOR", ChannelType::Respiration},
    {"ABD", ChannelType::Respiration},
    {"AIRFLOW", ChannelType::Respiration},
    {"NASAL", ChannelType::Respiration},
    {"FLOW", ChannelType::Respiration},
    {"EFFORT", ChannelType::Respiration},
    {"SNORE", ChannelType::Respiration},
    {"CHEST", ChannelType::Respiration},
    {"TEMP", ChannelType::Other},
    {"EVENT", ChannelType::Other},
    {"MARKER", ChannelType::Other},
    {"STATUS", ChannelType::Other},
    {"TRIGGER", ChannelType::Other},
    {"STI", ChannelType::Other},
    {"SPO2", ChannelType::Other},
    {"SAO2", ChannelType::Other},
    {"PHOTIC", ChannelType::Other},
    {"PLETH", ChannelType::Other},
    {"PULSE", ChannelType::Other},
    {"DC", ChannelType::Other},
    {"POS", ChannelType::Other},
    {"LIGHT", ChannelType::Other},
    {"ACC", ChannelType::Other},
});

// Transducer words, consulted only when the label itself says nothing.
constexpr auto kTransducerKeywords = std::to_array<Keyword>({
    {"EEG", ChannelType::Eeg},
    {"EOG", ChannelType::Eog},
    {"ECG", ChannelType::Ecg},
    {"EKG", ChannelType::Ecg},
    {"EMG", ChannelType::Emg},
    {"BELT", ChannelType::Respiration},
    {"CANNULA", ChannelType::Respiration},
    {"AIRFLOW", ChannelType::Respiration},
    {"RESPIR", ChannelType::Respiration},
    {"THERM", ChannelType::Other},
    {"OXIM", ChannelType::Other},
    {"BUTTON", ChannelType::Other},
});

// Leading words that only say which amplifier input a signal came from: stripped before the
// electrode is parsed. POL is Nihon Kohden's "polygraphic" input and implies no type.
constexpr auto kPrefixes = std::to_array<std::string_view>(
    {"EEG", "EOG", "ECG", "EKG", "EMG", "POL", "RESP", "SAO2", "SPO2", "TEMP"});

// Reference suffixes after "-": common ("Ref"), linked or contralateral ears ("LE", "CLE"),
// single ears or mastoids, average ("AVG", "AV", "AR", "CAR").
constexpr auto kReferences = std::to_array<std::string_view>(
    {"REF", "LE", "CLE", "A1", "A2", "A1A2", "A12", "M1", "M2", "AVG", "AV", "AR", "CAR"});

bool is_blank(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7F;  // padding spaces, tabs, stray NUL/control bytes
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back()))
    s.remove_suffix(1);
  return s;
}

std::string upper(std::string_view s) {
  std::string u(s);
  for (char& c : u)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& table, std::string_view upper_word) {
  return std::find(table.begin(), table.end(), upper_word) != table.end();
}

template <std::size_t N>
std::optional<ChannelType> match_start(const std::array<Keyword, N>& table, std::string_view up) {
  for (const Keyword& k : table) {
    if (up.starts_with(k.prefix))
      return k.type;
  }
  return std::nullopt;
}

std::optional<ChannelType> match_anywhere(std::string_view up) {
  for (const Keyword& k : kTransducerKeywords) {
    if (up.find(k.prefix) != std::string_view::npos)
      return k.type;
  }
  return std::nullopt;
}

struct Electrodes {
  bool bipolar = false;
  std::string plus;
  std::string minus;
  std::string reference;
};

// "Fp1", "FP1-F7", "Fp1-Ref", "A2-A1", "Cz.."; nullopt for anything that is not electrodes.
std::optional<Electrodes> parse_electrodes(std::string_view body);

// A label that repeats another's carries a number to tell them apart: PhysioNet's CHB-MIT
// records "T8-P8-0" and "T8-P8-1", and MNE renames duplicate names so. The electrodes are
// those of the label without it.
std::optional<Electrodes> parse_numbered_duplicate(std::string_view body) {
  const auto dash = body.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == body.size())
    return std::nullopt;
  const std::string_view number = body.substr(dash + 1);
  if (!std::all_of(number.begin(), number.end(),
                   [](unsigned char c) { return std::isdigit(c) != 0; }))
    return std::nullopt;
  return parse_electrodes(body.substr(0, dash));
}

std::optional<Electrodes> parse_electrodes(std::string_view body) {
  body = trim(body);
  while (!body.empty() && body.back() == '.')
    body.remove_suffix(1);  // BCI2000 pads names to four characters with dots
  const auto dash = body.find('-');
  if (dash == std::string_view::npos) {
    auto single = sites::canonical_electrode(body);
    if (!single)
      return std::nullopt;
    return Electrodes{false, *single, {}, {}};
  }
  auto plus = sites::canonical_electrode(body.substr(0, dash));
  if (!plus)
    return std::nullopt;
  const std::string_view right = trim(body.substr(dash + 1));
  const auto minus = sites::canonical_electrode(right);
  const bool plus_is_ear = sites::electrode_site(*plus)->region == sites::Region::Auricular;
  // An ear or mastoid against another electrode is a real derivation (eegmat "A2-A1"); any
  // other electrode against A1/M1... is a referential recording.
  if (minus && (plus_is_ear || !contains(kReferences, upper(right))))
    return Electrodes{true, *plus, *minus, {}};
  if (contains(kReferences, upper(right)))
    return Electrodes{false, *plus, {}, std::string(right)};
  return parse_numbered_duplicate(body);
}

// Words of the label without a leading input prefix ("EEG Fp1-Ref" -> "Fp1-Ref").
struct SplitLabel {
  std::string first_word;  // upper case
  std::string_view body;   // after the prefix, or the whole label
  bool had_prefix = false;
};

SplitLabel split_label(std::string_view label) {
  const auto space = label.find(' ');
  SplitLabel s{upper(label.substr(0, space)), label, false};
  if (space != std::string_view::npos && contains(kPrefixes, s.first_word)) {
    s.body = trim(label.substr(space + 1));
    s.had_prefix = true;
  }
  return s;
}

ChannelType classify(const SplitLabel& split, bool is_electrode, std::string_view transducer) {
  if (split.had_prefix && split.first_word != "POL")
    return *match_start(kLabelKeywords, split.first_word);
  if (is_electrode)
    return ChannelType::Eeg;
  if (auto type = match_start(kLabelKeywords, upper(split.body)))
    return *type;
  if (auto type = match_anywhere(upper(transducer)))
    return *type;
  return ChannelType::Other;
}

}  // namespace

ChannelName normalize_channel(std::string_view label, std::string_view unit,
                              std::string_view transducer, bool is_annotation) {
  ChannelName out;
  out.original = std::string(trim(label));
  out.normalized = out.original;
  const std::string up = upper(out.original);
  if (is_annotation || up == "EDF ANNOTATIONS" || up == "BDF ANNOTATIONS") {
    out.type = ChannelType::Annotation;
    return out;
  }
  const SplitLabel split = split_label(out.original);
  const auto electrodes = parse_electrodes(split.body);
  out.type = classify(split, electrodes.has_value(), trim(transducer));
  if (electrodes) {
    out.bipolar = electrodes->bipolar;
    out.plus = electrodes->plus;
    out.minus = electrodes->minus;
    out.reference = electrodes->reference;
    out.normalized = out.bipolar ? out.plus + "-" + out.minus : out.plus;
  }
  const bool electrical = out.type == ChannelType::Eeg || out.type == ChannelType::Eog ||
                          out.type == ChannelType::Ecg || out.type == ChannelType::Emg;
  unit = trim(unit);
  if (electrical && !unit.empty() && !is_voltage_unit(unit))
    out.type = ChannelType::Other;  // e.g. a temperature probe wired to an EEG input
  return out;
}

std::vector<ChannelName> normalize_channels(std::span<const SignalInfo> signals) {
  std::vector<ChannelName> out;
  out.reserve(signals.size());
  for (const SignalInfo& s : signals)
    out.push_back(normalize_channel(s.label, s.physical_dimension, s.transducer, s.is_annotation));
  return out;
}

bool is_voltage_unit(std::string_view unit) noexcept {
  static constexpr auto kPlain =
      std::to_array<std::string_view>({"nV", "nv", "uV", "uv", "UV", "mV", "mv", "V", "v"});
  static constexpr auto kMicro = std::to_array<std::string_view>({"\xC2\xB5", "\xCE\xBC", "\xB5"});
  if (std::find(kPlain.begin(), kPlain.end(), unit) != kPlain.end())
    return true;
  return std::any_of(kMicro.begin(), kMicro.end(), [unit](std::string_view micro) {
    return unit.size() == micro.size() + 1 && unit.starts_with(micro) &&
           (unit.back() == 'V' || unit.back() == 'v');
  });
}

const char* to_string(ChannelType type) noexcept {
  switch (type) {
    case ChannelType::Eeg:
      return "EEG";
    case ChannelType::Eog:
      return "EOG";
    case ChannelType::Ecg:
      return "ECG";
    case ChannelType::Emg:
      return "EMG";
    case ChannelType::Respiration:
      return "Resp";
    case ChannelType::Other:
      return "Other";
    case ChannelType::Annotation:
      return "Annotation";
  }
  return "?";
}

}  // namespace eegtrack::io
