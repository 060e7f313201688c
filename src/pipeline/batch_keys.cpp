#include "eegtrack/pipeline/batch_keys.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace eegtrack::pipeline {

std::string safe_file_name(std::string_view component) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < component.size(); ++i) {
    const auto c = static_cast<unsigned char>(component[i]);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '+' || (c == '.' && i > 0);
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (out.empty())
    throw std::invalid_argument("empty path component");
  return out;
}

bool key_stays_inside(std::string_view key) {
  const std::filesystem::path path(key);
  return !key.empty() && !path.is_absolute() &&
         std::none_of(path.begin(), path.end(),
                      [](const std::filesystem::path& part) { return part == ".."; });
}

std::string flat_key(std::string_view path) {
  std::string key;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    const auto component = path.substr(start, end - start);
    if (component == "." || component == "..")
      throw std::invalid_argument(std::string(path) + ": '" + std::string(component) +
                                  "' component in a relative path");
    if (!component.empty())
      key += (key.empty() ? "" : "~") + safe_file_name(component);
    if (slash == std::string_view::npos)
      break;
    start = slash + 1;
  }
  if (key.empty())
    throw std::invalid_argument("'" + std::string(path) + "': empty relative path");
  return key;
}

std::string bids_derivative_name(std::string_view stem) {
  const auto underscore = stem.rfind('_');
  if (underscore == std::string_view::npos)
    return safe_file_name(std::string(stem) + "_desc-eegtrack");
  return safe_file_name(std::string(stem.substr(0, underscore)) + "_desc-eegtrack" +
                        std::string(stem.substr(underscore)));
}

}  // namespace eegtrack::pipeline
