#pragma once
// Every parameter that produced a report's numbers, listed at its end: nested parameter
// objects flattened to dotted names ("artifacts.amplitude_limit_uv = 500").

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace eegtrack::report {

/// (dotted name, value as text) in the order of the object; arrays of numbers or words are
/// joined by ", ", arrays of objects written as compact JSON; `prefix` starts every name.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> flatten_parameters(
    const nlohmann::json& parameters, const std::string& prefix = "");

/// An HTML table of flatten_parameters(parameters), names and values escaped.
[[nodiscard]] std::string parameters_table_html(const nlohmann::json& parameters);

}  // namespace eegtrack::report
