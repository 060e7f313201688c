#include "seizure_onset_site.hpp"

#include <algorithm>
#include <numeric>

namespace eegtrack::detect::seizure_internal {

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
    if (channels[c].site->side == io::Side::Left)
      left += weights[c];
    else if (channels[c].site->side == io::Side::Right)
      right += weights[c];
  }
  if (order.empty())
    return out;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
  for (const std::size_t c : order)
    out.channels.push_back(channels[c].label);
  io::Side wanted = io::Side::Midline;
  if (left == 0.0 && right == 0.0) {
    out.side = Laterality::Midline;
  } else if (left >= dominance * right) {
    out.side = Laterality::Left;
    wanted = io::Side::Left;
  } else if (right >= dominance * left) {
    out.side = Laterality::Right;
    wanted = io::Side::Right;
  } else {
    out.side = Laterality::Bilateral;
  }
  out.focus = channels[order.front()].plus;
  if (out.side == Laterality::Bilateral)
    return out;
  for (const std::size_t c : order) {
    if (channels[c].site->side == wanted) {
      out.region = io::to_string(channels[c].site->region);
      out.focus = channels[c].plus;
      break;
    }
  }
  return out;
}

}  // namespace eegtrack::detect::seizure_internal
