#pragma once
// A head map: the scalp seen from above (nose up, left ear on the left), each electrode of the
// 10-20 layout a disc coloured by its value (viridis) with the value written in it. A bipolar or
// average derivation sits at the mean position of its electrodes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eegtrack::report {

/// One electrode's or derivation's value.
struct HeadValue {
  std::string label;  ///< "T7", "T7-avg", "Fp1-F7"
  std::optional<double> value;
};

/// Where a label sits on the drawing of a head centred at the origin, x to the right ear, y to
/// the nose: azimuthal equidistant projection from the vertex, radius = angle from Cz / 90°, so
/// Cz is at the centre, the sphere's equator at radius 1 and the Fpz-T7-Oz-T8 circle (10 % of
/// the nasion-inion arc above it, sites::electrode_position) at radius 0.8; nullopt for labels
/// without a known electrode.
struct HeadPoint {
  double x = 0.0;
  double y = 0.0;
};
[[nodiscard]] std::optional<HeadPoint> head_position(std::string_view label);

struct HeadMapParams {
  std::string title;  ///< "Relative delta (median over clean epochs)"
  std::string unit;   ///< of the colour bar, e.g. "fraction of 1–30 Hz power", "per hour"
  int digits = 2;     ///< decimals of the written values
  double low = 0.0;   ///< colour scale
  double high = 1.0;
};

/// The map as an <svg> element (labels that cannot be placed are listed under it).
[[nodiscard]] std::string head_map(const std::vector<HeadValue>& values,
                                   const HeadMapParams& params, std::string_view id);

}  // namespace eegtrack::report
