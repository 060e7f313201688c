#pragma once
// Colours of the figures. Viridis (van der Walt and Smith, matplotlib 2015) for every quantity
// drawn as colour: perceptually uniform, readable in grey and by colour-blind readers; its low
// end is dark purple, its high end yellow. Okabe-Ito colours for lines that must be told apart.

#include <cstdint>
#include <string>

namespace eegtrack::report {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// Viridis at t in [0, 1] (clamped; NaN gives the low end), linearly interpolated between the
/// 256 entries of matplotlib's table: viridis(0) = #440154, viridis(1) = #fde725.
[[nodiscard]] Rgb viridis(double t) noexcept;

/// Colour drawn where a value is missing (no clean data): light grey.
inline constexpr Rgb kMissingColour{0xD9, 0xD9, 0xD9};

/// "#rrggbb".
[[nodiscard]] std::string hex(Rgb colour);

/// The Okabe-Ito palette without its black and yellow (too light on white): blue, vermillion,
/// bluish green, reddish purple, orange, sky blue; index wraps around.
[[nodiscard]] Rgb series_colour(std::size_t index) noexcept;

}  // namespace eegtrack::report
