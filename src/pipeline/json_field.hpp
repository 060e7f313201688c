#pragma once
// Private: typed access to one field of a JSON document being read back, so that every error
// names the file and the dotted path of the field.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eegtrack::pipeline::detail {

class JsonField {
 public:
  JsonField(const nlohmann::json& value, const std::filesystem::path& file, std::string path)
      : value_(&value), file_(&file), path_(std::move(path)) {}

  /// The member `key` of this object. @throws FindingsFileError if absent or not an object.
  [[nodiscard]] JsonField operator[](std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] bool is_null() const noexcept { return value_->is_null(); }
  /// Elements of an array; members of an object in key order.
  [[nodiscard]] std::vector<JsonField> elements() const;
  [[nodiscard]] std::vector<std::pair<std::string, JsonField>> members() const;

  /// A number; null reads as NaN (NaN is written as null).
  [[nodiscard]] double number() const;
  /// A number, or absent for null.
  [[nodiscard]] std::optional<double> optional_number() const;
  [[nodiscard]] std::int64_t integer() const;
  [[nodiscard]] std::uint64_t count() const;  ///< a non-negative integer
  [[nodiscard]] bool boolean() const;
  [[nodiscard]] std::string string() const;
  /// A string, or "" for null.
  [[nodiscard]] std::string string_or_empty() const;
  [[nodiscard]] std::vector<std::string> strings() const;
  [[nodiscard]] const nlohmann::json& raw() const noexcept { return *value_; }

  /// Parses this string with `parse` (returning std::optional) or fails naming the value.
  template <typename Parse>
  [[nodiscard]] auto parsed(Parse parse) const {
    const auto text = string();
    const auto v = parse(text);
    if (!v)
      fail("unknown value \"" + text + "\"");
    return *v;
  }

  [[noreturn]] void fail(const std::string& problem) const;

 private:
  const nlohmann::json* value_;
  const std::filesystem::path* file_;
  std::string path_;
};

}  // namespace eegtrack::pipeline::detail
