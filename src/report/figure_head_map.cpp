#include "eegtrack/report/figure_head_map.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "eegtrack/report/axis.hpp"
#include "eegtrack/report/colour_map.hpp"
#include "eegtrack/report/number_text.hpp"
#include "eegtrack/report/png_image.hpp"
#include "eegtrack/report/svg.hpp"
#include "eegtrack/sites/derivation.hpp"
#include "eegtrack/sites/position.hpp"

namespace eegtrack::report {
namespace {

constexpr double kWidth = 540.0;
constexpr double kHeight = 470.0;
constexpr double kRadius = 195.0;  // the equator; the Fpz-T7-Oz-T8 circle is at 0.8
constexpr double kCx = 222.0;
constexpr double kCy = 250.0;
constexpr double kDisc = 16.0;

HeadPoint project(const sites::ElectrodePosition& p) {
  const double theta = std::acos(std::clamp(p.z, -1.0, 1.0));  // from the vertex
  const double rho = std::hypot(p.x, p.y);
  const double r = theta / (std::numbers::pi / 2.0);
  if (rho < 1e-12)
    return {0.0, 0.0};
  return {r * p.x / rho, r * p.y / rho};
}

// Relative luminance decides the text colour on a disc.
bool dark(Rgb c) {
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b < 140.0;
}

void head_outline(Svg& svg) {
  const double r = kRadius;
  const Style outline{"head", "", "none", -1, "", -1};
  svg.circle(kCx, kCy, r, outline);
  // Nose and ears.
  svg.path("M " + coordinate(kCx - 14) + ' ' + coordinate(kCy - r + 1) + " L " + coordinate(kCx) +
               ' ' + coordinate(kCy - r - 18) + " L " + coordinate(kCx + 14) + ' ' +
               coordinate(kCy - r + 1),
           outline);
  for (const double side : {-1.0, 1.0}) {
    const double x = kCx + side * r;
    svg.path("M " + coordinate(x) + ' ' + coordinate(kCy - 28) + " Q " + coordinate(x + side * 16) +
                 ' ' + coordinate(kCy) + ' ' + coordinate(x) + ' ' + coordinate(kCy + 28),
             outline);
  }
  TextStyle side_label{Anchor::Middle, "small"};
  svg.text(kCx - r - 10, kCy + 48, "L", side_label);
  svg.text(kCx + r + 10, kCy + 48, "R", side_label);
}

}  // namespace

std::optional<HeadPoint> head_position(std::string_view label) {
  const auto derivation = sites::derivation_of(label);
  const auto electrodes = sites::electrodes_of(derivation);
  double x = 0.0, y = 0.0, z = 0.0;
  std::size_t n = 0;
  for (const auto& e : electrodes) {
    const auto p = sites::electrode_position(e);
    if (!p)
      return std::nullopt;
    x += p->x;
    y += p->y;
    z += p->z;
    ++n;
  }
  if (n == 0)
    return std::nullopt;
  const double norm = std::sqrt(x * x + y * y + z * z);
  if (norm < 1e-12)
    return std::nullopt;
  return project({x / norm, y / norm, z / norm});
}

std::string head_map(const std::vector<HeadValue>& values, const HeadMapParams& p,
                     std::string_view id) {
  Svg svg(kWidth, kHeight, id, p.title);
  svg.text(16.0, 20.0, p.title, {Anchor::Start, "panel-title"});
  head_outline(svg);
  std::string unplaced, doubled;
  const double span = p.high > p.low ? p.high - p.low : 1.0;
  // Places first: a derivation at the place of an earlier one (T7-P7 and P7-T7) is listed, not
  // drawn over it, and discs shrink so that close derivations (bipolar montages) do not overlap.
  struct Placed {
    const HeadValue* value;
    double x, y;
  };
  std::vector<Placed> placed;
  for (const auto& v : values) {
    const auto at = head_position(v.label);
    if (!at) {
      unplaced += (unplaced.empty() ? "" : ", ") + v.label;
      continue;
    }
    const double x = kCx + kRadius * at->x, y = kCy - kRadius * at->y;
    const auto same = std::find_if(placed.begin(), placed.end(), [&](const Placed& q) {
      return std::hypot(q.x - x, q.y - y) < 4.0;
    });
    if (same != placed.end()) {
      doubled += (doubled.empty() ? "" : ", ") + v.label + " (at " + same->value->label + ")";
      continue;
    }
    placed.push_back({&v, x, y});
  }
  // Each disc as large as its nearest neighbour allows; its value is written in it when it is
  // large enough, its name under it when that clears every disc and every name drawn before
  // (the title of each disc holds both in any case).
  std::vector<double> radius(placed.size(), kDisc);
  for (std::size_t i = 0; i < placed.size(); ++i)
    for (std::size_t j = 0; j < placed.size(); ++j)
      if (i != j)
        radius[i] =
            std::min(radius[i],
                     std::hypot(placed[i].x - placed[j].x, placed[i].y - placed[j].y) / 2.0 - 1.0);
  struct Box {
    double x0, y0, x1, y1;
  };
  std::vector<Box> taken;
  for (std::size_t i = 0; i < placed.size(); ++i) {
    radius[i] = std::max(radius[i], 7.0);
    taken.push_back({placed[i].x - radius[i], placed[i].y - radius[i], placed[i].x + radius[i],
                     placed[i].y + radius[i]});
  }
  const auto clear = [&](const Box& b) {
    return std::none_of(taken.begin(), taken.end(), [&](const Box& t) {
      return b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1;
    });
  };
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const auto& [v, x, y] = placed[i];
    const double disc = radius[i];
    const Rgb colour = v->value ? viridis((*v->value - p.low) / span) : kMissingColour;
    const std::string value_text = v->value ? fixed(*v->value, p.digits) : "n/a";
    svg.circle(x, y, disc, {"electrode", "", hex(colour), -1, "", -1},
               v->label + ": " + value_text + (p.unit.empty() ? "" : " " + p.unit));
    if (disc >= 11.0) {
      TextStyle value{Anchor::Middle, "disc-value"};
      value.middle_baseline = true;
      value.fill = v->value && dark(colour) ? "#ffffff" : "#111111";
      value.size_px = disc < kDisc ? 9.0 : 0.0;
      svg.text(x, y, value_text, value);
    }
    // The derivation's name under its disc: "T7" for "T7-avg".
    std::string name = v->label;
    if (name.size() > 4 && name.ends_with("-avg"))
      name.resize(name.size() - 4);
    const double w = text_width(name, 10.0);
    const Box box{x - w / 2.0, y + disc + 1.0, x + w / 2.0, y + disc + 12.0};
    if (clear(box)) {
      svg.text(x, y + disc + 10.0, name, {Anchor::Middle, "disc-label"});
      taken.push_back(box);
    }
  }
  if (!doubled.empty())
    unplaced += (unplaced.empty() ? "" : "; ") + std::string("same place as another: ") + doubled;
  // The colour bar.
  RgbImage bar(1, 128);
  for (std::size_t i = 0; i < 128; ++i)
    bar.set(0, i, viridis(1.0 - static_cast<double>(i) / 127.0));
  const double bx = 446.0, top = 90.0, h = 280.0;
  svg.image(bx, top, 14.0, h, png_data_uri(bar), false);
  svg.rect(bx, top, 14.0, h, {"frame", "", "none", -1, "", -1});
  const LinearScale scale(p.low, p.high, top + h, top);
  right_axis(
      svg, {bx, top, 14.0, h}, [&](double v) { return scale(v); }, linear_ticks(p.low, p.high, 5),
      p.unit);
  if (!unplaced.empty())
    svg.text(16.0, kHeight - 8.0, "not drawn: " + unplaced, {Anchor::Start, "small"});
  return svg.str();
}

}  // namespace eegtrack::report
