#include "eegtrack/pipeline/course_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <system_error>

#include "eegtrack/clinical/labs.hpp"
#include "eegtrack/io/edf_reader.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;
using clinical::LocalTime;

std::string where(std::size_t line, const std::string& field, const std::string& problem) {
  std::string out = line > 0 ? "line " + std::to_string(line) + ": " : std::string();
  return out + (field.empty() ? "" : field + ": ") + problem;
}

// One YAML node with its dotted field name, failing with the file, line and field.
class Field {
 public:
  Field(const fs::path& file, YAML::Node node, std::string name)
      : file_(&file), node_(std::move(node)), name_(std::move(name)) {}

  [[noreturn]] void fail(const std::string& problem) const {
    const auto mark = node_.Mark();
    throw CourseFileError(*file_, mark.is_null() ? 0 : static_cast<std::size_t>(mark.line) + 1,
                          name_, problem);
  }
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] bool has(const char* key) const { return node_[key].IsDefined(); }

  [[nodiscard]] Field operator[](const char* key) const {
    return {*file_, node_[key], name_.empty() ? key : name_ + "." + key};
  }
  /// The value of `key`; its absence is reported at this mapping's line, under the key's name.
  [[nodiscard]] Field required(const char* key) const {
    if (!has(key))
      Field(*file_, node_, (*this)[key].name_).fail("required");
    return (*this)[key];
  }

  /// Element i of a sequence, under the same field name.
  [[nodiscard]] Field element(std::size_t i) const { return {*file_, node_[i], name_}; }

  /// Each element of a sequence ("eeg[2]"); an absent key is an empty sequence.
  void each(const std::function<void(const Field&)>& f) const {
    if (!node_.IsDefined() || node_.IsNull())
      return;
    if (!node_.IsSequence())
      fail("expected a list");
    for (std::size_t i = 0; i < node_.size(); ++i)
      f(Field(*file_, node_[i], name_ + "[" + std::to_string(i) + "]"));
  }

  /// The text of a key of this mapping. YAML allows a list or a mapping as a key ("[612, U/L]:"
  /// after a lost brace); the course file does not.
  [[nodiscard]] std::string key_text(const YAML::Node& key) const {
    if (!key.IsScalar())
      Field(*file_, key, name_)
          .fail("a key must be a word (this one is a list, a mapping or empty)");
    return key.Scalar();
  }

  /// A mapping whose keys are all in `allowed`.
  void only_keys(std::initializer_list<const char*> allowed) const {
    if (!node_.IsMap())
      fail("expected a mapping of keys");
    for (const auto& kv : node_) {
      const auto key = key_text(kv.first);
      if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
        Field(*file_, kv.first, name_.empty() ? key : name_ + "." + key)
            .fail("unknown key '" + key + "'");
    }
  }

  [[nodiscard]] std::string text() const {
    if (!node_.IsScalar())
      fail("expected a text value");
    return node_.Scalar();
  }
  [[nodiscard]] double number(double low, double high) const {
    double v = 0.0;
    if (!node_.IsScalar() || !YAML::convert<double>::decode(node_, v) || !std::isfinite(v))
      fail("expected a number, got '" + (node_.IsScalar() ? node_.Scalar() : "a list") + "'");
    if (v < low || v > high)
      fail(node_.Scalar() + " is out of range " + bound(low) + "-" + bound(high));
    return v;
  }
  [[nodiscard]] int integer(int low, int high) const {
    const double v = number(low, high);
    if (v != std::floor(v))
      fail("expected a whole number, got " + node_.Scalar());
    return static_cast<int>(v);
  }
  [[nodiscard]] bool boolean() const {
    bool v = false;
    if (!node_.IsScalar() || !YAML::convert<bool>::decode(node_, v))
      fail("expected true or false");
    return v;
  }
  [[nodiscard]] LocalTime time() const {
    const auto t = clinical::parse_local_time(text());
    if (!t)
      fail("'" + node_.Scalar() +
           "' is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS])");
    return *t;
  }
  /// A date without a time, so that a stop date can cover its whole day.
  [[nodiscard]] bool date_only() const { return text().size() == 10; }

  template <class E>
  [[nodiscard]] E word(std::optional<E> (*parse)(std::string_view), const char* choices) const {
    const auto v = parse(text());
    if (!v)
      fail("'" + node_.Scalar() + "' is not one of " + choices);
    return *v;
  }

  [[nodiscard]] const YAML::Node& node() const noexcept { return node_; }

 private:
  static std::string bound(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
  }
  const fs::path* file_;
  YAML::Node node_;
  std::string name_;
};

clinical::CourseRecording recording(const Field& f, const fs::path& folder) {
  f.only_keys({"file", "label", "at", "sedation"});
  clinical::CourseRecording r;
  const auto file = f.required("file");
  const fs::path path = folder / file.text();
  // The error_code form: a hostile name (too long, say) is this field's error, not an escape.
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (status.type() == fs::file_type::none)  // neither found nor missing: the lookup failed
    file.fail("EEG file '" + path.string() + "' cannot be looked up: " + ec.message());
  if (status.type() != fs::file_type::regular)
    file.fail("EEG file '" + path.string() + "' does not exist");
  try {
    const io::EdfReader reader(path);
  } catch (const std::exception& e) {
    file.fail(std::string("EEG file cannot be read: ") + e.what());
  }
  r.file = path.string();
  r.label = f.has("label") ? f["label"].text() : path.filename().string();
  if (f.has("at"))
    r.at = f["at"].time();
  if (f.has("sedation"))
    r.sedation = f["sedation"].text();
  return r;
}

clinical::IceItems ice_items(const Field& f) {
  f.only_keys({"orientation", "naming", "commands", "writing", "attention"});
  clinical::IceItems items;
  items.orientation = f.required("orientation").integer(0, 4);
  items.naming = f.required("naming").integer(0, 3);
  items.commands = f.required("commands").integer(0, 1);
  items.writing = f.required("writing").integer(0, 1);
  items.attention = f.required("attention").integer(0, 1);
  return items;
}

clinical::Assessment assessment(const Field& f) {
  f.only_keys({"at", "ice", "ice_items", "consciousness", "sedated", "seizure", "motor_weakness",
               "edema", "temperature_c", "hypotension", "oxygen", "note"});
  clinical::Assessment a;
  a.at = f.required("at").time();
  if (f.has("ice"))
    a.ice = f["ice"].integer(0, 10);
  if (f.has("ice_items")) {
    a.ice_items = ice_items(f["ice_items"]);
    if (a.ice && *a.ice != a.ice_items->total())
      f["ice"].fail("total " + std::to_string(*a.ice) + " disagrees with the items, which sum to " +
                    std::to_string(a.ice_items->total()));
    a.ice = a.ice_items->total();
  }
  if (f.has("consciousness"))
    a.consciousness = f["consciousness"].word(clinical::parse_consciousness,
                                              "awake, voice, tactile, unarousable");
  if (f.has("sedated"))
    a.sedated = f["sedated"].boolean();
  if (f.has("seizure"))
    a.seizure =
        f["seizure"].word(clinical::parse_seizure_finding,
                          "none, clinical_resolved, nonconvulsive_resolved, prolonged, repetitive");
  if (f.has("motor_weakness"))
    a.motor_weakness = f["motor_weakness"].boolean();
  if (f.has("edema"))
    a.edema = f["edema"].word(clinical::parse_edema, "none, focal, diffuse");
  if (f.has("temperature_c"))
    a.temperature_c = f["temperature_c"].number(25.0, 45.0);
  if (f.has("hypotension"))
    a.hypotension =
        f["hypotension"].word(clinical::parse_hypotension,
                              "none, no_vasopressor, one_vasopressor, multiple_vasopressors");
  if (f.has("oxygen"))
    a.oxygen =
        f["oxygen"].word(clinical::parse_oxygen, "none, low_flow, high_flow, positive_pressure");
  if (f.has("note"))
    a.note = f["note"].text();
  return a;
}

clinical::Treatment treatment(const Field& f) {
  f.only_keys({"drug", "dose", "unit", "route", "every_h", "start", "stop"});
  clinical::Treatment t;
  t.drug = f.required("drug").text();
  std::transform(t.drug.begin(), t.drug.end(), t.drug.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (f.has("dose")) {
    t.dose = f["dose"].number(0.0, 1e6);
    t.unit = f.required("unit").text();
  } else if (f.has("unit")) {
    f["unit"].fail("a unit without a dose");
  }
  if (f.has("route"))
    t.route = f["route"].text();
  if (f.has("every_h"))
    t.every_h = f["every_h"].number(0.01, 24.0 * 365.0);
  const auto start = f.required("start");
  t.start = start.time();
  const auto stop = f.has("stop") ? f["stop"] : start;
  t.stop = stop.time();
  if (stop.date_only())
    t.stop = clinical::end_of_day(t.stop);
  // A stop date covers its whole day, so it may equal the start date but not precede it.
  if (stop.date_only() ? t.stop <= t.start : t.stop < t.start)
    stop.fail("stops before it starts (" + start.text() + ")");
  return t;
}

clinical::LabPanel lab_panel(const Field& f) {
  if (!f.node().IsMap())
    f.fail("expected a mapping of keys");
  clinical::LabPanel p;
  p.at = f.required("at").time();
  for (const auto& kv : f.node()) {
    const auto analyte = f.key_text(kv.first);
    if (analyte == "at")
      continue;
    const auto field = f[analyte.c_str()];
    if (!clinical::canonical_unit(analyte))
      field.fail("unknown key '" + analyte +
                 "' (analytes: ldh, creatinine, platelets, crp, ferritin, il6)");
    if (!kv.second.IsSequence() || kv.second.size() != 2)
      field.fail("expected [value, unit], e.g. [96, mg/L]");
    const double v = field.element(0).number(0.0, 1e9);
    const auto unit = field.element(1).text();
    if (!clinical::to_canonical(analyte, v, unit))
      field.fail("unit '" + unit + "' is not accepted (" + analyte + " in " +
                 *clinical::canonical_unit(analyte) + " or a unit docs/course-file.md lists)");
    p.values.push_back({analyte, v, unit});
  }
  return p;
}

clinical::CarTCount car_t(const Field& f, LocalTime infusion) {
  f.only_keys({"at", "value", "unit"});
  clinical::CarTCount c;
  const auto at = f.required("at");
  c.at = at.time();
  if (c.at < infusion)
    at.fail("a CAR-T count before the infusion");
  c.value = f.required("value").number(0.0, 1e12);
  const auto unit = f.required("unit");
  c.unit = unit.text();
  static const std::set<std::string> kUnits{"cells/uL", "cells/\xC2\xB5L", "copies/ug DNA",
                                            "copies/\xC2\xB5g DNA", "% of CD3"};
  if (!kUnits.count(c.unit))
    unit.fail("unit '" + c.unit + "' is not accepted (cells/uL, copies/ug DNA, % of CD3)");
  return c;
}

}  // namespace

CourseFileError::CourseFileError(const fs::path& path, std::size_t line, const std::string& field,
                                 const std::string& problem)
    : io::EdfError(path, where(line, field, problem)), line_(line), field_(field) {}

clinical::Course read_course_file(const fs::path& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path.string());
  } catch (const YAML::BadFile&) {
    throw CourseFileError(path, 0, "", "cannot open the course file");
  } catch (const YAML::ParserException& e) {
    throw CourseFileError(path, static_cast<std::size_t>(e.mark.line) + 1, "",
                          "not valid YAML: " + e.msg);
  }
  const Field top(path, root, "");
  if (!root.IsMap())
    throw CourseFileError(path, 0, "", "expected a mapping of keys (patient, infusion, ...)");
  top.only_keys(
      {"patient", "infusion", "product", "eeg", "assessments", "treatments", "labs", "car_t"});
  clinical::Course c;
  c.patient = top.required("patient").text();
  if (c.patient.empty())
    top["patient"].fail("an empty patient id");
  c.infusion = top.required("infusion").time();
  if (top.has("product"))
    c.product = top["product"].text();
  const fs::path folder = path.parent_path();
  top["eeg"].each([&](const Field& f) { c.recordings.push_back(recording(f, folder)); });
  top["assessments"].each([&](const Field& f) { c.assessments.push_back(assessment(f)); });
  top["treatments"].each([&](const Field& f) { c.treatments.push_back(treatment(f)); });
  top["labs"].each([&](const Field& f) { c.labs.push_back(lab_panel(f)); });
  top["car_t"].each([&](const Field& f) { c.car_t.push_back(car_t(f, c.infusion)); });
  const auto by_time = [](const auto& a, const auto& b) { return a.at < b.at; };
  std::stable_sort(c.assessments.begin(), c.assessments.end(), by_time);
  std::stable_sort(c.labs.begin(), c.labs.end(), by_time);
  std::stable_sort(c.car_t.begin(), c.car_t.end(), by_time);
  return c;
}

}  // namespace eegtrack::pipeline
