// Positions of 10-10 electrodes on a unit sphere, derived from the name alone. The 10-10 system
// places electrodes at fixed fractions of great-circle arcs (Oostenveld & Praamstra, Clin
// Neurophysiol 2001;112:713-719), so a row's midline point, its point on the 72-degree ring
// (Fpz-T7-Oz) and the electrode number give the position. The result is a spherical idealisation:
// good for neighbourhoods and field weights, not for source localisation.
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "eegtrack/sites/electrodes.hpp"
#include "eegtrack/sites/position.hpp"

namespace eegtrack::sites {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kRingInclination = 72.0;  // degrees from the vertex: Fpz, T7, Oz lie on it

struct RowGeometry {
  std::string_view row;
  double midline_inclination_deg;  // signed: > 0 in front of Cz, < 0 behind
  double ring_azimuth_deg;         // azimuth from the nose of the row's number-7 (ring) point
};

// FT, T and TP continue the FC, C and CP arcs laterally; Fp and O rows are ring rows.
constexpr auto kRows = std::to_array<RowGeometry>({{"Fp", 72.0, 18.0},
                                                   {"AF", 54.0, 36.0},
                                                   {"F", 36.0, 54.0},
                                                   {"FC", 18.0, 72.0},
                                                   {"FT", 18.0, 72.0},
                                                   {"C", 0.0, 90.0},
                                                   {"T", 0.0, 90.0},
                                                   {"CP", -18.0, 108.0},
                                                   {"TP", -18.0, 108.0},
                                                   {"P", -36.0, 126.0},
                                                   {"PO", -54.0, 144.0},
                                                   {"O", -72.0, 162.0}});

ElectrodePosition on_sphere(double inclination_deg, double azimuth_deg) {
  const double inc = inclination_deg * kDegree;
  const double az = azimuth_deg * kDegree;
  return {std::sin(inc) * std::sin(az), std::sin(inc) * std::cos(az), std::cos(inc)};
}

// Point at fraction t of the great circle from a to b (t > 1 extrapolates beyond b).
ElectrodePosition slerp(const ElectrodePosition& a, const ElectrodePosition& b, double t) {
  const double cosine = a.x * b.x + a.y * b.y + a.z * b.z;
  const double omega = std::acos(std::clamp(cosine, -1.0, 1.0));
  if (omega < 1e-12)
    return a;
  const double wa = std::sin((1.0 - t) * omega) / std::sin(omega);
  const double wb = std::sin(t * omega) / std::sin(omega);
  return {wa * a.x + wb * b.x, wa * a.y + wb * b.y, wa * a.z + wb * b.z};
}

}  // namespace

std::optional<ElectrodePosition> electrode_position(std::string_view name) {
  if (!is_electrode(name))
    return std::nullopt;  // derivations and unknown names
  const auto end = name.find_first_of("0123456789z");
  const std::string_view row = name.substr(0, end);
  const std::string_view rest = name.substr(row.size());
  for (const RowGeometry& g : kRows) {
    if (g.row != row)
      continue;
    const double front = g.midline_inclination_deg >= 0.0 ? 1.0 : -1.0;
    const ElectrodePosition midline =
        on_sphere(std::abs(g.midline_inclination_deg), front > 0.0 ? 0.0 : 180.0);
    if (rest == "z")
      return midline;
    const int number = std::stoi(std::string(rest));
    const double lateral = number % 2 == 1 ? -1.0 : 1.0;  // odd numbers on the left (x < 0)
    const ElectrodePosition ring = on_sphere(kRingInclination, lateral * g.ring_azimuth_deg);
    // Fp1/Fp2 and O1/O2 are the ring points themselves; other rows step in quarters of the arc
    // from the midline (1/2 -> 1/4, 3/4 -> 1/2, 5/6 -> 3/4, 7/8 -> ring, 9/10 -> beyond).
    const bool ring_row = row == "Fp" || row == "O";
    const double t = ring_row ? 1.0 : static_cast<double>((number + 1) / 2) / 4.0;
    return slerp(midline, ring, t);
  }
  return std::nullopt;  // Nz, Iz rows and ear/mastoid sites: no position
}

double electrode_angle_deg(const ElectrodePosition& a, const ElectrodePosition& b) {
  const double cosine = a.x * b.x + a.y * b.y + a.z * b.z;
  return std::acos(std::clamp(cosine, -1.0, 1.0)) / kDegree;
}

}  // namespace eegtrack::sites
