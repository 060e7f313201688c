// <patient>.followup.h5: every list of the follow-up JSON as a table (one column per field,
// nested fields joined by '_'), so the course can be read with h5py or pandas without a JSON
// parser; the JSON itself rides along as the root attribute "followup_json".
#include <cmath>
#include <limits>
#include <map>

#include "eegtrack/io/hdf5_writer.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/followup.hpp"

namespace eegtrack::pipeline {
namespace {

using nlohmann::json;

// One row as flat fields: {"icans": {"grade": 3}} -> icans_grade; [low, high] pairs of numbers
// (or nulls) -> _low/_high; other lists -> text joined by "; ".
void flatten(const json& value, const std::string& name, std::map<std::string, json>& row) {
  if (value.is_object()) {
    for (const auto& [key, v] : value.items())
      flatten(v, name.empty() ? key : name + "_" + key, row);
  } else if (value.is_array() && value.size() == 2 &&
             (value[0].is_number() || value[0].is_null()) &&
             (value[1].is_number() || value[1].is_null())) {
    row[name + "_low"] = value[0];
    row[name + "_high"] = value[1];
  } else if (value.is_array()) {
    std::string text;
    for (const auto& v : value)
      text += (text.empty() ? "" : "; ") + (v.is_string() ? v.get<std::string>() : v.dump());
    row[name] = text;
  } else {
    row[name] = value;
  }
}

io::ColumnValues column(const std::vector<std::map<std::string, json>>& rows,
                        const std::string& name) {
  bool numbers = true, bools = true, integers = true;
  for (const auto& r : rows) {
    const auto it = r.find(name);
    if (it == r.end() || it->second.is_null()) {
      integers = false;  // a gap needs NaN
      continue;
    }
    numbers = numbers && it->second.is_number();
    integers = integers && it->second.is_number_integer();
    bools = bools && it->second.is_boolean();
  }
  if (numbers && integers) {
    std::vector<std::int64_t> v;
    for (const auto& r : rows)
      v.push_back(r.at(name).get<std::int64_t>());
    return v;
  }
  if (bools && !numbers) {
    std::vector<std::int64_t> v;
    for (const auto& r : rows) {
      const auto it = r.find(name);
      v.push_back(it == r.end() || it->second.is_null() ? -1 : it->second.get<bool>() ? 1 : 0);
    }
    return v;
  }
  if (numbers) {
    std::vector<double> v;
    for (const auto& r : rows) {
      const auto it = r.find(name);
      v.push_back(it == r.end() || it->second.is_null() ? std::numeric_limits<double>::quiet_NaN()
                                                        : it->second.get<double>());
    }
    return v;
  }
  std::vector<std::string> v;
  for (const auto& r : rows) {
    const auto it = r.find(name);
    v.push_back(it == r.end() || it->second.is_null() ? ""
                : it->second.is_string()              ? it->second.get<std::string>()
                                                      : it->second.dump());
  }
  return v;
}

void write_list(io::Hdf5Writer& w, const std::string& path, const json& list) {
  std::vector<std::map<std::string, json>> rows;
  std::vector<std::string> names;
  for (const auto& item : list) {
    std::map<std::string, json> row;
    flatten(item, "", row);
    for (const auto& [name, v] : row)
      if (std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(name);
    rows.push_back(std::move(row));
  }
  if (names.empty()) {
    w.create_group(path);
    w.write_attribute(path, "n_rows", std::int64_t{0});
    return;
  }
  io::Table table;
  for (const auto& name : names)
    table.columns.push_back({name, column(rows, name), ""});
  w.write_table(path, table);
}

}  // namespace

void write_followup_h5(const std::filesystem::path& path, const json& followup) {
  io::Hdf5Writer w(path);
  w.write_attribute("/", "followup_layout_version", std::string(kFollowupLayoutVersion));
  w.write_attribute("/", "eegtrack_version", followup["eegtrack_version"].get<std::string>());
  w.write_attribute("/", "patient", followup["patient"].get<std::string>());
  w.write_attribute("/", "infusion", followup["infusion"].get<std::string>());
  w.write_attribute("/", "followup_json", dump_json(followup));
  write_list(w, "/assessments", followup["assessments"]);
  write_list(w, "/episodes/icans", followup["episodes"]["icans"]);
  write_list(w, "/episodes/crs", followup["episodes"]["crs"]);
  write_list(w, "/treatments", followup["treatments"]);
  write_list(w, "/labs", followup["labs"]);
  write_list(w, "/car_t", followup["car_t"]);
  write_list(w, "/recordings", followup["recordings"]);
  write_list(w, "/normalization/episodes", followup["normalization"]["episodes"]);
  write_list(w, "/flags", followup["flags"]);
  write_list(w, "/concordance", json::array({followup["concordance"]}));
  w.commit();
}

}  // namespace eegtrack::pipeline
