#include "eegtrack/report/parameters_table.hpp"

#include "eegtrack/report/html_escape.hpp"

namespace eegtrack::report {
namespace {

std::string scalar_text(const nlohmann::json& v) {
  if (v.is_string())
    return v.get<std::string>();
  if (v.is_null())
    return "none";
  // Numbers as the outputs store them (the shortest text that reads back the same value).
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> flatten_parameters(const nlohmann::json& p,
                                                                    const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!p.is_object()) {
    out.emplace_back(prefix, scalar_text(p));
    return out;
  }
  for (const auto& [key, value] : p.items()) {
    const std::string name = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object()) {
      const auto inner = flatten_parameters(value, name);
      out.insert(out.end(), inner.begin(), inner.end());
    } else if (value.is_array()) {
      bool plain = true;
      for (const auto& item : value)
        plain &= !item.is_object() && !item.is_array();
      std::string text;
      if (plain) {
        for (const auto& item : value)
          text += (text.empty() ? "" : ", ") + scalar_text(item);
      } else {
        text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
      out.emplace_back(name, text.empty() ? "(none)" : text);
    } else {
      out.emplace_back(name, scalar_text(value));
    }
  }
  return out;
}

std::string parameters_table_html(const nlohmann::json& parameters) {
  // Two name/value pairs per row: the list is long, and half as tall reads better.
  const auto rows = flatten_parameters(parameters);
  const std::size_t half = (rows.size() + 1) / 2;
  std::string out =
      "<table class=\"params\"><thead><tr><th>parameter</th><th>value</th>"
      "<th>parameter</th><th>value</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < half; ++i) {
    out += "<tr><td>" + escape_html(rows[i].first) + "</td><td>" + escape_html(rows[i].second) +
           "</td>";
    if (i + half < rows.size())
      out += "<td>" + escape_html(rows[i + half].first) + "</td><td>" +
             escape_html(rows[i + half].second) + "</td>";
    else
      out += "<td></td><td></td>";
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

}  // namespace eegtrack::report
