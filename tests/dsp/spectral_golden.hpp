#pragma once

// Reader for the golden files tests/data/spectral_*.csv written by
// tools/reference/generate_spectral.py: one row per named vector, "name,v1,v2,...".

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/paths.hpp"

namespace eegtrack::test {

class GoldenTable {
 public:
  explicit GoldenTable(const std::string& file) {
    const auto path = test_data_dir() / file;
    std::ifstream in(path);
    if (!in)
      throw std::runtime_error("cannot open golden file " + path.string());
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty())
        continue;
      std::stringstream fields(line);
      std::string key;
      std::getline(fields, key, ',');
      std::vector<std::string> values;
      std::string v;
      while (std::getline(fields, v, ','))
        values.push_back(v);
      rows_[key] = std::move(values);
    }
  }

  [[nodiscard]] bool has(const std::string& key) const { return rows_.count(key) != 0; }

  [[nodiscard]] const std::vector<std::string>& raw(const std::string& key) const {
    const auto it = rows_.find(key);
    if (it == rows_.end())
      throw std::runtime_error("golden row missing: " + key);
    return it->second;
  }

  [[nodiscard]] std::vector<double> vec(const std::string& key) const {
    std::vector<double> out;
    for (const auto& s : raw(key))
      out.push_back(std::strtod(s.c_str(), nullptr));  // correctly rounded, like Python's float()
    return out;
  }

  [[nodiscard]] double num(const std::string& key) const { return vec(key).at(0); }
  [[nodiscard]] std::string text(const std::string& key) const { return raw(key).at(0); }

 private:
  std::map<std::string, std::vector<std::string>> rows_;
};

/// max_i |a_i - b_i|; sizes must agree (checked by the caller's ASSERT).
inline double max_abs_diff(std::span<const double> a, std::span<const double> b) {
  double m = 0.0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

inline double max_abs(std::span<const double> a) {
  double m = 0.0;
  for (double v : a)
    m = std::max(m, std::abs(v));
  return m;
}

}  // namespace eegtrack::test
