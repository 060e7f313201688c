#pragma once

// Test helper: the golden spectra and features written by tools/reference/generate_features.py.

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/paths.hpp"

namespace eegtrack::test {

struct Spectrum {
  std::vector<double> f;
  std::vector<double> psd;
};

// tests/data/features_*.csv, written by tools/reference/generate_features.py.
inline std::map<std::string, Spectrum> golden_spectra() {
  std::ifstream in(test_data_dir() / "features_spectra.csv");
  std::string line;
  std::getline(in, line);
  std::map<std::string, Spectrum> out;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string name, f, p;
    std::getline(row, name, ',');
    std::getline(row, f, ',');
    std::getline(row, p, ',');
    out[name].f.push_back(std::stod(f));
    out[name].psd.push_back(std::stod(p));
  }
  return out;
}

inline std::map<std::string, std::map<std::string, double>> golden_features() {
  std::ifstream in(test_data_dir() / "features_expected.csv");
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::map<std::string, double>> out;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string name, key, value;
    std::getline(row, name, ',');
    std::getline(row, key, ',');
    std::getline(row, value, ',');
    out[name][key] = std::stod(value);
  }
  return out;
}

}  // namespace eegtrack::test
