// EpochStream: fixed-length epochs inside each contiguous segment, never across an EDF+D gap,
// identical whatever the chunk length, as many as it counts before reading.
#include "eegtrack/pipeline/epoch_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "eegtrack/io/edf_reader.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"

namespace eegtrack::pipeline {
namespace {

constexpr int kSpr = 16;  // 16 Hz with 1-s records

// Records at 0, 1, 2 s, then (after a 7-s gap) 10 .. 13 s; every sample has its own value.
std::filesystem::path gapped_file() {
  test::RawEdfSpec spec;
  spec.format = test::RawFormat::EdfPlusD;
  spec.n_records = 7;
  spec.record_onsets_s = {0, 1, 2, 10, 11, 12, 13};
  std::vector<std::int32_t> a, b;
  for (int i = 0; i < 7 * kSpr; ++i) {
    a.push_back(i * 11 - 3000);
    b.push_back(5000 - i * 7);
  }
  spec.signals = {test::raw_data_signal("EEG O1", kSpr, a), test::raw_annotation_signal(30),
                  test::raw_data_signal("EEG O2", kSpr, b)};
  const auto path = test::scratch_dir() / "epoch_stream_gap.edf";
  test::write_raw_edf(path, spec);
  return path;
}

std::vector<Epoch> all_epochs(const io::EdfReader& reader, double epoch_s, double chunk_s) {
  EpochStream stream(reader, {0, 2}, epoch_s, chunk_s);
  std::vector<Epoch> out;
  Epoch e;
  while (stream.next(e))
    out.push_back(e);
  return out;
}

TEST(EpochStream, NeverCrossesAGapAndDropsPartialTails) {
  const io::EdfReader reader(gapped_file());
  ASSERT_EQ(reader.segments().size(), 2u);
  const auto epochs = all_epochs(reader, 1.5, 60.0);
  // Segment 0 holds 3 s (two 1.5-s epochs); segment 1 holds 4 s (two epochs, 1 s dropped).
  ASSERT_EQ(epochs.size(), 4u);
  const double onsets[] = {0.0, 1.5, 10.0, 11.5};
  const std::size_t segments[] = {0, 0, 1, 1};
  for (std::size_t i = 0; i < epochs.size(); ++i) {
    EXPECT_EQ(epochs[i].index, i);
    EXPECT_NEAR(epochs[i].onset_s, onsets[i], 1e-9) << i;
    EXPECT_EQ(epochs[i].segment, segments[i]) << i;
    ASSERT_EQ(epochs[i].samples.size(), 2u);
    // The oracle: the reader's own window over the epoch's time span, one segment only.
    const std::vector<int> signals{0, 2};
    const auto window = reader.read_window(signals, onsets[i], onsets[i] + 1.5);
    ASSERT_EQ(window.size(), 1u) << "epoch " << i << " spans a gap";
    for (std::size_t c = 0; c < 2; ++c)
      EXPECT_EQ(epochs[i].samples[c], window[0].signals[c].samples) << i << ' ' << c;
  }
}

TEST(EpochStream, ResultDoesNotDependOnChunkLength) {
  const io::EdfReader reader(gapped_file());
  const auto reference = all_epochs(reader, 1.5, 60.0);
  for (double chunk_s : {1.0, 2.0, 3.0, 5.0}) {
    const auto epochs = all_epochs(reader, 1.5, chunk_s);
    ASSERT_EQ(epochs.size(), reference.size()) << chunk_s;
    for (std::size_t i = 0; i < epochs.size(); ++i) {
      EXPECT_DOUBLE_EQ(epochs[i].onset_s, reference[i].onset_s) << chunk_s;
      EXPECT_EQ(epochs[i].segment, reference[i].segment);
      EXPECT_EQ(epochs[i].samples, reference[i].samples) << chunk_s << ' ' << i;
    }
  }
}

TEST(EpochStream, EpochLongerThanASegmentYieldsOnlyTheLongSegment) {
  const io::EdfReader reader(gapped_file());
  const auto epochs = all_epochs(reader, 3.5, 1.0);  // segment 0 (3 s) is too short
  ASSERT_EQ(epochs.size(), 1u);
  EXPECT_NEAR(epochs[0].onset_s, 10.0, 1e-9);
  EXPECT_EQ(epochs[0].samples[0].size(), static_cast<std::size_t>(3.5 * kSpr));
}

// The count known before reading is what next() then yields: whole epochs of each segment,
// partial tails dropped, epochs longer than a segment giving none there.
TEST(EpochStream, EpochCountIsWhatNextYields) {
  const io::EdfReader reader(gapped_file());
  for (double epoch_s : {0.125, 1.0, 1.5, 2.0, 3.0, 3.5, 4.0, 4.5}) {
    for (double chunk_s : {1.0, 60.0}) {
      const EpochStream stream(reader, {0, 2}, epoch_s, chunk_s);
      EXPECT_EQ(stream.epoch_count(), all_epochs(reader, epoch_s, chunk_s).size())
          << epoch_s << ' ' << chunk_s;
    }
  }
  EXPECT_EQ(EpochStream(reader, {0, 2}, 1.5).epoch_count(), 4u);
  EXPECT_EQ(EpochStream(reader, {0, 2}, 4.5).epoch_count(), 0u);
}

TEST(EpochStream, RejectsBadArguments) {
  const io::EdfReader reader(gapped_file());
  EXPECT_THROW(EpochStream(reader, {}, 1.0), std::invalid_argument);
  EXPECT_THROW(EpochStream(reader, {0}, 0.01), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::pipeline
