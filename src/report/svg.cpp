#include "eegtrack/report/svg.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "eegtrack/report/html_escape.hpp"

namespace eegtrack::report {
namespace {

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string chains.
std::string name_value(std::string_view name, const std::string& value) {
  std::string out;
  out.reserve(name.size() + value.size() + 4);
  out.append(" ").append(name).append("=\"").append(value).append("\"");
  return out;
}

std::string attribute(std::string_view name, std::string_view value) {
  return value.empty() ? std::string() : name_value(name, escape_html(value));
}

std::string number_attribute(std::string_view name, double value) {
  return name_value(name, coordinate(value));
}

std::string style_attributes(const Style& s, bool filled) {
  std::string out = attribute("class", s.cls) + attribute("stroke", s.stroke) +
                    attribute("fill", s.fill) + attribute("stroke-dasharray", s.dash);
  if (s.stroke_width >= 0.0) {
    char w[32];
    std::snprintf(w, sizeof w, "%.2g", s.stroke_width);
    out += attribute("stroke-width", w);
  }
  if (s.opacity >= 0.0) {
    char o[32];
    std::snprintf(o, sizeof o, "%.3g", s.opacity);
    out += attribute(filled ? "fill-opacity" : "stroke-opacity", o);
  }
  return out;
}

std::string closing(std::string_view element, std::string_view title) {
  if (title.empty())
    return "/>";
  return "><title>" + escape_html(title) + "</title></" + std::string(element) + ">";
}

std::string points_text(const std::vector<Point>& points, std::size_t begin, std::size_t end) {
  std::string out;
  out.reserve((end - begin) * 12);
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin)
      out += ' ';
    out += coordinate(points[i].x);
    out += ',';
    out += coordinate(points[i].y);
  }
  return out;
}

}  // namespace

std::string coordinate(double v) {
  if (!std::isfinite(v))
    return "0";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  std::string out(text);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0)
    out.resize(out.size() - 2);
  if (out == "-0")
    out = "0";
  return out;
}

namespace {

// Advance widths of printable ASCII (' ' to '~') in DejaVu Sans, the reports' first font, in
// thousandths of an em (read from DejaVuSans.ttf). Digits are all 0.636 em: a pseudonym of hex
// digits is wider than letters of average width suggest.
constexpr std::array<std::uint16_t, 95> kDejaVuSansAdvance = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361,  318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635,  611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352,  635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,  525, 636, 337, 636, 838};

// Any other character (µ, °, dashes, letters with accents): about the widest common ones.
constexpr double kOtherAdvanceEm = 0.75;

}  // namespace

double text_width(std::string_view text, double size_px) {
  double em = 0.0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80)
      continue;  // a UTF-8 continuation byte: the character was counted at its first byte
    if (c >= 0x20 && c < 0x7F)
      em += kDejaVuSansAdvance[c - 0x20] / 1000.0;
    else
      em += kOtherAdvanceEm;
  }
  return em * size_px;
}

Svg::Svg(double width, double height, std::string_view id, std::string_view label)
    : width_(width), height_(height) {
  open_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + coordinate(width) + ' ' +
          coordinate(height) + '"' + number_attribute("width", width) +
          number_attribute("height", height) + attribute("id", id) + " role=\"img\"" +
          attribute("aria-label", label) + '>';
}

void Svg::line(double x1, double y1, double x2, double y2, const Style& style) {
  body_ += "<line" + number_attribute("x1", x1) + number_attribute("y1", y1) +
           number_attribute("x2", x2) + number_attribute("y2", y2) +
           style_attributes(style, false) + "/>";
}

void Svg::rect(double x, double y, double w, double h, const Style& style, std::string_view title) {
  body_ += "<rect" + number_attribute("x", x) + number_attribute("y", y) +
           number_attribute("width", std::max(0.0, w)) +
           number_attribute("height", std::max(0.0, h)) + style_attributes(style, true) +
           closing("rect", title);
}

void Svg::circle(double cx, double cy, double r, const Style& style, std::string_view title) {
  body_ += "<circle" + number_attribute("cx", cx) + number_attribute("cy", cy) +
           number_attribute("r", r) + style_attributes(style, true) + closing("circle", title);
}

void Svg::polyline(const std::vector<Point>& points, const Style& style) {
  std::size_t i = 0;
  while (i < points.size()) {
    while (i < points.size() && !(std::isfinite(points[i].x) && std::isfinite(points[i].y)))
      ++i;
    std::size_t j = i;
    while (j < points.size() && std::isfinite(points[j].x) && std::isfinite(points[j].y))
      ++j;
    if (j - i == 1) {
      // A lone value between gaps is still data: a dot in the line's colour.
      const double r = style.stroke_width > 0 ? style.stroke_width : 1.5;
      body_ += "<circle" + number_attribute("cx", points[i].x) +
               number_attribute("cy", points[i].y) + number_attribute("r", r) +
               attribute("fill", style.stroke.empty() ? "currentColor" : style.stroke) + "/>";
    } else if (j > i) {
      body_ += "<polyline fill=\"none\" points=\"" + points_text(points, i, j) + '"' +
               style_attributes(style, false) + "/>";
    }
    i = j;
  }
}

void Svg::polygon(const std::vector<Point>& points, const Style& style) {
  if (points.size() < 3)
    return;
  body_ += "<polygon points=\"" + points_text(points, 0, points.size()) + '"' +
           style_attributes(style, true) + "/>";
}

void Svg::path(std::string_view d, const Style& style) {
  body_ += "<path" + attribute("d", d) + style_attributes(style, false) + "/>";
}

void Svg::text(double x, double y, std::string_view content, const TextStyle& style) {
  const char* anchor = style.anchor == Anchor::Middle ? "middle"
                       : style.anchor == Anchor::End  ? "end"
                                                      : "";
  std::string out = "<text" + number_attribute("x", x) + number_attribute("y", y) +
                    attribute("class", style.cls) + attribute("text-anchor", anchor) +
                    attribute("fill", style.fill);
  if (style.size_px > 0.0)
    out += number_attribute("font-size", style.size_px);
  if (style.bold)
    out += " font-weight=\"bold\"";
  if (style.middle_baseline)
    out += " dominant-baseline=\"central\"";
  if (style.rotate_deg != 0.0)
    out += " transform=\"rotate(" + coordinate(style.rotate_deg) + ' ' + coordinate(x) + ' ' +
           coordinate(y) + ")\"";
  body_ += out + '>' + escape_html(content) + "</text>";
}

void Svg::image(double x, double y, double w, double h, std::string_view data_uri, bool pixelated) {
  body_ += "<image" + number_attribute("x", x) + number_attribute("y", y) +
           number_attribute("width", w) + number_attribute("height", h) +
           " preserveAspectRatio=\"none\"" +
           (pixelated ? " style=\"image-rendering:pixelated\"" : std::string()) +
           attribute("href", data_uri) + "/>";
}

void Svg::open_group(std::string_view cls, std::string_view clip_id) {
  body_ += "<g" + attribute("class", cls) +
           (clip_id.empty() ? std::string() : " clip-path=\"url(#" + escape_html(clip_id) + ")\"") +
           '>';
  ++open_groups_;
}

void Svg::close_group() {
  if (open_groups_ == 0)
    return;
  body_ += "</g>";
  --open_groups_;
}

void Svg::clip_rect(std::string_view id, double x, double y, double w, double h) {
  defs_ += "<clipPath" + attribute("id", id) + "><rect" + number_attribute("x", x) +
           number_attribute("y", y) + number_attribute("width", w) + number_attribute("height", h) +
           "/></clipPath>";
}

std::string Svg::str() const {
  std::string out = open_;
  if (!defs_.empty())
    out += "<defs>" + defs_ + "</defs>";
  out += body_;
  for (int i = 0; i < open_groups_; ++i)
    out += "</g>";
  return out + "</svg>";
}

}  // namespace eegtrack::report
