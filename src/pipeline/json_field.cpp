#include "json_field.hpp"

#include <cmath>
#include <limits>

#include "eegtrack/pipeline/read_findings.hpp"

namespace eegtrack::pipeline::detail {

void JsonField::fail(const std::string& problem) const {
  throw FindingsFileError(*file_, path_, problem);
}

bool JsonField::has(std::string_view key) const {
  return value_->is_object() && value_->contains(key);
}

JsonField JsonField::operator[](std::string_view key) const {
  if (!value_->is_object())
    fail("expected an object");
  const auto it = value_->find(key);
  const std::string path = path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  if (it == value_->end())
    throw FindingsFileError(*file_, path, "missing");
  return {*it, *file_, path};
}

std::vector<JsonField> JsonField::elements() const {
  if (!value_->is_array())
    fail("expected an array");
  std::vector<JsonField> out;
  for (std::size_t i = 0; i < value_->size(); ++i)
    out.push_back({(*value_)[i], *file_, path_ + "[" + std::to_string(i) + "]"});
  return out;
}

std::vector<std::pair<std::string, JsonField>> JsonField::members() const {
  if (!value_->is_object())
    fail("expected an object");
  std::vector<std::pair<std::string, JsonField>> out;
  for (const auto& [key, value] : value_->items())
    out.emplace_back(key, JsonField(value, *file_, path_ + "." + key));
  return out;
}

double JsonField::number() const {
  if (value_->is_null())
    return std::numeric_limits<double>::quiet_NaN();
  if (!value_->is_number())
    fail("expected a number or null");
  return value_->get<double>();
}

std::optional<double> JsonField::optional_number() const {
  if (value_->is_null())
    return std::nullopt;
  return number();
}

std::int64_t JsonField::integer() const {
  if (!value_->is_number_integer())
    fail("expected an integer");
  return value_->get<std::int64_t>();
}

std::uint64_t JsonField::count() const {
  if (!value_->is_number_unsigned())
    fail("expected a non-negative integer");
  return value_->get<std::uint64_t>();
}

bool JsonField::boolean() const {
  if (!value_->is_boolean())
    fail("expected true or false");
  return value_->get<bool>();
}

std::string JsonField::string() const {
  if (!value_->is_string())
    fail("expected a string");
  return value_->get<std::string>();
}

std::string JsonField::string_or_empty() const {
  return value_->is_null() ? std::string() : string();
}

std::vector<std::string> JsonField::strings() const {
  std::vector<std::string> out;
  for (const auto& e : elements())
    out.push_back(e.string());
  return out;
}

}  // namespace eegtrack::pipeline::detail
