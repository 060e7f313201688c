// Files written through EDFlib, read back by eegtrack's reader and compared with EDFlib's own
// reader (the oracle) and with the values that were written.
#include <gtest/gtest.h>

#include <cmath>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/edf_writer.hpp"
#include "support/edf_compare.hpp"
#include "support/edflib_oracle.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace eegtrack::io {
namespace {

using test::expect_reader_matches_oracle;
using test::max_abs_diff;
using test::read_all;
using test::sine;

WriteSignal eeg(const std::string& label, int spr, double pmin = -1000.0, double pmax = 1000.0) {
  return {.label = label, .physical_min = pmin, .physical_max = pmax, .samples_per_record = spr};
}

double half_step(const WriteSignal& s) {
  return 0.5 * std::abs(s.physical_max - s.physical_min) /
             (static_cast<double>(s.digital_max) - static_cast<double>(s.digital_min)) +
         1e-9;
}

// Writes the file, checks reader == oracle and reader ~ written values; returns the reader.
EdfReader round_trip(const std::filesystem::path& path, const WriteParams& p,
                     const std::vector<WriteSignal>& s, const std::vector<std::vector<double>>& x,
                     const std::vector<Annotation>& a = {}) {
  write_edf(path, p, s, x, a);
  expect_reader_matches_oracle(path);
  EdfReader reader(path);
  const auto got = read_all(reader);
  EXPECT_EQ(got.size(), x.size());
  for (std::size_t i = 0; i < std::min(got.size(), x.size()); ++i)
    EXPECT_LE(max_abs_diff(got[i], x[i]), half_step(s[i])) << "signal " << i;
  return reader;
}

TEST(RoundTrip, SinesAndAnnotations) {
  const auto path = test::scratch_dir() / "sines.edf";
  const std::vector<WriteSignal> s = {eeg("Fp1", 256), eeg("Fp2", 256), eeg("O1", 256)};
  const std::vector<std::vector<double>> x = {sine(256 * 10, 256, 10.0, 50.0),
                                              sine(256 * 10, 256, 3.0, 120.0, 0.3),
                                              sine(256 * 10, 256, 40.0, 20.0, 1.0)};
  const std::vector<Annotation> a = {
      {0.0, 0.0, "start"}, {2.5, 1.25, "eyes closed"}, {7.0321, 0.0, "spike \xce\xbcV"}};
  const auto reader = round_trip(
      path,
      {.start = {.year = 2024, .month = 2, .day = 29, .hour = 23, .minute = 59, .second = 58}}, s,
      x, a);
  EXPECT_EQ(reader.header().file_type, FileType::EdfPlusC);
  EXPECT_EQ(reader.header().signals[0].label, "Fp1");
  EXPECT_EQ(reader.header().start.year, 2024);
  EXPECT_EQ(reader.header().start.day, 29);
  ASSERT_EQ(reader.annotations().size(), a.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(reader.annotations()[k].text, a[k].text);
    EXPECT_NEAR(reader.annotations()[k].onset_s, a[k].onset_s, 1e-9);
    EXPECT_NEAR(reader.annotations()[k].duration_s, a[k].duration_s, 1e-9);
  }
  EXPECT_TRUE(reader.deviations().empty())
      << reader.deviations().front().location << ": " << reader.deviations().front().message;
  ASSERT_EQ(reader.segments().size(), 1u);
  EXPECT_DOUBLE_EQ(reader.duration_s(), 10.0);
}

TEST(RoundTrip, MixedSampleRates) {
  const auto path = test::scratch_dir() / "mixed.edf";
  const std::vector<WriteSignal> s = {eeg("C3", 256), eeg("Resp", 64, -5000, 5000), eeg("C4", 256)};
  const std::vector<std::vector<double>> x = {
      sine(256 * 6, 256, 11.0, 80.0), sine(64 * 6, 64, 0.3, 3000.0), sine(256 * 6, 256, 5.0, 60.0)};
  const auto reader = round_trip(path, {}, s, x);
  EXPECT_DOUBLE_EQ(reader.header().signals[1].sample_rate_hz, 64.0);
  EXPECT_DOUBLE_EQ(reader.header().signals[2].sample_rate_hz, 256.0);
}

TEST(RoundTrip, HalfSecondRecords) {
  const auto path = test::scratch_dir() / "half.edf";
  const std::vector<WriteSignal> s = {eeg("Cz", 128), eeg("Pz", 32)};
  const std::vector<std::vector<double>> x = {sine(128 * 9, 256, 10.0, 70.0),
                                              sine(32 * 9, 64, 2.0, 70.0)};
  const auto reader = round_trip(path, {.record_duration_s = 0.5}, s, x, {{1.75, 0.0, "mark"}});
  EXPECT_DOUBLE_EQ(reader.header().record_duration_s, 0.5);
  EXPECT_DOUBLE_EQ(reader.header().signals[0].sample_rate_hz, 256.0);
  EXPECT_DOUBLE_EQ(reader.duration_s(), 4.5);
}

TEST(RoundTrip, TwoSecondRecords) {
  const auto path = test::scratch_dir() / "two.edf";
  const std::vector<WriteSignal> s = {eeg("T3", 512)};
  const std::vector<std::vector<double>> x = {sine(512 * 4, 256, 6.0, 200.0)};
  const auto reader = round_trip(path, {.record_duration_s = 2.0}, s, x, {{5.5, 0.5, "arousal"}});
  EXPECT_DOUBLE_EQ(reader.header().signals[0].sample_rate_hz, 256.0);
  EXPECT_DOUBLE_EQ(reader.duration_s(), 8.0);
  // A window inside the second record starts at its true time.
  const std::vector<int> sig = {0};
  const auto chunks = reader.read_window(sig, 3.0, 3.5);
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_DOUBLE_EQ(chunks[0].signals[0].start_s, 3.0);
  ASSERT_EQ(chunks[0].signals[0].samples.size(), 128u);
  const auto all = read_all(reader);
  for (std::size_t k = 0; k < 128; ++k)
    EXPECT_EQ(chunks[0].signals[0].samples[k], all[0][768 + k]);
}

TEST(RoundTrip, Bdf24BitNegativeValues) {
  const auto path = test::scratch_dir() / "neg.bdf";
  WriteSignal s = eeg("EXG1", 256, -262144.0, 262143.0);
  s.digital_min = -8388608;
  s.digital_max = 8388607;
  std::vector<double> x = sine(256 * 4, 256, 1.0, 200000.0);
  for (double& v : x)
    v -= 50000.0;  // mostly negative, below -2^15 digital units
  const auto reader = round_trip(path, {.format = WriteFormat::BdfPlus}, {s}, {x});
  EXPECT_EQ(reader.header().file_type, FileType::BdfPlusC);
  EXPECT_EQ(reader.header().bytes_per_sample, 3);
}

TEST(RoundTrip, NegativeGain) {
  const auto path = test::scratch_dir() / "invert.edf";
  const std::vector<WriteSignal> s = {eeg("Fz", 100, 500.0, -500.0), eeg("Cz", 100)};
  const std::vector<std::vector<double>> x = {sine(100 * 3, 100, 4.0, 400.0),
                                              sine(100 * 3, 100, 4.0, 400.0)};
  const auto reader = round_trip(path, {}, s, x);
  EXPECT_LT(reader.header().signals[0].gain, 0.0);
  EXPECT_GT(reader.header().signals[1].gain, 0.0);
}

TEST(RoundTrip, SubsecondStart) {
  const auto path = test::scratch_dir() / "sub.edf";
  const std::vector<WriteSignal> s = {eeg("Oz", 200)};
  const std::vector<std::vector<double>> x = {sine(200 * 5, 200, 9.0, 30.0)};
  const auto reader = round_trip(path,
                                 {.start = {.year = 2020,
                                            .month = 1,
                                            .day = 2,
                                            .hour = 3,
                                            .minute = 4,
                                            .second = 5,
                                            .subsecond_s = 0.375}},
                                 s, x, {{1.5, 0.0, "after start"}});
  EXPECT_DOUBLE_EQ(reader.header().start.subsecond_s, 0.375);
  ASSERT_EQ(reader.segments().size(), 1u);
  EXPECT_NEAR(reader.segments()[0].onset_s, 0.0, 1e-9);
  // Onsets count from the first sample, as EDFlib reports them.
  ASSERT_EQ(reader.annotations().size(), 1u);
  EXPECT_NEAR(reader.annotations()[0].onset_s, 1.5, 1e-9);
  EXPECT_EQ(to_iso8601(reader.header().start), "2020-01-02T03:04:05.375000");
}

// Hand-built files (plain EDF/BDF, EDF+C with two annotation signals, two-digit year 1999)
// against the oracle: checks the raw builder and the reader on files EDFlib did not write.
TEST(RoundTrip, HandBuiltFilesMatchOracle) {
  const auto dir = test::scratch_dir();
  for (const auto format :
       {test::RawFormat::Edf, test::RawFormat::Bdf, test::RawFormat::EdfPlusC}) {
    test::RawEdfSpec spec;
    spec.format = format;
    spec.startdate = "31.12.99";
    spec.recording = "Startdate 31-DEC-1999 X X X";  // EDFlib checks it against the header
    spec.n_records = 3;
    std::vector<std::int32_t> a, b;
    for (int k = 0; k < 30; ++k)
      a.push_back(k * 977 - 14000);
    for (int k = 0; k < 15; ++k)
      b.push_back(-k * 2011 + 9000);
    spec.signals = {test::raw_data_signal("EEG F3-REF", 10, a),
                    test::raw_data_signal("Resp", 5, b)};
    spec.signals[1].physical_min = "250";
    spec.signals[1].physical_max = "-250";  // negative gain
    if (format == test::RawFormat::EdfPlusC) {
      spec.signals.push_back(test::raw_annotation_signal(30));
      spec.signals.push_back(test::raw_annotation_signal(30));
      spec.annotations = {{.record = 1, .onset_s = 1.5, .duration_s = 0.25, .text = "one"},
                          {.record = 2, .annotation_signal = 1, .onset_s = 2.75, .text = "two"}};
    } else {
      spec.patient = "anonymous";
      spec.recording = "test";
    }
    const auto path = dir / ("hand" + std::to_string(static_cast<int>(format)) + ".edf");
    test::write_raw_edf(path, spec);
    expect_reader_matches_oracle(path);
    const EdfReader reader(path);
    EXPECT_EQ(reader.header().start.year, 1999);
    EXPECT_EQ(reader.annotations().size(), spec.annotations.size());
  }
}

}  // namespace
}  // namespace eegtrack::io
