#include "support/edf_compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace eegtrack::test {

std::vector<std::vector<double>> read_all(const io::EdfReader& reader) {
  const auto signals = reader.header().data_signals();
  std::vector<std::vector<double>> out(signals.size());
  reader.read_records(0, reader.header().n_records, signals, out);
  return out;
}

std::vector<double> sine(std::size_t n, double rate_hz, double freq_hz, double amplitude,
                         double phase) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = amplitude *
           std::sin(2.0 * std::numbers::pi * freq_hz * static_cast<double>(i) / rate_hz + phase);
  return x;
}

double max_abs_diff(const std::vector<double>& a, const std::vector<double>& b) {
  EXPECT_EQ(a.size(), b.size());
  double m = 0.0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

namespace {

void expect_header_matches(const io::Header& h, const OracleFile& o) {
  EXPECT_EQ(h.start.year, o.year);
  EXPECT_EQ(h.start.month, o.month);
  EXPECT_EQ(h.start.day, o.day);
  EXPECT_EQ(h.start.hour, o.hour);
  EXPECT_EQ(h.start.minute, o.minute);
  EXPECT_EQ(h.start.second, o.second);
  EXPECT_NEAR(h.start.subsecond_s, o.subsecond_s, 1e-7);
  EXPECT_EQ(h.n_records, o.n_records);
  EXPECT_DOUBLE_EQ(h.record_duration_s, o.record_duration_s);
  const auto data = h.data_signals();
  ASSERT_EQ(data.size(), o.signals.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    const auto& s = h.signals[static_cast<std::size_t>(data[i])];
    const auto& t = o.signals[i];
    SCOPED_TRACE("signal " + t.label);
    EXPECT_EQ(s.label, t.label);
    EXPECT_EQ(s.physical_dimension, t.physical_dimension);
    EXPECT_EQ(s.physical_min, t.physical_min);
    EXPECT_EQ(s.physical_max, t.physical_max);
    EXPECT_EQ(s.digital_min, t.digital_min);
    EXPECT_EQ(s.digital_max, t.digital_max);
    EXPECT_EQ(s.samples_per_record, t.samples_per_record);
    EXPECT_DOUBLE_EQ(s.sample_rate_hz, t.sample_rate_hz);
  }
}

}  // namespace

void expect_reader_matches_oracle(const std::filesystem::path& path) {
  const OracleFile o = read_with_edflib(path);
  const io::EdfReader reader(path);
  SCOPED_TRACE(path.string());
  expect_header_matches(reader.header(), o);
  const auto samples = read_all(reader);
  ASSERT_EQ(samples.size(), o.samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const double scale =
        std::max(std::abs(o.signals[i].physical_min), std::abs(o.signals[i].physical_max));
    ASSERT_EQ(samples[i].size(), o.samples[i].size()) << "signal " << i;
    EXPECT_LE(max_abs_diff(samples[i], o.samples[i]), kOracleRelTol * scale) << "signal " << i;
  }
  const auto& a = reader.annotations();
  ASSERT_EQ(a.size(), o.annotations.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].text, o.annotations[k].text) << "annotation " << k;
    EXPECT_NEAR(a[k].onset_s, o.annotations[k].onset_s, kOnsetTolS) << "annotation " << k;
    EXPECT_NEAR(a[k].duration_s, o.annotations[k].duration_s, kOnsetTolS) << "annotation " << k;
  }
}

}  // namespace eegtrack::test
