#include "eegtrack/pipeline/channel_selection.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/io/text_escape.hpp"

namespace eegtrack::pipeline {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos)
    return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::vector<io::ChannelName> channel_names(const io::Header& header) {
  std::vector<io::ChannelName> names;
  for (const auto& signal : header.signals) {
    names.push_back(io::normalize_channel(signal.label, signal.physical_dimension,
                                          signal.transducer, signal.is_annotation));
  }
  return names;
}

/// The rate every selected channel must share: that of the first EEG signal, else the first
/// data signal's (mixed-rate files keep EEG at one rate and slow channels at others).
double reference_rate(const io::Header& header, const std::vector<io::ChannelName>& names) {
  for (const int i : header.data_signals()) {
    if (names[i].type == io::ChannelType::Eeg)
      return header.signals[i].sample_rate_hz;
  }
  return header.signals[header.data_signals().front()].sample_rate_hz;
}

int find_signal(const io::Header& header, const std::vector<io::ChannelName>& names,
                const std::string& wanted) {
  const auto key = lower(trim(wanted));
  for (const int i : header.data_signals()) {
    if (lower(trim(header.signals[i].label)) == key || lower(names[i].normalized) == key)
      return i;
  }
  std::string available;
  for (const int i : header.data_signals())
    available += (available.empty() ? "" : ", ") + header.signals[i].label;
  throw io::UsageError(header.path.string() + ": no channel '" + wanted +
                       "' (channels: " + available + ")");
}

// Whether two signals record the same derivation: one electrode against another in either
// order (the reversed one is the same trace negated), or one electrode against the same
// reference. Labels that name no electrode are never the same.
bool same_derivation(const io::ChannelName& a, const io::ChannelName& b) {
  if (a.plus.empty() || b.plus.empty() || a.bipolar != b.bipolar)
    return false;
  if (a.bipolar)
    return (a.plus == b.plus && a.minus == b.minus) || (a.plus == b.minus && a.minus == b.plus);
  return a.plus == b.plus && lower(a.reference) == lower(b.reference);
}

// Whether signal i records the derivation of a signal already kept; if so, a warning names both.
bool duplicates_kept(const io::Header& header, const std::vector<io::ChannelName>& names,
                     const std::vector<int>& kept, int i, std::vector<std::string>& warnings) {
  for (const int k : kept) {
    if (!same_derivation(names[i], names[k]))
      continue;
    const bool reversed = names[i].bipolar && names[i].plus != names[k].plus;
    warnings.push_back("left out " + io::escape_bytes(header.signals[i].label) + " (signal " +
                       std::to_string(i) + "): " + (reversed ? "the reverse of " : "a repeat of ") +
                       io::escape_bytes(header.signals[k].label) + " (signal " + std::to_string(k) +
                       "), which is analysed");
    return true;
  }
  return false;
}

std::string rate_text(double rate_hz) {
  std::ostringstream text;
  text << rate_hz << " Hz";
  return text.str();
}

Selection select_referential(const io::Header& header, const std::vector<io::ChannelName>& names,
                             const SelectionRequest& request) {
  Selection out;
  out.sample_rate_hz = reference_rate(header, names);
  if (request.channels.empty()) {
    for (const int i : header.data_signals()) {
      if (request.eeg_only && names[i].type != io::ChannelType::Eeg) {
        out.warnings.push_back("left out " + io::escape_bytes(header.signals[i].label) + " (" +
                               io::to_string(names[i].type) + ", not EEG)");
        continue;
      }
      if (header.signals[i].sample_rate_hz == out.sample_rate_hz) {
        if (!request.distinct_derivations ||
            !duplicates_kept(header, names, out.signals, i, out.warnings))
          out.signals.push_back(i);
      } else {
        out.warnings.push_back("skipped " + io::escape_bytes(header.signals[i].label) + " (" +
                               rate_text(header.signals[i].sample_rate_hz) + ", not " +
                               rate_text(out.sample_rate_hz) +
                               "); select it alone with --channels");
      }
    }
  } else {
    for (const auto& wanted : request.channels)
      out.signals.push_back(find_signal(header, names, wanted));
    out.sample_rate_hz = header.signals[out.signals.front()].sample_rate_hz;
    for (const int i : out.signals) {
      if (header.signals[i].sample_rate_hz != out.sample_rate_hz) {
        throw io::UsageError(header.path.string() + ": channels " +
                             header.signals[out.signals.front()].label + " (" +
                             rate_text(out.sample_rate_hz) + ") and " + header.signals[i].label +
                             " (" + rate_text(header.signals[i].sample_rate_hz) +
                             ") have different sample rates; select channels of one rate");
      }
    }
  }
  if (request.eeg_only && out.signals.empty())
    throw io::UsageError(header.path.string() +
                         ": no EEG channel to analyse (every data signal "
                         "is EOG, ECG, EMG, respiration or unrecognised)");
  out.plan.kind = io::MontageKind::Referential;
  for (std::size_t k = 0; k < out.signals.size(); ++k) {
    const auto& signal = header.signals[out.signals[k]];
    // Labels leave the reader here for every output: bytes that are not UTF-8 (Latin-1 labels)
    // are escaped so JSON, HDF5 and TSV can hold them.
    const std::string label = io::escape_bytes(signal.label);
    out.plan.derivations.push_back(io::Derivation{.label = label, .plus = static_cast<int>(k)});
    out.labels.push_back(label);
    out.units.push_back(io::escape_bytes(signal.unit));
  }
  return out;
}

bool derivation_matches(const io::Derivation& derivation, const std::string& wanted) {
  return lower(derivation.label) == lower(trim(wanted));
}

Selection select_derived(const io::Header& header, const std::vector<io::ChannelName>& names,
                         const SelectionRequest& request) {
  Selection out;
  out.sample_rate_hz = reference_rate(header, names);
  std::vector<io::ChannelName> inputs;
  for (const int i : header.data_signals()) {
    if (names[i].type != io::ChannelType::Eeg)
      continue;
    if (header.signals[i].sample_rate_hz != out.sample_rate_hz) {
      out.warnings.push_back("skipped " + io::escape_bytes(header.signals[i].label) +
                             " (sample rate differs)");
      continue;
    }
    if (request.distinct_derivations &&
        duplicates_kept(header, names, out.signals, i, out.warnings))
      continue;
    out.signals.push_back(i);
    inputs.push_back(names[i]);
  }
  if (out.signals.empty()) {
    throw io::UsageError(header.path.string() + ": no EEG channels for the " +
                         io::to_string(request.montage) + " montage");
  }
  std::vector<int> excluded;
  for (const auto& label : request.average_excluded) {
    const int signal = find_signal(header, names, label);
    const auto at = std::find(out.signals.begin(), out.signals.end(), signal);
    if (at != out.signals.end())
      excluded.push_back(static_cast<int>(at - out.signals.begin()));
  }
  out.plan = io::plan_montage(request.montage, inputs, excluded);
  for (const auto& warning : out.plan.warnings)
    out.warnings.push_back(warning);
  if (!request.channels.empty()) {
    std::vector<io::Derivation> kept;
    for (const auto& wanted : request.channels) {
      const auto at =
          std::find_if(out.plan.derivations.begin(), out.plan.derivations.end(),
                       [&](const io::Derivation& d) { return derivation_matches(d, wanted); });
      if (at == out.plan.derivations.end()) {
        throw io::UsageError(header.path.string() + ": the " + io::to_string(request.montage) +
                             " montage has no derivation '" + wanted + "'");
      }
      kept.push_back(*at);
    }
    out.plan.derivations = kept;
  }
  if (out.plan.derivations.empty()) {
    throw io::UsageError(header.path.string() + ": the " + io::to_string(request.montage) +
                         " montage has no derivation for these channels");
  }
  for (const auto& derivation : out.plan.derivations) {
    out.labels.push_back(derivation.label);
    out.units.push_back("uV");
  }
  return out;
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream list(text);
  std::string item;
  while (std::getline(list, item, ',')) {
    item = trim(item);
    if (!item.empty())
      items.push_back(item);
  }
  return items;
}

Selection select_channels(const io::Header& header, const SelectionRequest& request) {
  if (header.data_signals().empty()) {
    throw io::EdfError(header.path, "contains only annotation signals; data signals are needed");
  }
  const auto names = channel_names(header);
  return request.montage == io::MontageKind::Referential
             ? select_referential(header, names, request)
             : select_derived(header, names, request);
}

}  // namespace eegtrack::pipeline
