#include "followup_table.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

using nlohmann::json;

std::string fixed(const json& v, int digits) {
  if (!v.is_number())
    return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, v.get<double>());
  return text;
}

std::string text(const json& v) {
  return v.is_string() ? printable(v.get<std::string>()) : "";
}

// Hours of the day of the infusion ("2026-01-05T10:00:00" -> 10/24), so that days are counted
// by calendar date as on the ward: anything on 2026-01-19 is day 14, whatever the hour.
double g_infusion_day_fraction = 0.0;

void set_infusion(const json& infusion) {
  const auto text = infusion.get<std::string>();
  const double hours = std::stod(text.substr(11, 2)) + std::stod(text.substr(14, 2)) / 60.0;
  g_infusion_day_fraction = hours / 24.0;
}

long day_of(const json& v) {
  return static_cast<long>(std::floor(v.get<double>() + g_infusion_day_fraction + 1e-9));
}

struct Row {
  std::string icans, crs, treatments, m_easix, index, pdr, delta, events, flags;
};

void add(std::string& cell, const std::string& item) {
  if (!item.empty())
    cell += (cell.empty() ? "" : ",") + item;
}

// Worst grade of the day, with "s" when consciousness was not scored (sedated).
void grades(const json& f, std::map<long, Row>& rows) {
  std::map<long, int> icans, crs;
  for (const auto& a : f["assessments"]) {
    const long d = day_of(a["day"]);
    auto& row = rows[d];
    // An unknown grade (nothing could be scored) shows as "?", below any known grade.
    const int ig = a["icans"]["grade"].is_null() ? -1 : a["icans"]["grade"].get<int>();
    const int cg = a["crs"]["grade"].is_null() ? -1 : a["crs"]["grade"].get<int>();
    if (!icans.count(d) || ig > icans[d]) {
      icans[d] = ig;
      row.icans =
          (ig < 0 ? std::string("?") : std::to_string(ig)) + (a["sedated"].get<bool>() ? "s" : "");
    }
    if (!crs.count(d) || cg > crs[d]) {
      crs[d] = cg;
      row.crs = cg < 0 ? std::string("?") : std::to_string(cg);
    }
  }
}

void treatments(const json& f, std::map<long, Row>& rows) {
  for (const auto& t : f["treatments"]) {
    add(rows[day_of(t["start_day"])].treatments, "+" + text(t["drug"]));
  }
}

void labs(const json& f, std::map<long, Row>& rows) {
  for (const auto& l : f["labs"])
    if (!l["m_easix"].is_null())
      rows[day_of(l["day"])].m_easix = fixed(l["m_easix"]["value"], 1);
}

std::string events_of(const json& m) {
  std::string out;
  if (!(m["analysed_s"].get<double>() > 0.0))
    return "not analysed";  // --no-detect: the counts below are 0 because nothing looked
  if (m["seizure_count"].get<int>() > 0)
    add(out, std::to_string(m["seizure_count"].get<int>()) + " Sz");
  for (const auto& [type, p] : m["patterns"].items())
    if (p["episodes"].get<int>() > 0)
      add(out, printable(type) + " " + std::to_string(p["episodes"].get<int>()));
  if (m["spike_count"].get<int>() > 0)
    add(out, std::to_string(m["spike_count"].get<int>()) + " IED");
  std::set<std::string> sides;
  for (const auto& l : m["lateralized"])
    sides.insert(text(l["side"]));
  if (sides.size() == 1)
    out += " (" + *sides.begin() + ")";
  return out;
}

void recordings(const json& f, std::map<long, Row>& rows) {
  for (const auto& r : f["recordings"]) {
    auto& row = rows[day_of(r["day"])];
    const auto& m = r["measures"];
    row.index = fixed(m["encephalopathy_index"]["value"], 2);
    row.pdr = m["pdr_hz"]["value"].is_null() ? "absent" : fixed(m["pdr_hz"]["value"], 1);
    row.delta = fixed(m["relative_delta"]["value"], 2);
    row.events = events_of(m);
    add(row.events, text(r["verdict"]["verdict"]));
  }
}

void flags(const json& f, std::map<long, Row>& rows) {
  static const std::map<std::string, std::string> kShort{
      {"eeg_worse_grade_better", "EEG-worse"},
      {"possible_nonconvulsive_seizure", "NCSz?"},
      {"lateralized_matches_sign", "side-match"},
      {"lateralized_contradicts_sign", "side-mismatch"},
      {"abnormal_at_last_recording", "still-abnormal"},
      {"undetermined_at_last_recording", "not-shown-normal"},
      {"sedation_differs", "sedation"}};
  for (const auto& flag : f["flags"]) {
    const auto kind = flag["kind"].get<std::string>();
    const auto it = kShort.find(kind);
    add(rows[day_of(flag["day"])].flags, it != kShort.end() ? it->second : printable(kind));
  }
}

void print_row(std::ostream& os, const std::vector<std::string>& cells) {
  static const int kWidths[] = {5, 6, 4, 42, 8, 6, 7, 7, 30, 0};
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string cell = cells[i];
    const int w = kWidths[i];
    if (w > 0 && static_cast<int>(cell.size()) < w)
      cell.resize(static_cast<std::size_t>(w), ' ');
    line += cell + (i + 1 < cells.size() ? " " : "");
  }
  while (!line.empty() && line.back() == ' ')
    line.pop_back();
  os << line << '\n';
}

void print_episodes(const json& f, std::ostream& os) {
  for (const char* kind : {"icans", "crs"}) {
    int n = 0;
    for (const auto& e : f["episodes"][kind]) {
      os << "  " << (std::string(kind) == "icans" ? "ICANS" : "CRS") << " episode " << ++n
         << (e["relapse"].get<bool>() ? " (relapse)" : "") << ": onset day "
         << fixed(e["onset_day"], 1) << ", peak grade " << e["peak_grade"].get<int>() << " on day "
         << fixed(e["peak_day"], 1) << ", "
         << (e["resolution_day"].is_null() ? std::string("not resolved")
                                           : "resolved day " + fixed(e["resolution_day"], 1));
      for (const auto& p : e["lab_peaks"]["peaks"])
        os << "; peak " << text(p["measure"]) << ' ' << fixed(p["value"], 1) << " (day "
           << fixed(p["day"], 1) << ')';
      os << '\n';
    }
  }
}

void print_normalization(const json& f, std::ostream& os) {
  const auto& n = f["normalization"];
  os << "  EEG normal against " << text(n["reference"]);
  if (!n["baseline"].is_null())
    os << " (" << text(n["baseline"]) << ')';
  os << '\n';
  int k = 0;
  for (const auto& e : n["episodes"]) {
    os << "  ICANS episode " << ++k << ": ";
    if (e["first_normal"].is_null()) {
      os << "EEG not yet normal\n";
      continue;
    }
    os << "first normal EEG " << text(e["first_normal"]["recording"]) << " (day "
       << fixed(e["first_normal"]["day"], 1) << ')';
    for (const auto& lag : e["days_from_treatment_start"])
      os << ", " << fixed(lag["days_to_normal"], 1) << " d after " << text(lag["drug"]);
    os << '\n';
  }
  if (const auto& last = n["last_recording"]; !last.is_null()) {
    os << "  last recording " << text(last["recording"]) << " (day " << fixed(last["day"], 1)
       << "): " << text(last["verdict"]);
    for (const char* list : {"abnormal", "unknown"})
      for (const auto& why : last[list])
        os << "; " << text(why);
    os << '\n';
  }
  const auto& c = f["concordance"];
  os << "  encephalopathy index vs ICANS grade: Spearman rho "
     << (c["rho"].is_null() ? std::string("n/a") : fixed(c["rho"], 2)) << " over "
     << c["n_pairs"].get<long>() << " pair(s)";
  if (!c["note"].is_null())
    os << " (" << text(c["note"]) << ')';
  os << '\n';
}

}  // namespace

void print_followup(const json& f, std::ostream& os) {
  std::map<long, Row> rows;
  set_infusion(f["infusion"]);
  grades(f, rows);
  treatments(f, rows);
  labs(f, rows);
  recordings(f, rows);
  flags(f, rows);
  os << "patient " << text(f["patient"]) << ", infusion " << text(f["infusion"]) << " (day 0)";
  if (!f["product"].is_null())
    os << ", " << text(f["product"]);
  os << "\n\n";
  print_row(os, {"day", "ICANS", "CRS", "treatments started", "m-EASIX", "index", "PDR Hz", "rel.d",
                 "EEG events, verdict", "flags"});
  for (const auto& [day, r] : rows)
    print_row(os, {std::to_string(day), r.icans, r.crs, r.treatments, r.m_easix, r.index, r.pdr,
                   r.delta, r.events, r.flags});
  os << "  (ICANS \"s\": consciousness not scored, sedated; \"?\": nothing could be scored;\n"
        "   index: encephalopathy index 0-1;\n"
        "   rel.d: relative delta power; EEG events: Sz seizures, periodic/rhythmic patterns,\n"
        "   IED spikes and sharp waves, not analysed without detection; verdict: normal,\n"
        "   abnormal, or undetermined (nothing abnormal, not all judged) against the\n"
        "   reference below)\n\n";
  print_episodes(f, os);
  print_normalization(f, os);
  if (!f["flags"].empty())
    os << "\nflags:\n";
  for (const auto& flag : f["flags"]) {
    os << "  day " << fixed(flag["day"], 1) << ": " << text(flag["message"]) << '\n';
    for (const auto& e : flag["evidence"])
      os << "      " << text(e) << '\n';
  }
}

}  // namespace eegtrack::cli
