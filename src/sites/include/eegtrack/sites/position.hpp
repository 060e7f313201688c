#pragma once

// Idealised electrode positions on a sphere: good for neighbourhoods and field weights, not for
// source localisation.

#include <optional>
#include <string_view>

namespace eegtrack::sites {

/// Position on the unit sphere: x to the right ear, y to the nose, z to the vertex
/// (Cz = (0, 0, 1)).
struct ElectrodePosition {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;
};

/// Position of a canonical 10-10 electrode name ("T7", "Fp1", "Cz") from the 10-10 arc
/// fractions on a sphere (neighbouring 10-20 electrodes are 22-36 degrees apart).
/// @return nullopt for derivations, unknown names, Nz/Iz-row and ear/mastoid sites.
[[nodiscard]] std::optional<ElectrodePosition> electrode_position(std::string_view name);

/// Angle between two positions seen from the centre of the sphere, in degrees.
[[nodiscard]] double electrode_angle_deg(const ElectrodePosition& a, const ElectrodePosition& b);

}  // namespace eegtrack::sites
