#include "eegtrack/dsp/windows.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "spectral_golden.hpp"

namespace dsp = eegtrack::dsp;
using eegtrack::test::GoldenTable;
using eegtrack::test::max_abs_diff;

TEST(MakeWindow, MatchesScipyGetWindow) {
  const GoldenTable g("spectral_windows.csv");
  int cases = 0;
  for (int c = 0; g.has("case" + std::to_string(c) + "/n"); ++c, ++cases) {
    const std::string k = "case" + std::to_string(c) + "/";
    const auto kind = dsp::parse_window_kind(g.text(k + "window"));
    const auto n = static_cast<std::size_t>(g.num(k + "n"));
    const auto w = dsp::make_window(kind, n, g.num(k + "periodic") != 0.0);
    const auto ref = g.vec(k + "w");
    ASSERT_EQ(w.size(), ref.size()) << k;
    EXPECT_LE(max_abs_diff(w, ref), 1e-15) << k;
  }
  EXPECT_EQ(cases, 32);
}

TEST(MakeWindow, PeriodicIsSymmetricOfOneMoreTruncated) {
  for (auto kind : {dsp::WindowKind::Hann, dsp::WindowKind::Hamming, dsp::WindowKind::Blackman}) {
    const auto periodic = dsp::make_window(kind, 64, true);
    auto symmetric = dsp::make_window(kind, 65, false);
    symmetric.pop_back();
    EXPECT_LE(max_abs_diff(periodic, symmetric), 0.0);
  }
}

TEST(MakeWindow, HannEndpointsAndPeak) {
  const auto w = dsp::make_window(dsp::WindowKind::Hann, 9, false);
  EXPECT_NEAR(w.front(), 0.0, 1e-16);
  EXPECT_NEAR(w.back(), 0.0, 1e-16);
  EXPECT_DOUBLE_EQ(w[4], 1.0);
}

TEST(MakeWindow, RejectsZeroLength) {
  EXPECT_THROW((void)dsp::make_window(dsp::WindowKind::Hann, 0, true), std::invalid_argument);
}

TEST(ParseWindowKind, RoundTripsNamesAndRejectsUnknown) {
  for (auto kind : {dsp::WindowKind::Hann, dsp::WindowKind::Hamming, dsp::WindowKind::Blackman,
                    dsp::WindowKind::Boxcar}) {
    EXPECT_EQ(dsp::parse_window_kind(dsp::to_string(kind)), kind);
  }
  try {
    (void)dsp::parse_window_kind("kaiser");
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("parse_window_kind"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("kaiser"), std::string::npos);
  }
}
