#pragma once

#include <charconv>
#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

// One way to refuse a parameter, shared by every layer that has parameters (dsp, features,
// detect, pipeline): the message names the parameter and the value it was given, so a user who
// passed a bad option learns which one, and the command line can map it back to its option.
namespace eegtrack::dsp {

/// A parameter outside its range. what(): "<where>: <field> = <value>: <rule>".
class ParameterError : public std::invalid_argument {
 public:
  ParameterError(std::string where, std::string field, std::string value, std::string rule)
      : std::invalid_argument(where + ": " + field + " = " + value + ": " + rule),
        where_(std::move(where)),
        field_(std::move(field)),
        value_(std::move(value)),
        rule_(std::move(rule)) {}

  [[nodiscard]] const std::string& where() const { return where_; }  ///< e.g. "SeizureParams"
  [[nodiscard]] const std::string& field() const { return field_; }  ///< e.g. "min_duration_s"
  [[nodiscard]] const std::string& value() const { return value_; }  ///< as given, e.g. "nan"
  [[nodiscard]] const std::string& rule() const { return rule_; }    ///< e.g. "must be > 0"

 private:
  std::string where_;
  std::string field_;
  std::string value_;
  std::string rule_;
};

/// The shortest text that reads back to the same double ("1e-09", "nan", "-inf"): a value is
/// shown as the user typed it, not rounded to six digits.
[[nodiscard]] inline std::string format_value(double value) {
  char buffer[32];
  return {buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr};
}

template <std::integral T>
[[nodiscard]] std::string format_value(T value) {
  if constexpr (std::same_as<T, bool>)
    return value ? "true" : "false";
  else
    return std::to_string(value);
}

/// Text values are quoted, so an empty one is visible ('').
[[nodiscard]] inline std::string format_value(std::string_view value) {
  return "'" + std::string(value) + "'";
}

/// @throws ParameterError(where, field, format_value(value), rule) unless ok.
template <class T>
void require(bool ok, std::string_view where, std::string_view field, const T& value,
             std::string_view rule) {
  if (!ok)
    throw ParameterError(std::string(where), std::string(field), format_value(value),
                         std::string(rule));
}

}  // namespace eegtrack::dsp
