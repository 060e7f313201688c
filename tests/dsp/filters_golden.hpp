#pragma once
// Readers for the golden files written by tools/reference/generate_filters.py.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "support/paths.hpp"

namespace eegtrack::test::filters {

/// Long-format series file `series,index,value` -> name -> values (in index order).
inline std::map<std::string, std::vector<double>> read_series(const std::string& file) {
  const auto path = test_data_dir() / file;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::map<std::string, std::vector<double>> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string name, index, value;
    std::getline(row, name, ',');
    std::getline(row, index, ',');
    std::getline(row, value, ',');
    auto& v = out[name];
    EXPECT_EQ(static_cast<std::size_t>(std::stoul(index)), v.size()) << line;
    v.push_back(std::stod(value));
  }
  return out;
}

/// Rows of a plain CSV with a header, as strings.
inline std::vector<std::vector<std::string>> read_rows(const std::string& file) {
  const auto path = test_data_dir() / file;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    std::string cell;
    while (std::getline(row, cell, ','))
      cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

inline double rms(std::span<const double> x) {
  double s = 0.0;
  for (double v : x)
    s += v * v;
  return std::sqrt(s / static_cast<double>(x.size()));
}

inline double max_abs_diff(std::span<const double> a, std::span<const double> b) {
  EXPECT_EQ(a.size(), b.size());
  double m = 0.0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

/// Tolerance of the SciPy comparisons for filtered signals, relative to the signal RMS.
inline constexpr double kRelativeSignalTolerance = 1e-9;
/// Tolerance of the designed coefficients against scipy.signal.butter / iirnotch.
inline constexpr double kCoefficientTolerance = 1e-10;

}  // namespace eegtrack::test::filters
