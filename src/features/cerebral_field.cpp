#include "eegtrack/features/cerebral_field.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "eegtrack/sites/site.hpp"

namespace eegtrack::features {
namespace {

sites::ElectrodePosition centre_of(const std::vector<sites::ElectrodePosition>& at) {
  sites::ElectrodePosition sum;
  for (const auto& p : at) {
    sum.x += p.x;
    sum.y += p.y;
    sum.z += p.z;
  }
  const double norm = std::sqrt(sum.x * sum.x + sum.y * sum.y + sum.z * sum.z);
  return {sum.x / norm, sum.y / norm, sum.z / norm};
}

FieldChannel locate(const std::vector<std::string>& electrodes, double neighbour_deg) {
  FieldChannel ch;
  for (const auto& name : electrodes) {
    const auto pos = sites::electrode_position(name);
    if (!pos || std::find(ch.electrodes.begin(), ch.electrodes.end(), name) != ch.electrodes.end())
      continue;
    ch.electrodes.push_back(name);
    ch.anchors.push_back(*pos);
  }
  std::sort(ch.electrodes.begin(), ch.electrodes.end());
  bool compact = true;
  for (std::size_t i = 0; i < ch.anchors.size(); ++i)
    for (std::size_t j = i + 1; j < ch.anchors.size(); ++j)
      compact =
          compact && sites::electrode_angle_deg(ch.anchors[i], ch.anchors[j]) <= neighbour_deg;
  if (ch.anchors.size() > 1 && compact)
    ch.anchors = {centre_of(ch.anchors)};
  ch.frontal = !ch.electrodes.empty() &&
               std::all_of(ch.electrodes.begin(), ch.electrodes.end(), [](const auto& name) {
                 const auto site = sites::electrode_site(name);
                 return site && site->region == sites::Region::Frontal;
               });
  return ch;
}

bool are_neighbours(const FieldChannel& a, const FieldChannel& b, double neighbour_deg) {
  for (const auto& p : a.anchors)
    for (const auto& q : b.anchors)
      if (sites::electrode_angle_deg(p, q) <= neighbour_deg)
        return true;
  return false;
}

// A rejecting reason other than those a field may explain.
bool has_other_rejection(const ArtifactScreen& s, const ArtifactParams& p) {
  const auto explained = ArtifactReason::Amplitude | ArtifactReason::Clipping;
  const auto rejecting = static_cast<std::uint32_t>(s.reasons & p.reject_reasons);
  return (rejecting & ~static_cast<std::uint32_t>(explained)) != 0;
}

bool held_at_limit(const ArtifactScreen& s, const ArtifactParams& p) {
  return s.longest_clipped_run_s >= p.field_max_clip_run_s;
}

bool supports_field(const ArtifactScreen& s, const FieldChannel& ch, const ArtifactParams& p) {
  return !ch.anchors.empty() && has_any(s.reasons, ArtifactReason::Amplitude) &&
         !has_any(s.reasons, ArtifactReason::Flat) && !held_at_limit(s, p);
}

// Whether the candidate and its supporters make a field that no single electrode and no
// frontal (ocular) source explains.
bool is_cerebral_field(const FieldLayout& layout, std::size_t candidate,
                       const std::vector<std::size_t>& supporters) {
  std::vector<std::string> shared = layout.channels[candidate].electrodes;
  bool frontal = layout.channels[candidate].frontal;
  for (const std::size_t s : supporters) {
    const auto& el = layout.channels[s].electrodes;
    std::erase_if(
        shared, [&](const std::string& e) { return !std::binary_search(el.begin(), el.end(), e); });
    frontal = frontal && layout.channels[s].frontal;
  }
  return shared.empty() && !frontal;
}

}  // namespace

FieldLayout field_layout(std::span<const std::vector<std::string>> channel_electrodes,
                         const ArtifactParams& params) {
  validate(params);
  FieldLayout layout;
  for (const auto& electrodes : channel_electrodes)
    layout.channels.push_back(locate(electrodes, params.field_neighbour_deg));
  auto& ch = layout.channels;
  for (std::size_t a = 0; a < ch.size(); ++a)
    for (std::size_t b = 0; b < ch.size(); ++b)
      if (b != a && ch[b].electrodes != ch[a].electrodes &&
          are_neighbours(ch[a], ch[b], params.field_neighbour_deg))
        ch[a].neighbours.push_back(b);
  return layout;
}

void spare_cerebral_fields(std::span<ArtifactScreen> screens, const FieldLayout& layout,
                           const ArtifactParams& params) {
  if (screens.size() != layout.channels.size())
    throw std::invalid_argument("spare_cerebral_fields: " + std::to_string(screens.size()) +
                                " screens for a layout of " +
                                std::to_string(layout.channels.size()) + " channels");
  if (!params.spare_high_amplitude_fields)
    return;
  const auto& p = params;
  // Decided on the screens as measured, before any entry is relabelled.
  std::vector<bool> support(screens.size());
  for (std::size_t c = 0; c < screens.size(); ++c)
    support[c] = supports_field(screens[c], layout.channels[c], p);
  std::vector<std::size_t> spared;
  std::vector<std::size_t> supporters;
  for (std::size_t c = 0; c < screens.size(); ++c) {
    const auto& s = screens[c];
    if (!support[c] || has_other_rejection(s, p))
      continue;
    supporters.clear();
    for (const std::size_t n : layout.channels[c].neighbours) {
      // A repeated or reversed derivation (T7-P7 and P7-T7) is one more view of the same
      // electrodes, not one more neighbour.
      const auto& el = layout.channels[n].electrodes;
      const bool repeated = std::any_of(supporters.begin(), supporters.end(), [&](std::size_t k) {
        return layout.channels[k].electrodes == el;
      });
      if (support[n] && !repeated)
        supporters.push_back(n);
    }
    if (supporters.size() >= p.field_min_neighbours && is_cerebral_field(layout, c, supporters))
      spared.push_back(c);
  }
  for (const std::size_t c : spared) {
    auto& s = screens[c];
    const auto kept =
        static_cast<std::uint32_t>(s.reasons) &
        ~static_cast<std::uint32_t>(ArtifactReason::Amplitude | ArtifactReason::Clipping);
    s.reasons = static_cast<ArtifactReason>(kept) | ArtifactReason::HighAmplitudeField;
    s.rejected = has_any(s.reasons, p.reject_reasons);
  }
}

}  // namespace eegtrack::features
