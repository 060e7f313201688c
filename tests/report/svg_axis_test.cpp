// The SVG writer escapes every text, splits lines at gaps and prints compact coordinates; axes
// draw only ticks inside their area and leave out labels that would overlap.
#include <gtest/gtest.h>

#include <cmath>
#include <string_view>
#include <utility>

#include "eegtrack/report/axis.hpp"
#include "eegtrack/report/svg.hpp"

namespace eegtrack::report {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(Svg, TextsTitlesAndIdsAreEscaped) {
  Svg svg(100, 50, "fig\"1", "a <b> label");
  svg.text(1, 2, "<script>alert(1)</script>");
  svg.rect(0, 0, 10, 10, {}, "T7 & \"T8\"");
  const auto out = svg.str();
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_NE(out.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(out.find("<title>T7 &amp; &quot;T8&quot;</title>"), std::string::npos);
  EXPECT_NE(out.find("id=\"fig&quot;1\""), std::string::npos);
  EXPECT_NE(out.find("aria-label=\"a &lt;b&gt; label\""), std::string::npos);
}

TEST(Svg, PolylinesBreakAtGapsAndLoneValuesAreDots) {
  Svg svg(100, 50, "", "");
  const double nan = std::nan("");
  svg.polyline({{0, 0}, {1, 1}, {nan, nan}, {2, 2}, {nan, 0}, {3, 3}, {4, 4}}, {});
  const auto out = svg.str();
  EXPECT_EQ(count(out, "<polyline"), 2u);
  EXPECT_EQ(count(out, "<circle"), 1u);  // the lone (2, 2)
  EXPECT_NE(out.find("points=\"0,0 1,1\""), std::string::npos);
}

TEST(Svg, Coordinates) {
  EXPECT_EQ(coordinate(12.0), "12");
  EXPECT_EQ(coordinate(12.25), "12.2");  // round half to even of the printed decimal
  EXPECT_EQ(coordinate(-0.01), "0");
  EXPECT_EQ(coordinate(std::nan("")), "0");
}

// Labels are kept apart by their width in the reports' first font. The reference widths are
// DejaVu Sans's own, measured from DejaVuSans.ttf with Pillow (ImageFont.getlength at 1000 px,
// kerning off). Pseudonyms are mostly digits, which an average letter width underestimates
// by a seventh: a legend of patient pseudonyms overlapped.
TEST(Svg, TextWidthIsDejaVuSansAdvanceWidth) {
  const std::pair<const char*, double> measured[] = {
      {"pat-39067b91b98b37e4", 12154.84},
      {"rec-1135bc1f5d05ecf0", 11351.63},
      {"Encephalopathy index (0 normal, 1 severe)", 21671.5},
      {"WWW mmm iii 111", 9584.48},
      {"Fp1-F7 T3", 4983.44}};
  // The table holds whole thousandths of an em: half a thousandth per character at most.
  for (const auto& [text, width] : measured)
    EXPECT_NEAR(text_width(text, 1000.0), width,
                0.5 * static_cast<double>(std::string_view(text).size()))
        << text;
  // A character outside ASCII counts once however many bytes it takes, as a wide one.
  EXPECT_DOUBLE_EQ(text_width("\xC2\xB5V", 10.0), text_width("\xC2\xB5", 10.0) + 6.84);
  EXPECT_GT(text_width("\xC2\xB5", 10.0), 6.36);
}

TEST(Axis, LegibleTicksKeepLabelsApart) {
  // Labels 30 px wide every 20 px: every other one fits with a 6-px gap.
  const auto kept = legible_ticks({0, 20, 40, 60, 80}, {30, 30, 30, 30, 30}, 6.0);
  EXPECT_EQ(kept, (std::vector<std::size_t>{0, 2, 4}));
  EXPECT_EQ(legible_ticks({0, 100}, {30, 30}, 6.0).size(), 2u);
}

TEST(Axis, BottomAxisLabelsTicksInsideItsAreaAndItsTitle) {
  Svg svg(400, 100, "", "");
  const LinearScale x(0.0, 10.0, 50.0, 350.0);
  bottom_axis(
      svg, {50, 10, 300, 50}, [&](double v) { return x(v); },
      {{-1.0, "minus"}, {0.0, "zero"}, {10.0, "ten"}, {11.0, "eleven"}}, axis_title("Time", "s"));
  const auto out = svg.str();
  EXPECT_NE(out.find(">zero<"), std::string::npos);
  EXPECT_NE(out.find(">ten<"), std::string::npos);
  EXPECT_EQ(out.find(">minus<"), std::string::npos);
  EXPECT_EQ(out.find(">eleven<"), std::string::npos);
  EXPECT_NE(out.find(">Time (s)<"), std::string::npos);
}

}  // namespace
}  // namespace eegtrack::report
