#pragma once
// A small SVG writer for the report's figures. Coordinates are user units of the figure's
// viewBox (one unit is one CSS pixel at full size; the figure shrinks with a narrow page). Every
// text and title passes through escape_html; styles come from the report's style sheet
// (classes) or from colours the figure code chooses.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eegtrack::report {

struct Point {
  double x = 0.0;
  double y = 0.0;
};

/// How a shape is painted: a class of the style sheet and/or explicit paint. Empty strings and
/// negative numbers leave the property to the style sheet.
struct Style {
  std::string cls;
  std::string stroke;
  std::string fill;
  double stroke_width = -1.0;
  std::string dash;       ///< stroke-dasharray, e.g. "4 3"
  double opacity = -1.0;  ///< fill-opacity for filled shapes, stroke-opacity for lines
};

enum class Anchor { Start, Middle, End };

struct TextStyle {
  TextStyle() = default;
  TextStyle(Anchor a, std::string css_class, double rotate = 0.0)
      : anchor(a), cls(std::move(css_class)), rotate_deg(rotate) {}

  Anchor anchor = Anchor::Start;
  std::string cls;          ///< e.g. "axis-label", "tick", "small"
  double rotate_deg = 0.0;  ///< about the text's anchor point (-90: reads upwards)
  std::string fill;
  double size_px = 0.0;  ///< 0: from the style sheet
  bool bold = false;
  bool middle_baseline = false;  ///< vertically centred on y instead of sitting on it
};

class Svg {
 public:
  /// A figure of width x height user units; `id` (may be empty) is the element id, `label` its
  /// accessible name (role="img", aria-label).
  Svg(double width, double height, std::string_view id, std::string_view label);

  void line(double x1, double y1, double x2, double y2, const Style& style);
  void rect(double x, double y, double w, double h, const Style& style,
            std::string_view title = {});
  void circle(double cx, double cy, double r, const Style& style, std::string_view title = {});
  /// One polyline per run of finite points: a NaN coordinate ends a run (a gap in the data).
  void polyline(const std::vector<Point>& points, const Style& style);
  /// A closed polygon (filled areas).
  void polygon(const std::vector<Point>& points, const Style& style);
  /// A path from path data the figure code built from numbers only.
  void path(std::string_view d, const Style& style);
  void text(double x, double y, std::string_view text, const TextStyle& style = {});
  /// An embedded image (a data: URI) stretched over the box; `pixelated` keeps cells square
  /// instead of blending them.
  void image(double x, double y, double w, double h, std::string_view data_uri, bool pixelated);
  /// Groups: everything drawn until close_group() shares `cls` (and clips to `clip_id` when
  /// given, see clip_rect).
  void open_group(std::string_view cls, std::string_view clip_id = {});
  void close_group();
  /// Defines a rectangular clip path named `id` for later groups.
  void clip_rect(std::string_view id, double x, double y, double w, double h);

  [[nodiscard]] double width() const noexcept { return width_; }
  [[nodiscard]] double height() const noexcept { return height_; }
  /// The complete <svg> element.
  [[nodiscard]] std::string str() const;

 private:
  double width_;
  double height_;
  std::string open_;
  std::string defs_;
  std::string body_;
  int open_groups_ = 0;
};

/// A coordinate as the writer prints it (one decimal, no "-0.0").
[[nodiscard]] std::string coordinate(double v);

/// Width of `text` in px at `size_px` in the reports' first font, DejaVu Sans, from its advance
/// widths (no kerning; other fonts of the list are narrower): for keeping labels apart, not for
/// typesetting.
[[nodiscard]] double text_width(std::string_view text, double size_px);

}  // namespace eegtrack::report
