// Files written by EDFlib (the reference implementation of EDF+/BDF+) must read back without
// a single deviation, and with the samples and annotations EDFlib itself reads.
#include <edflib.h>
#include <gtest/gtest.h>

#include <cmath>
#include <mutex>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/edf_writer.hpp"
#include "support/edflib_oracle.hpp"
#include "support/paths.hpp"

namespace {

using eegtrack::io::EdfReader;

constexpr int kRate = 256;
constexpr int kSeconds = 6;

// Writes a 2-signal EDF+ or BDF+ with a sine and a ramp, three UTF-8 annotations and a
// sub-second start of 0.125 s.
std::filesystem::path write_with_edflib(bool bdf) {
  const auto path = eegtrack::test::scratch_dir() / (bdf ? "edflib.bdf" : "edflib.edf");
  int handle = 0;
  {
    const std::lock_guard lock(eegtrack::io::detail::edflib_mutex());
    handle = edfopen_file_writeonly(path.c_str(),
                                    bdf ? EDFLIB_FILETYPE_BDFPLUS : EDFLIB_FILETYPE_EDFPLUS, 2);
  }
  EXPECT_GE(handle, 0);
  const int dmax = bdf ? 8388607 : 32767;
  for (int s = 0; s < 2; ++s) {
    EXPECT_EQ(edf_set_samplefrequency(handle, s, kRate), 0);
    EXPECT_EQ(edf_set_physical_maximum(handle, s, s == 0 ? 500.0 : 2.5), 0);
    EXPECT_EQ(edf_set_physical_minimum(handle, s, s == 0 ? -500.0 : -2.5), 0);
    EXPECT_EQ(edf_set_digital_maximum(handle, s, dmax), 0);
    EXPECT_EQ(edf_set_digital_minimum(handle, s, -dmax - 1), 0);
    EXPECT_EQ(edf_set_label(handle, s, s == 0 ? "EEG Fp1-REF" : "ECG"), 0);
    EXPECT_EQ(edf_set_physical_dimension(handle, s, s == 0 ? "uV" : "mV"), 0);
  }
  EXPECT_EQ(edf_set_startdatetime(handle, 2023, 5, 17, 8, 30, 15), 0);
  EXPECT_EQ(edf_set_subsecond_starttime(handle, 1250000), 0);  // 100-ns units: 0.125 s
  std::vector<double> x(kRate);
  for (int sec = 0; sec < kSeconds; ++sec) {
    for (int k = 0; k < kRate; ++k)
      x[static_cast<std::size_t>(k)] =
          400.0 * std::sin(2 * M_PI * 10.0 * (sec * kRate + k) / kRate);
    EXPECT_EQ(edfwrite_physical_samples(handle, x.data()), 0);
    for (int k = 0; k < kRate; ++k)
      x[static_cast<std::size_t>(k)] = -2.0 + 4.0 * k / kRate;
    EXPECT_EQ(edfwrite_physical_samples(handle, x.data()), 0);
  }
  EXPECT_EQ(edfwrite_annotation_utf8(handle, 15000, -1, "Eyes closed"), 0);  // 0.1 ms units
  EXPECT_EQ(edfwrite_annotation_utf8(handle, 32500, 10000, "Spike \xCE\xBC"), 0);
  EXPECT_EQ(edfwrite_annotation_utf8(handle, 50000, -1, "Eyes open"), 0);
  const std::lock_guard lock(eegtrack::io::detail::edflib_mutex());
  EXPECT_EQ(edfclose_file(handle), 0);
  return path;
}

void expect_same_as_edflib(const std::filesystem::path& path) {
  const EdfReader reader(path);
  for (const auto& d : reader.deviations())
    ADD_FAILURE() << d.location << ": " << d.message;
  EXPECT_TRUE(reader.warnings().empty());
  const auto oracle = eegtrack::test::read_with_edflib(path);
  const auto& h = reader.header();
  EXPECT_EQ(h.start.year, oracle.year);
  EXPECT_EQ(h.start.second, oracle.second);
  EXPECT_NEAR(h.start.subsecond_s, oracle.subsecond_s, 1e-7);
  EXPECT_NEAR(h.start.subsecond_s, 0.125, 1e-7);
  EXPECT_NEAR(reader.duration_s(), oracle.file_duration_s, 1e-9);
  const auto data = h.data_signals();
  ASSERT_EQ(data.size(), oracle.signals.size());
  const auto chunks = reader.read_window(data, 0.0, reader.duration_s());
  ASSERT_EQ(chunks.size(), 1u);
  for (std::size_t i = 0; i < data.size(); ++i) {
    const auto& ours = chunks[0].signals[i].samples;
    const auto& theirs = oracle.samples[i];
    const double scale = h.signals[static_cast<std::size_t>(data[i])].unit_scale;
    ASSERT_EQ(ours.size(), theirs.size());
    for (std::size_t k = 0; k < ours.size(); ++k)
      ASSERT_NEAR(ours[k], theirs[k] * scale, 1e-9 * std::fabs(theirs[k] * scale) + 1e-9);
  }
  ASSERT_EQ(reader.annotations().size(), oracle.annotations.size());
  for (std::size_t a = 0; a < oracle.annotations.size(); ++a) {
    EXPECT_NEAR(reader.annotations()[a].onset_s, oracle.annotations[a].onset_s, 1e-6);
    EXPECT_NEAR(reader.annotations()[a].duration_s, oracle.annotations[a].duration_s, 1e-6);
    EXPECT_EQ(reader.annotations()[a].text, oracle.annotations[a].text);
  }
  EXPECT_EQ(reader.annotations().at(1).text, "Spike \xCE\xBC");
  EXPECT_NEAR(reader.annotations().at(1).onset_s, 3.25, 1e-9);
}

TEST(ReaderOracle, EdflibEdfPlusHasNoDeviationsAndSameContent) {
  expect_same_as_edflib(write_with_edflib(false));
}

TEST(ReaderOracle, EdflibBdfPlusHasNoDeviationsAndSameContent) {
  expect_same_as_edflib(write_with_edflib(true));
}

}  // namespace
