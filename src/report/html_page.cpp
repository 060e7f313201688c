#include "eegtrack/report/html_page.hpp"

#include "eegtrack/report/html_escape.hpp"

namespace eegtrack::report {

std::string_view report_style_sheet() {
  return R"css(
:root { --ink: #1a1a1a; --muted: #5a5a5a; --line: #c8c8c8; --panel: #f4f6f8; --accent: #0b5394; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
       font-size: 14px; line-height: 1.45; color: var(--ink); background: #ffffff; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 40px; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 6px 0; }
.subtitle { color: var(--muted); margin: 0 0 10px; }
.simulated { display: inline-block; background: #fff3cd; border: 1px solid #e0c36c; padding: 2px 8px;
             border-radius: 3px; font-size: 13px; }
.identity { border: 2px solid #b00020; background: #fff5f5; padding: 8px 12px; margin: 10px 0; }
.identity h2 { border: none; margin: 0 0 4px; font-size: 15px; color: #b00020; }
.note { color: var(--muted); font-size: 13px; }
.warning { background: #fff3cd; border-left: 4px solid #e0a800; padding: 6px 10px; margin: 8px 0; }
.summary-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 10px; }
.summary-item { background: var(--panel); border: 1px solid #dde3ea; border-radius: 4px; padding: 8px 10px; }
.summary-item .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.summary-item .value { font-size: 18px; font-weight: bold; margin: 2px 0; }
.summary-item .detail { font-size: 12.5px; color: #333333; }
.abnormal { color: #b00020; }
.normal-text { color: #1b5e20; }
.undetermined { color: #555555; font-style: italic; }
figure { margin: 10px 0 18px; }
figcaption { font-size: 13px; color: #333333; margin: 4px 0 6px; }
svg { max-width: 100%; height: auto; display: block; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
.maps { display: flex; flex-wrap: wrap; gap: 12px; }
.maps svg { max-width: 540px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #e8edf2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id { white-space: nowrap; }
tr.flagged td { background: #fff5f5; }
.params { table-layout: fixed; }
.params th:nth-child(odd), .params td:nth-child(odd) { width: 31%; }
.params td { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 11px;
             padding: 2px 5px; overflow-wrap: anywhere; }
td.num .note { white-space: normal; display: block; text-align: left; }
#recording-table td { font-size: 12.5px; }
.table-scroll { overflow-x: auto; }
#cohort-table td { font-size: 12.5px; }
#recording-table .verdict { min-width: 170px; }
footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 8px; font-size: 12.5px; color: #333333; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12px; word-break: break-all; }
a { color: var(--accent); }
/* SVG figures */
.axis { stroke: #333333; stroke-width: 1; }
.grid { stroke: #e3e3e3; stroke-width: 1; }
.zero { stroke: #777777; stroke-width: 1; stroke-dasharray: 3 3; }
.frame { stroke: #555555; stroke-width: 1; fill: none; }
.tick { font-size: 11px; fill: #333333; }
.axis-title { font-size: 12px; fill: #1a1a1a; }
.panel-title { font-size: 12.5px; font-weight: bold; fill: #1a1a1a; }
.legend { font-size: 11px; fill: #1a1a1a; }
.small { font-size: 10.5px; fill: #444444; }
.artifact-shade { fill: #ffffff; fill-opacity: 0.55; }
.artifact-light { fill: #f4a582; fill-opacity: 0.35; }
.artifact-strip { fill: #d6604d; }
.strip { fill: #eeeeee; }
.head { stroke: #333333; stroke-width: 1.5; }
.electrode { stroke: #333333; stroke-width: 0.8; }
.disc-value { font-size: 10.5px; font-weight: bold; }
.disc-label { font-size: 10px; fill: #333333; }
.trace polyline { stroke: #111111; stroke-width: 0.8; fill: none; }
.trace-label { font-size: 11px; fill: #1a1a1a; }
.event-main { fill: #e69f00; fill-opacity: 0.18; }
.event-other { fill: #56b4e9; fill-opacity: 0.12; }
.lane-main { fill: #e69f00; fill-opacity: 0.6; }
.lane-other { fill: #56b4e9; fill-opacity: 0.45; }
.lane-text-main { font-size: 11px; font-weight: bold; fill: #1a1a1a; }
.lane-text { font-size: 10.5px; fill: #1a1a1a; }
.annotation { stroke: #7b3294; stroke-width: 1; }
.annotation-text { font-size: 11px; fill: #7b3294; }
.scale-bar { stroke: #111111; stroke-width: 2; }
.scale-text { font-size: 11px; fill: #111111; }
.episode { fill: #d6604d; fill-opacity: 0.10; }
.flag-line { stroke: #b00020; stroke-width: 1; stroke-dasharray: 2 3; }
.flag-mark { fill: #b00020; }
.flag-text { font-size: 10px; font-weight: bold; fill: #ffffff; }
.bar { fill-opacity: 0.85; }
.bar-text { font-size: 10.5px; fill: #1a1a1a; }
.eeg-normal { fill: #1b9e77; }
.eeg-abnormal { fill: #e69f00; }
.eeg-undetermined { fill: #999999; }
td.thumb { min-width: 172px; }
.thumb svg { width: 160px; height: 40px; max-width: none; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .summary-item, tr, .eeg-page { break-inside: avoid; }
  .eeg-page { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
)css";
}

std::string html_document(std::string_view title, std::string_view body) {
  std::string out;
  out.reserve(body.size() + 8192);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  out += kContentSecurityPolicy;
  out += "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"eegtrack\">\n<title>";
  out += escape_html(title);
  out += "</title>\n<style>";
  out += report_style_sheet();
  out += "</style>\n</head>\n<body>\n<main>\n";
  out += body;
  out += "\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace eegtrack::report
