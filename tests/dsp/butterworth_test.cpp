#include "eegtrack/dsp/butterworth.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

#include "filters_golden.hpp"

namespace {

using eegtrack::dsp::ButterworthParams;
using eegtrack::dsp::FilterType;
using namespace eegtrack::test::filters;

struct DesignCase {
  ButterworthParams params;
  std::vector<std::array<double, 6>> sections;
};

std::map<int, DesignCase> butter_cases() {
  const std::map<std::string, FilterType> types{{"lowpass", FilterType::LowPass},
                                                {"highpass", FilterType::HighPass},
                                                {"bandpass", FilterType::BandPass},
                                                {"bandstop", FilterType::BandStop}};
  std::map<int, DesignCase> cases;
  for (const auto& r : read_rows("filters_design.csv")) {
    if (r[1] == "notch")
      continue;
    auto& c = cases[std::stoi(r[0])];
    c.params.type = types.at(r[1]);
    c.params.order = std::stoi(r[2]);
    const double lo = std::stod(r[3]);
    const double hi = std::stod(r[4]);
    c.params.cutoff_hz = c.params.type == FilterType::LowPass ? hi : lo;
    c.params.low_hz = lo;
    c.params.high_hz = hi;
    c.params.sample_rate_hz = std::stod(r[5]);
    std::array<double, 6> s{};
    for (std::size_t i = 0; i < 6; ++i)
      s[i] = std::stod(r[8 + i]);
    c.sections.push_back(s);
  }
  return cases;
}

double edge_gain(const ButterworthParams& p, double f) {
  return std::abs(
      eegtrack::dsp::sos_frequency_response(eegtrack::dsp::butterworth(p), f, p.sample_rate_hz));
}

TEST(Butterworth, MatchesScipySosForAllTypesOrdersAndRates) {
  const auto cases = butter_cases();
  ASSERT_GE(cases.size(), 100U);
  double worst = 0.0;
  for (const auto& [id, c] : cases) {
    const auto sos = eegtrack::dsp::butterworth(c.params);
    ASSERT_EQ(sos.sections.size(), c.sections.size()) << "case " << id;
    for (std::size_t s = 0; s < sos.sections.size(); ++s) {
      for (std::size_t k = 0; k < 6; ++k) {
        const double err = std::abs(sos.sections[s][k] - c.sections[s][k]);
        worst = std::max(worst, err);
        EXPECT_LE(err, kCoefficientTolerance) << "case " << id << " section " << s << " coef " << k;
      }
    }
  }
  RecordProperty("max_abs_coefficient_error", std::to_string(worst));
  std::cout << "Butterworth max |sos - scipy| = " << worst << "\n";
}

TEST(Butterworth, GainIsMinus3dBAtCutoff) {
  const double half_power = 1.0 / std::sqrt(2.0);
  for (int order = 1; order <= 8; ++order) {
    for (double fs : {128.0, 256.0, 500.0}) {
      const ButterworthParams lp{
          .order = order, .type = FilterType::LowPass, .cutoff_hz = 30.0, .sample_rate_hz = fs};
      EXPECT_NEAR(edge_gain(lp, 30.0), half_power, 1e-9) << order << " " << fs;
      EXPECT_NEAR(edge_gain(lp, 0.0), 1.0, 1e-9);
      const ButterworthParams hp{
          .order = order, .type = FilterType::HighPass, .cutoff_hz = 0.5, .sample_rate_hz = fs};
      EXPECT_NEAR(edge_gain(hp, 0.5), half_power, 1e-9) << order << " " << fs;
      EXPECT_NEAR(edge_gain(hp, fs / 2.0), 1.0, 1e-9);
      const ButterworthParams bp{.order = order,
                                 .type = FilterType::BandPass,
                                 .low_hz = 1.0,
                                 .high_hz = 40.0,
                                 .sample_rate_hz = fs};
      EXPECT_NEAR(edge_gain(bp, 1.0), half_power, 1e-9) << order << " " << fs;
      EXPECT_NEAR(edge_gain(bp, 40.0), half_power, 1e-9) << order << " " << fs;
      const ButterworthParams bs{.order = order,
                                 .type = FilterType::BandStop,
                                 .low_hz = 45.0,
                                 .high_hz = 55.0,
                                 .sample_rate_hz = fs};
      EXPECT_NEAR(edge_gain(bs, 45.0), half_power, 1e-9) << order << " " << fs;
      EXPECT_NEAR(edge_gain(bs, 55.0), half_power, 1e-9) << order << " " << fs;
      EXPECT_NEAR(edge_gain(bs, 0.0), 1.0, 1e-9);
    }
  }
}

TEST(Butterworth, SectionCountIsHalfThePoleCount) {
  for (int order = 1; order <= 8; ++order) {
    const ButterworthParams lp{
        .order = order, .type = FilterType::LowPass, .cutoff_hz = 10.0, .sample_rate_hz = 100.0};
    EXPECT_EQ(eegtrack::dsp::butterworth(lp).sections.size(),
              static_cast<std::size_t>((order + 1) / 2));
    const ButterworthParams bp{.order = order,
                               .type = FilterType::BandPass,
                               .low_hz = 5.0,
                               .high_hz = 10.0,
                               .sample_rate_hz = 100.0};
    EXPECT_EQ(eegtrack::dsp::butterworth(bp).sections.size(), static_cast<std::size_t>(order));
  }
}

void expect_throw_mentioning(const ButterworthParams& p, const std::string& text) {
  try {
    (void)eegtrack::dsp::butterworth(p);
    ADD_FAILURE() << "no throw for " << text;
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("butterworth: "), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
  }
}

TEST(Butterworth, RejectsOrderBelowOne) {
  expect_throw_mentioning({.order = 0, .cutoff_hz = 10.0, .sample_rate_hz = 100.0}, "order");
}

TEST(Butterworth, RejectsEdgesOutsideZeroToNyquist) {
  expect_throw_mentioning({.order = 2, .cutoff_hz = 50.0, .sample_rate_hz = 100.0}, "cutoff_hz");
  expect_throw_mentioning(
      {.order = 2, .type = FilterType::HighPass, .cutoff_hz = 0.0, .sample_rate_hz = 100.0},
      "cutoff_hz");
  expect_throw_mentioning({.order = 2,
                           .type = FilterType::BandPass,
                           .low_hz = -1.0,
                           .high_hz = 10.0,
                           .sample_rate_hz = 100.0},
                          "low_hz");
  expect_throw_mentioning({.order = 2,
                           .type = FilterType::BandStop,
                           .low_hz = 1.0,
                           .high_hz = 60.0,
                           .sample_rate_hz = 100.0},
                          "high_hz");
}

TEST(Butterworth, RejectsLowEdgeNotBelowHighEdge) {
  expect_throw_mentioning({.order = 2,
                           .type = FilterType::BandPass,
                           .low_hz = 10.0,
                           .high_hz = 10.0,
                           .sample_rate_hz = 100.0},
                          "low_hz must be < high_hz");
}

TEST(Butterworth, RejectsNonPositiveSampleRate) {
  expect_throw_mentioning({.order = 2, .cutoff_hz = 10.0, .sample_rate_hz = 0.0}, "sample_rate_hz");
}

}  // namespace
