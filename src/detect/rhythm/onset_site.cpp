#include "onset_site.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

namespace eegtrack::detect::detail {

namespace {

// The electrode two bipolar derivations have in common ("F4-C4", "C4-P4" -> "C4"), or empty.
std::string shared_electrode(const DetectionChannel& a, const DetectionChannel& b) {
  if (a.minus.empty() || b.minus.empty() || a.minus == sites::kAverageReference ||
      b.minus == sites::kAverageReference)
    return {};
  for (const std::string& x : {a.plus, a.minus}) {
    if (!x.empty() && (x == b.plus || x == b.minus))
      return x;
  }
  return {};
}

}  // namespace

OnsetSite locate_onset(const std::vector<DetectionChannel>& channels,
                       const std::vector<double>& weights, double dominance) {
  OnsetSite out;
  std::vector<std::size_t> order;
  double left = 0.0;
  double right = 0.0;
  for (std::size_t c = 0; c < channels.size() && c < weights.size(); ++c) {
    if (!(weights[c] > 0.0) || !channels[c].site)
      continue;
    order.push_back(c);
    if (channels[c].site->side == sites::Side::Left)
      left += weights[c];
    else if (channels[c].site->side == sites::Side::Right)
      right += weights[c];
  }
  if (order.empty())
    return out;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
  for (const std::size_t c : order)
    out.channels.push_back(channels[c].label);
  sites::Side wanted = sites::Side::Midline;
  if (left == 0.0 && right == 0.0) {
    out.side = sites::Laterality::Midline;
  } else if (left >= dominance * right) {
    out.side = sites::Laterality::Left;
    wanted = sites::Side::Left;
  } else if (right >= dominance * left) {
    out.side = sites::Laterality::Right;
    wanted = sites::Side::Right;
  } else {
    out.side = sites::Laterality::Bilateral;
  }
  out.focus = channels[order.front()].plus;
  if (out.side == sites::Laterality::Bilateral)
    return out;
  std::vector<std::size_t> on_side;
  for (const std::size_t c : order) {
    if (channels[c].site->side == wanted)
      on_side.push_back(c);
  }
  if (on_side.empty())
    return out;
  const DetectionChannel& strongest = channels[on_side[0]];
  out.region = strongest.site->region;
  out.focus = strongest.plus;
  // Bipolar chains: the electrode shared by the two strongest derivations is the maximum
  // (the phase-reversal electrode), not the first electrode of the strongest derivation.
  if (on_side.size() >= 2) {
    const std::string shared = shared_electrode(strongest, channels[on_side[1]]);
    const auto site = shared.empty() ? std::nullopt : sites::electrode_site(shared);
    if (site) {
      out.focus = shared;
      out.region = site->region;
    }
  }
  return out;
}

}  // namespace eegtrack::detect::detail
