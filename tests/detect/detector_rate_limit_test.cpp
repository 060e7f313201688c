// The rhythm detectors size their windows and ring buffers from the sample rate: a rate from an
// absurd header (99,999,999 samples per 1-s record, or one sample per 1e-9 s) must be refused
// by name before anything is allocated, not grow the process to gigabytes.
#include <gtest/gtest.h>

#include <limits>

#include "eegtrack/detect/rhythm/bird_detector.hpp"
#include "eegtrack/detect/rhythm/seizure_detector.hpp"
#include "eegtrack/dsp/require.hpp"

namespace eegtrack::detect {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class Detector>
void expect_rate_refused(double rate_hz) {
  try {
    const Detector detector({}, rate_hz);
    ADD_FAILURE() << "no ParameterError at " << rate_hz << " Hz";
  } catch (const dsp::ParameterError& e) {
    EXPECT_EQ(e.field(), "sample_rate_hz") << rate_hz;
  }
}

TEST(DetectorRateLimit, AbsurdRatesAreRefusedByName) {
  for (const double rate : {99999999.0, 1e9, 1e300, kInf, kNaN, 100000.5}) {
    expect_rate_refused<SeizureDetector>(rate);
    expect_rate_refused<BirdDetector>(rate);
  }
}

TEST(DetectorRateLimit, RatesUpTo100kHzAreAccepted) {
  for (const double rate : {64.0, 256.0, 100000.0}) {
    EXPECT_NO_THROW(SeizureDetector({}, rate)) << rate;
    EXPECT_NO_THROW(BirdDetector({}, rate)) << rate;
  }
}

}  // namespace
}  // namespace eegtrack::detect
