// Montage planning (once per recording, from labels) and application (per chunk, on samples).
#include "eegtrack/io/montage.hpp"

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "eegtrack/sites/site.hpp"

namespace eegtrack::io {

namespace {

using Pair = std::pair<std::string, std::string>;

// EEG channels that may take part: not excluded, first of each normalized label.
std::vector<int> usable_channels(const std::vector<ChannelName>& channels,
                                 const std::vector<bool>& excluded,
                                 std::vector<std::string>& warnings) {
  std::vector<int> usable;
  std::map<std::string, int> first;
  for (int i = 0; i < static_cast<int>(channels.size()); ++i) {
    const ChannelName& c = channels[static_cast<std::size_t>(i)];
    if (c.type != ChannelType::Eeg || excluded[static_cast<std::size_t>(i)])
      continue;
    const auto [it, inserted] = first.emplace(c.normalized, i);
    if (!inserted) {
      warnings.push_back(c.normalized + ": channel " + std::to_string(i) +
                         " ignored, same label as channel " + std::to_string(it->second));
      continue;
    }
    usable.push_back(i);
  }
  return usable;
}

bool is_scalp_referential(const ChannelName& c) {
  if (c.bipolar || c.plus.empty())
    return false;
  const auto site = sites::electrode_site(c.plus);
  return site && site->region != sites::Region::Auricular;
}

void plan_average(MontagePlan& plan, const std::vector<ChannelName>& channels,
                  const std::vector<int>& usable) {
  std::string left_out;
  for (const int i : usable) {
    const ChannelName& c = channels[static_cast<std::size_t>(i)];
    if (is_scalp_referential(c)) {
      plan.average_members.push_back(i);
      plan.derivations.push_back({c.plus + "-avg", i, -1, true});
    } else {
      left_out += (left_out.empty() ? "" : ", ") + c.normalized;
    }
  }
  // A fact about the recording, shown to users as it is (analyze's warning, the EEG pages):
  // no function name in front.
  if (plan.average_members.size() < 2)
    throw std::invalid_argument(
        "the common average needs at least 2 referential EEG scalp channels (" +
        std::to_string(plan.average_members.size()) +
        " found; bipolar recordings cannot be re-referenced)");
  if (!left_out.empty())
    plan.warnings.push_back("average: left out (bipolar, ear/mastoid or unknown): " + left_out);
}

std::string missing_text(const ElectrodePair& pair, const std::map<std::string, int>& referential,
                         const std::set<std::string>& excluded_electrodes) {
  std::string text;
  for (const std::string_view e : {pair.plus, pair.minus}) {
    if (referential.count(std::string(e)) != 0)
      continue;
    text += (text.empty() ? "" : ", ") + std::string(e);
    if (excluded_electrodes.count(std::string(e)) != 0)
      text += " (excluded)";
  }
  return text;
}

void plan_bipolar(MontagePlan& plan, const std::vector<ChannelName>& channels,
                  const std::vector<int>& usable,
                  const std::set<std::string>& excluded_electrodes) {
  std::map<Pair, int> recorded;
  std::map<std::string, int> referential;
  for (const int i : usable) {
    const ChannelName& c = channels[static_cast<std::size_t>(i)];
    if (c.bipolar)
      recorded.emplace(Pair{c.plus, c.minus}, i);
    else if (!c.plus.empty())
      referential.emplace(c.plus, i);
  }
  for (const ElectrodePair& pair : montage_pairs(plan.kind)) {
    const std::string label = std::string(pair.plus) + "-" + std::string(pair.minus);
    if (const auto it = recorded.find(Pair{pair.plus, pair.minus}); it != recorded.end()) {
      plan.derivations.push_back({label, it->second, -1, false});
      continue;
    }
    const auto p = referential.find(std::string(pair.plus));
    const auto m = referential.find(std::string(pair.minus));
    if (p == referential.end() || m == referential.end()) {
      plan.warnings.push_back(label + " skipped: no channel for " +
                              missing_text(pair, referential, excluded_electrodes));
      continue;
    }
    const ChannelName& cp = channels[static_cast<std::size_t>(p->second)];
    const ChannelName& cm = channels[static_cast<std::size_t>(m->second)];
    if (cp.reference != cm.reference)
      plan.warnings.push_back(label + ": electrodes recorded against different references (" +
                              cp.reference + ", " + cm.reference + ")");
    plan.derivations.push_back({label, p->second, m->second, false});
  }
}

// Length shared by every channel the plan reads; throws if they differ or are missing.
std::size_t checked_length(const MontagePlan& plan,
                           std::span<const std::span<const double>> samples) {
  std::size_t length = 0;
  bool seen = false;
  const auto check = [&](int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= samples.size())
      throw std::invalid_argument("apply_montage: channel index outside channel_samples (" +
                                  std::to_string(index) + ")");
    const std::size_t n = samples[static_cast<std::size_t>(index)].size();
    if (seen && n != length)
      throw std::invalid_argument("apply_montage: channel " + std::to_string(index) + " has " +
                                  std::to_string(n) + " samples, others " + std::to_string(length));
    length = n;
    seen = true;
  };
  for (const Derivation& d : plan.derivations) {
    check(d.plus);
    if (d.minus >= 0)
      check(d.minus);
  }
  for (const int i : plan.average_members)
    check(i);
  return length;
}

}  // namespace

MontagePlan plan_montage(MontageKind kind, const std::vector<ChannelName>& channels,
                         std::span<const int> excluded) {
  std::vector<bool> is_excluded(channels.size(), false);
  std::set<std::string> excluded_electrodes;
  for (const int i : excluded) {
    if (i < 0 || i >= static_cast<int>(channels.size()))
      throw std::invalid_argument("plan_montage: excluded channel index out of range (" +
                                  std::to_string(i) + ")");
    is_excluded[static_cast<std::size_t>(i)] = true;
    excluded_electrodes.insert(channels[static_cast<std::size_t>(i)].plus);
  }
  MontagePlan plan;
  plan.kind = kind;
  const std::vector<int> usable = usable_channels(channels, is_excluded, plan.warnings);
  switch (kind) {
    case MontageKind::Referential:
      for (const int i : usable)
        plan.derivations.push_back({channels[static_cast<std::size_t>(i)].normalized, i, -1});
      break;
    case MontageKind::Average:
      plan_average(plan, channels, usable);
      break;
    case MontageKind::LongitudinalBipolar:
    case MontageKind::TransverseBipolar:
      plan_bipolar(plan, channels, usable, excluded_electrodes);
      break;
  }
  return plan;
}

void apply_montage(const MontagePlan& plan,
                   std::span<const std::span<const double>> channel_samples,
                   std::span<const std::span<double>> out) {
  const std::size_t n = checked_length(plan, channel_samples);
  if (out.size() != plan.derivations.size())
    throw std::invalid_argument("apply_montage: out has " + std::to_string(out.size()) +
                                " spans for " + std::to_string(plan.derivations.size()) +
                                " derivations");
  for (const auto& o : out) {
    if (o.size() != n)
      throw std::invalid_argument("apply_montage: output span of " + std::to_string(o.size()) +
                                  " samples, input has " + std::to_string(n));
  }
  std::vector<double> mean(plan.average_members.empty() ? 0 : n, 0.0);
  for (const int i : plan.average_members) {
    const auto x = channel_samples[static_cast<std::size_t>(i)];
    for (std::size_t t = 0; t < n; ++t)
      mean[t] += x[t];
  }
  const double scale =
      plan.average_members.empty() ? 0.0 : 1.0 / static_cast<double>(plan.average_members.size());
  for (double& m : mean)
    m *= scale;
  for (std::size_t k = 0; k < plan.derivations.size(); ++k) {
    const Derivation& d = plan.derivations[k];
    const auto x = channel_samples[static_cast<std::size_t>(d.plus)];
    const auto y = d.minus_is_average ? std::span<const double>(mean)
                   : d.minus >= 0     ? channel_samples[static_cast<std::size_t>(d.minus)]
                                      : std::span<const double>();
    for (std::size_t t = 0; t < n; ++t)
      out[k][t] = y.empty() ? x[t] : x[t] - y[t];
  }
}

std::vector<std::vector<double>> apply_montage(
    const MontagePlan& plan, std::span<const std::span<const double>> channel_samples) {
  const std::size_t n = checked_length(plan, channel_samples);
  std::vector<std::vector<double>> out(plan.derivations.size(), std::vector<double>(n));
  std::vector<std::span<double>> views(out.begin(), out.end());
  apply_montage(plan, channel_samples, views);
  return out;
}

std::vector<sites::Derivation> derivation_electrodes(const MontagePlan& plan,
                                                     const std::vector<ChannelName>& channels) {
  std::vector<sites::Derivation> out;
  out.reserve(plan.derivations.size());
  for (const Derivation& d : plan.derivations) {
    const ChannelName& plus = channels.at(static_cast<std::size_t>(d.plus));
    sites::Derivation e{d.label, plus.plus, {}};
    if (d.minus_is_average)
      e.minus = std::string(sites::kAverageReference);
    else if (d.minus >= 0)
      e.minus = channels.at(static_cast<std::size_t>(d.minus)).plus;
    else
      e.minus = plus.minus;  // as recorded: a bipolar channel's second electrode, else none
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace eegtrack::io
