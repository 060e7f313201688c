// EDF+D files built byte by byte: gaps must be exposed as segments with their true onsets.
// EDFlib refuses these files, which is why eegtrack reads EDF with its own reader.
#include <gtest/gtest.h>

#include "eegtrack/io/edf_reader.hpp"
#include "support/edf_compare.hpp"
#include "support/edflib_oracle.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace eegtrack::io {
namespace {

using test::RawEdfSpec;
using test::RawFormat;

constexpr int kSpr = 8;  // 8 Hz with 1-s records

// Distinct digital values per record and sample, so a misplaced record is visible.
std::vector<std::int32_t> ramp(int n_records, int spr, std::int32_t base) {
  std::vector<std::int32_t> d;
  for (int r = 0; r < n_records; ++r) {
    for (int k = 0; k < spr; ++k)
      d.push_back(base + r * 1000 - k * 37);
  }
  return d;
}

// Records at 0, 1, 2 s, then 10, 11 s; one annotation before and one after the gap, the
// second in a second annotation signal.
RawEdfSpec gapped(RawFormat format) {
  RawEdfSpec spec;
  spec.format = format;
  spec.n_records = 5;
  spec.record_onsets_s = {0, 1, 2, 10, 11};
  spec.signals = {test::raw_data_signal("Fp1", kSpr, ramp(5, kSpr, -20000)),
                  test::raw_annotation_signal(30), test::raw_annotation_signal(30),
                  test::raw_data_signal("Fp2", kSpr / 2, ramp(5, kSpr / 2, 5000))};
  spec.annotations = {{.record = 0, .onset_s = 0.5, .text = "before gap"},
                      {.record = 3,
                       .annotation_signal = 1,
                       .onset_s = 10.25,
                       .duration_s = 1.5,
                       .text = "after gap"}};
  return spec;
}

double physical(std::int32_t d) {
  return test::spec_physical(d, -3276.8, 3276.7, -32768, 32767);
}

// The reader's gain/offset form and the spec formula differ only by rounding.
constexpr double kTol = test::kOracleRelTol * 3276.8;

TEST(EdfPlusD, GapsBecomeSegments) {
  const auto path = test::scratch_dir() / "gap.edf";
  test::write_raw_edf(path, gapped(RawFormat::EdfPlusD));
  const EdfReader reader(path);
  EXPECT_EQ(reader.header().file_type, FileType::EdfPlusD);
  const std::vector<double> onsets = {0, 1, 2, 10, 11};
  EXPECT_EQ(reader.record_onsets_s(), onsets);
  ASSERT_EQ(reader.segments().size(), 2u);
  EXPECT_DOUBLE_EQ(reader.segments()[0].onset_s, 0.0);
  EXPECT_DOUBLE_EQ(reader.segments()[0].duration_s, 3.0);
  EXPECT_EQ(reader.segments()[0].first_record, 0);
  EXPECT_EQ(reader.segments()[0].n_records, 3);
  EXPECT_DOUBLE_EQ(reader.segments()[1].onset_s, 10.0);
  EXPECT_DOUBLE_EQ(reader.segments()[1].duration_s, 2.0);
  EXPECT_EQ(reader.segments()[1].first_record, 3);
  EXPECT_EQ(reader.segments()[1].n_records, 2);
  EXPECT_DOUBLE_EQ(reader.duration_s(), 12.0);
}

TEST(EdfPlusD, AnnotationsAfterGapKeepTrueOnsets) {
  const auto path = test::scratch_dir() / "gap.edf";
  test::write_raw_edf(path, gapped(RawFormat::EdfPlusD));
  const EdfReader reader(path);
  ASSERT_EQ(reader.annotations().size(), 2u);
  EXPECT_EQ(reader.annotations()[0].text, "before gap");
  EXPECT_DOUBLE_EQ(reader.annotations()[0].onset_s, 0.5);
  EXPECT_EQ(reader.annotations()[1].text, "after gap");
  EXPECT_DOUBLE_EQ(reader.annotations()[1].onset_s, 10.25);
  EXPECT_DOUBLE_EQ(reader.annotations()[1].duration_s, 1.5);
}

TEST(EdfPlusD, WindowAcrossGapGivesTwoChunks) {
  const auto path = test::scratch_dir() / "gap.edf";
  const auto spec = gapped(RawFormat::EdfPlusD);
  test::write_raw_edf(path, spec);
  const EdfReader reader(path);
  const std::vector<int> signals = {0, 3};
  const auto chunks = reader.read_window(signals, 1.5, 10.5);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].segment, 0u);
  EXPECT_EQ(chunks[1].segment, 1u);
  const auto& fp1_a = chunks[0].signals[0];
  const auto& fp1_b = chunks[1].signals[0];
  EXPECT_DOUBLE_EQ(fp1_a.start_s, 1.5);
  EXPECT_DOUBLE_EQ(fp1_b.start_s, 10.0);
  // 1.5-3.0 s and 10.0-10.5 s at 8 Hz.
  ASSERT_EQ(fp1_a.samples.size(), 12u);
  ASSERT_EQ(fp1_b.samples.size(), 4u);
  const auto& d = spec.signals[0].digital;
  for (std::size_t k = 0; k < 12; ++k)
    EXPECT_NEAR(fp1_a.samples[k], physical(d[12 + k]), kTol) << k;
  for (std::size_t k = 0; k < 4; ++k)
    EXPECT_NEAR(fp1_b.samples[k], physical(d[24 + k]), kTol) << k;
  // The 4-Hz signal: 1.5-3.0 s holds 6 samples, 10.0-10.5 s holds 2.
  const auto& fp2_a = chunks[0].signals[1];
  const auto& fp2_b = chunks[1].signals[1];
  EXPECT_DOUBLE_EQ(fp2_a.sample_rate_hz, 4.0);
  ASSERT_EQ(fp2_a.samples.size(), 6u);
  ASSERT_EQ(fp2_b.samples.size(), 2u);
  const auto& d2 = spec.signals[3].digital;
  EXPECT_NEAR(fp2_a.samples[0], physical(d2[6]), kTol);
  EXPECT_NEAR(fp2_b.samples[1], physical(d2[13]), kTol);
}

TEST(EdfPlusD, ReadRecordsGivesWrittenSamples) {
  const auto path = test::scratch_dir() / "gap.edf";
  const auto spec = gapped(RawFormat::EdfPlusD);
  test::write_raw_edf(path, spec);
  const EdfReader reader(path);
  std::vector<std::vector<double>> out(2);
  const std::vector<int> signals = {0, 3};
  reader.read_records(0, 5, signals, out);
  ASSERT_EQ(out[0].size(), 40u);
  ASSERT_EQ(out[1].size(), 20u);
  for (std::size_t k = 0; k < 40; ++k)
    EXPECT_NEAR(out[0][k], physical(spec.signals[0].digital[k]), kTol);
  for (std::size_t k = 0; k < 20; ++k)
    EXPECT_NEAR(out[1][k], physical(spec.signals[3].digital[k]), kTol);
}

TEST(EdfPlusD, Bdf24BitWithSubsecondStart) {
  const auto path = test::scratch_dir() / "gap.bdf";
  auto spec = gapped(RawFormat::BdfPlusD);
  spec.record_onsets_s = {0.5, 1.5, 2.5, 6.5, 7.5};
  spec.annotations = {{.record = 4, .onset_s = 8.0, .text = "late"}};
  spec.signals[0].digital_min = "-8388608";
  spec.signals[0].digital_max = "8388607";
  spec.signals[0].digital = ramp(5, kSpr, -8000000);
  test::write_raw_edf(path, spec);
  const EdfReader reader(path);
  EXPECT_EQ(reader.header().file_type, FileType::BdfPlusD);
  EXPECT_DOUBLE_EQ(reader.header().start.subsecond_s, 0.5);
  ASSERT_EQ(reader.segments().size(), 2u);
  EXPECT_DOUBLE_EQ(reader.segments()[0].onset_s, 0.0);
  EXPECT_DOUBLE_EQ(reader.segments()[1].onset_s, 6.0);
  ASSERT_EQ(reader.annotations().size(), 1u);
  EXPECT_DOUBLE_EQ(reader.annotations()[0].onset_s, 7.5);
  std::vector<std::vector<double>> out(1);
  const std::vector<int> signals = {0};
  reader.read_records(3, 1, signals, out);
  ASSERT_EQ(out[0].size(), static_cast<std::size_t>(kSpr));
  EXPECT_NEAR(
      out[0][0],
      test::spec_physical(spec.signals[0].digital[3 * kSpr], -3276.8, 3276.7, -8388608, 8388607),
      kTol);
}

TEST(EdfPlusD, EdflibRefusesDiscontinuousFiles) {
  const auto path = test::scratch_dir() / "gap.edf";
  test::write_raw_edf(path, gapped(RawFormat::EdfPlusD));
  EXPECT_EQ(test::edflib_open_code(path), -10);  // EDFLIB_FILE_IS_DISCONTINUOUS
  // The same records declared continuous (EDF+C, onsets 0-4 s) are accepted by EDFlib.
  auto spec = gapped(RawFormat::EdfPlusC);
  spec.record_onsets_s.clear();
  spec.annotations[1].onset_s = 3.25;
  test::write_raw_edf(path, spec);
  EXPECT_EQ(test::edflib_open_code(path), 0);
}

}  // namespace
}  // namespace eegtrack::io
