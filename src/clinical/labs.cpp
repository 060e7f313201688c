#include "eegtrack/clinical/labs.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace eegtrack::clinical {
namespace {

struct UnitFactor {
  std::string_view unit;
  double factor;  ///< canonical = value * factor
};

struct Analyte {
  std::string_view name;
  std::string_view canonical;
  std::vector<UnitFactor> units;
};

const std::vector<Analyte>& analytes() {
  static const std::vector<Analyte> kAnalytes{
      {"ldh", "U/L", {{"U/L", 1.0}, {"IU/L", 1.0}, {"ukat/L", 60.0}}},
      {"creatinine", "mg/dL", {{"mg/dL", 1.0}, {"umol/L", 1.0 / 88.42}}},
      {"platelets", "10^9/L", {{"10^9/L", 1.0}, {"G/L", 1.0}, {"10^3/uL", 1.0}, {"/nL", 1.0}}},
      {"crp", "mg/dL", {{"mg/dL", 1.0}, {"mg/L", 0.1}}},
      {"ferritin", "ug/L", {{"ug/L", 1.0}, {"ng/mL", 1.0}}},
      {"il6", "pg/mL", {{"pg/mL", 1.0}, {"ng/L", 1.0}}}};
  return kAnalytes;
}

const Analyte* find_analyte(std::string_view name) {
  for (const auto& a : analytes())
    if (a.name == name)
      return &a;
  return nullptr;
}

// "µmol/L" and "umol/L" are the same unit.
std::string plain_micro(std::string_view unit) {
  std::string out(unit);
  for (std::size_t at; (at = out.find("\xC2\xB5")) != std::string::npos;)  // U+00B5 micro
    out.replace(at, 2, "u");
  for (std::size_t at; (at = out.find("\xCE\xBC")) != std::string::npos;)  // U+03BC mu
    out.replace(at, 2, "u");
  return out;
}

IndexValue index_value(double v) {
  return {v, std::log2(v)};
}

}  // namespace

std::optional<std::string> canonical_unit(std::string_view analyte) {
  const auto* a = find_analyte(analyte);
  return a ? std::optional<std::string>(std::string(a->canonical)) : std::nullopt;
}

std::optional<double> to_canonical(std::string_view analyte, double value, std::string_view unit) {
  const auto* a = find_analyte(analyte);
  if (a == nullptr)
    return std::nullopt;
  const std::string u = plain_micro(unit);
  for (const auto& f : a->units)
    if (f.unit == u)
      return value * f.factor;
  return std::nullopt;
}

std::optional<double> canonical_value(const LabPanel& panel, std::string_view analyte) {
  for (const auto& v : panel.values)
    if (v.analyte == analyte) {
      const auto c = to_canonical(v.analyte, v.value, v.unit);
      if (!c)
        throw std::invalid_argument(v.analyte + ": unit '" + v.unit + "' is not accepted");
      return c;
    }
  return std::nullopt;
}

EasixIndices easix_indices(const LabPanel& panel) {
  EasixIndices out;
  out.at = panel.at;
  const auto ldh = canonical_value(panel, "ldh");
  const auto creatinine = canonical_value(panel, "creatinine");
  const auto platelets = canonical_value(panel, "platelets");
  const auto crp = canonical_value(panel, "crp");
  if (platelets && *platelets <= 0.0)
    throw std::invalid_argument("platelets: a count of 0 or below has no EASIX");
  const auto need = [&](const char* index, std::initializer_list<std::pair<const char*, bool>> xs) {
    bool ok = true;
    for (const auto& [name, present] : xs)
      if (!present) {
        out.missing.push_back(std::string(index) + ": " + name + " missing");
        ok = false;
      }
    return ok;
  };
  if (need("EASIX", {{"ldh", ldh.has_value()},
                     {"creatinine", creatinine.has_value()},
                     {"platelets", platelets.has_value()}}))
    out.easix = index_value(*ldh * *creatinine / *platelets);
  if (need("m-EASIX", {{"ldh", ldh.has_value()},
                       {"crp", crp.has_value()},
                       {"platelets", platelets.has_value()}}))
    out.m_easix = index_value(*ldh * *crp / *platelets);
  if (need("s-EASIX", {{"ldh", ldh.has_value()}, {"platelets", platelets.has_value()}}))
    out.s_easix = index_value(*ldh / *platelets);
  return out;
}

}  // namespace eegtrack::clinical
