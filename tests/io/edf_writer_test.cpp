// EdfWriter checked against EDFlib's own reader (the oracle), independent of eegtrack's reader.
#include "eegtrack/io/edf_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "support/edf_compare.hpp"
#include "support/edflib_oracle.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

using test::read_with_edflib;

WriteSignal eeg(const std::string& label, int spr) {
  return {.label = label, .physical_min = -500.0, .physical_max = 500.0, .samples_per_record = spr};
}

TEST(EdfWriter, HeaderFieldsReachEdflib) {
  const auto path = test::scratch_dir() / "h.edf";
  WriteParams p{.record_duration_s = 0.5,
                .start = {.year = 2023,
                          .month = 7,
                          .day = 14,
                          .hour = 13,
                          .minute = 5,
                          .second = 59,
                          .subsecond_s = 0.125},
                .patient_code = "P001",
                .equipment = "amp1"};
  std::vector<WriteSignal> s = {eeg("EEG Fp1-REF", 128), eeg("ECG", 32)};
  s[0].prefilter = "HP:0.5Hz LP:70Hz";
  s[0].transducer = "AgAgCl cup";
  s[1].physical_dimension = "mV";
  s[1].physical_min = -5.0;
  s[1].physical_max = 5.0;
  const std::vector<std::vector<double>> x = {std::vector<double>(128 * 4, 1.0),
                                              std::vector<double>(32 * 4, 0.5)};
  write_edf(path, p, s, x);
  const auto o = read_with_edflib(path);
  EXPECT_EQ(o.filetype, 1);  // EDFLIB_FILETYPE_EDFPLUS
  EXPECT_EQ(o.year, 2023);
  EXPECT_EQ(o.month, 7);
  EXPECT_EQ(o.day, 14);
  EXPECT_EQ(o.hour, 13);
  EXPECT_EQ(o.minute, 5);
  EXPECT_EQ(o.second, 59);
  EXPECT_DOUBLE_EQ(o.subsecond_s, 0.125);
  EXPECT_DOUBLE_EQ(o.record_duration_s, 0.5);
  EXPECT_EQ(o.n_records, 4);
  ASSERT_EQ(o.signals.size(), 2u);
  EXPECT_EQ(o.signals[0].label, "EEG Fp1-REF");
  EXPECT_EQ(o.signals[0].prefilter.substr(0, 16), "HP:0.5Hz LP:70Hz");
  EXPECT_EQ(o.signals[0].transducer.substr(0, 10), "AgAgCl cup");
  EXPECT_DOUBLE_EQ(o.signals[0].sample_rate_hz, 256.0);
  EXPECT_DOUBLE_EQ(o.signals[1].sample_rate_hz, 64.0);
  EXPECT_EQ(o.signals[1].physical_dimension, "mV");
  EXPECT_EQ(o.signals[1].physical_min, -5.0);
  EXPECT_EQ(o.signals[1].physical_max, 5.0);
}

TEST(EdfWriter, SamplesWithinHalfDigitalStep) {
  const auto path = test::scratch_dir() / "s.bdf";
  WriteParams p{.format = WriteFormat::BdfPlus};
  std::vector<WriteSignal> s = {eeg("C3", 200)};
  s[0].digital_min = -8388608;
  s[0].digital_max = 8388607;
  const std::vector<std::vector<double>> x = {test::sine(200 * 3, 200.0, 7.0, 300.0)};
  write_edf(path, p, s, x);
  const auto o = read_with_edflib(path);
  EXPECT_EQ(o.filetype, 3);  // EDFLIB_FILETYPE_BDFPLUS
  const double step = 1000.0 / (8388607.0 + 8388608.0);
  EXPECT_LE(test::max_abs_diff(o.samples[0], x[0]), 0.5 * step * (1 + 1e-9));
}

TEST(EdfWriter, AnnotationsReachEdflib) {
  const auto path = test::scratch_dir() / "a.edf";
  const std::vector<std::vector<double>> x = {std::vector<double>(100 * 5, 0.0)};
  const std::vector<Annotation> a = {
      {0.5, 0.0, "lights off"}, {1.2345, 2.5, "Anfall \xc3\xbc\xc3\x9f"}, {4.0001, 0.0, "end"}};
  write_edf(path, {}, {eeg("Cz", 100)}, x, a);
  const auto o = read_with_edflib(path);
  ASSERT_EQ(o.annotations.size(), 3u);
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(o.annotations[k].text, a[k].text);
    EXPECT_NEAR(o.annotations[k].onset_s, a[k].onset_s, 1e-9);
    EXPECT_NEAR(o.annotations[k].duration_s, a[k].duration_s, 1e-9);
  }
}

TEST(EdfWriter, MoreAnnotationsThanRecordsNeedMoreAnnotationSignals) {
  const auto dir = test::scratch_dir();
  const std::vector<std::vector<double>> x = {std::vector<double>(10 * 2, 0.0)};
  std::vector<Annotation> a;
  for (int k = 0; k < 5; ++k)
    a.push_back({0.1 * k, 0.0, "ev" + std::to_string(k)});
  EXPECT_THROW(write_edf(dir / "one.edf", {}, {eeg("Cz", 10)}, x, a), EdfError);
  write_edf(dir / "three.edf", {.annotation_signals = 3}, {eeg("Cz", 10)}, x, a);
  EXPECT_EQ(read_with_edflib(dir / "three.edf").annotations.size(), 5u);
}

TEST(EdfWriter, DestructorFinalisesFile) {
  const auto path = test::scratch_dir() / "d.edf";
  {
    EdfWriter w(path, {}, {eeg("O1", 16)});
    const std::vector<std::vector<double>> x = {std::vector<double>(16 * 3, 2.0)};
    w.write_records(x);
    EdfWriter moved(std::move(w));
    moved.write_records(x);
    EXPECT_EQ(moved.records_written(), 6);
  }
  EXPECT_EQ(read_with_edflib(path).n_records, 6);
}

TEST(EdfWriter, OpenFailureNamesPathAndCode) {
  const auto path = test::scratch_dir() / "no-such-dir" / "x.edf";
  try {
    EdfWriter w(path, {}, {eeg("O1", 16)});
    FAIL() << "no exception";
  } catch (const EdfError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("code -2"), std::string::npos) << e.what();
  }
}

TEST(EdfWriter, RejectsInvalidSignals) {
  const auto path = test::scratch_dir() / "bad.edf";
  auto s = eeg("Cz", 10);
  s.digital_min = s.digital_max;
  EXPECT_THROW(EdfWriter(path, {}, {s}), std::invalid_argument);
  s = eeg("Cz", 10);
  s.physical_min = s.physical_max;
  EXPECT_THROW(EdfWriter(path, {}, {s}), std::invalid_argument);
  s = eeg("Cz", 0);
  EXPECT_THROW(EdfWriter(path, {}, {s}), std::invalid_argument);
  s = eeg("a label longer than 16", 10);
  EXPECT_THROW(EdfWriter(path, {}, {s}), std::invalid_argument);
  s = eeg("Cz", 10);
  s.digital_max = 40000;  // beyond 16 bits
  EXPECT_THROW(EdfWriter(path, {}, {s}), std::invalid_argument);
}

// No signals: an annotation-only EDF+ file, as EDFbrowser exports annotations. More
// annotations than any fixed record count would hold, a sub-second start, read back by EDFlib
// and by eegtrack's reader.
TEST(EdfWriter, AnnotationOnlyFileHoldsEveryAnnotation) {
  const auto path = test::scratch_dir() / "annotations_only.edf";
  const WriteParams p{.start = {.year = 2024,
                                .month = 2,
                                .day = 29,
                                .hour = 23,
                                .minute = 59,
                                .second = 58,
                                .subsecond_s = 0.25}};
  std::vector<Annotation> a;
  for (int k = 0; k < 150; ++k)
    a.push_back({7.5 * k + 0.0125, k % 3 == 0 ? 0.0 : 0.5 * k, "event " + std::to_string(k)});
  write_edf(path, p, {}, {}, a);
  const auto o = read_with_edflib(path);
  EXPECT_EQ(o.filetype, 1);  // EDFLIB_FILETYPE_EDFPLUS
  EXPECT_TRUE(o.signals.empty());
  EXPECT_EQ(o.year, 2024);
  EXPECT_EQ(o.month, 2);
  EXPECT_EQ(o.day, 29);
  EXPECT_EQ(o.hour, 23);
  EXPECT_EQ(o.minute, 59);
  EXPECT_EQ(o.second, 58);
  EXPECT_DOUBLE_EQ(o.subsecond_s, 0.25);
  ASSERT_EQ(o.annotations.size(), a.size());
  const EdfReader reader(path);
  EXPECT_TRUE(reader.header().data_signals().empty());
  EXPECT_DOUBLE_EQ(reader.header().start.subsecond_s, 0.25);
  ASSERT_EQ(reader.annotations().size(), a.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(o.annotations[k].text, a[k].text);
    EXPECT_NEAR(o.annotations[k].onset_s, a[k].onset_s, 1e-9);
    EXPECT_NEAR(o.annotations[k].duration_s, a[k].duration_s, 1e-9);
    EXPECT_EQ(reader.annotations()[k].text, a[k].text);
    EXPECT_NEAR(reader.annotations()[k].onset_s, a[k].onset_s, 1e-9);
    EXPECT_NEAR(reader.annotations()[k].duration_s, a[k].duration_s, 1e-9);
  }
  EdfWriter w(test::scratch_dir() / "annotations_only_records.edf", {}, {});
  EXPECT_THROW(w.write_records(std::vector<std::vector<double>>{}), std::invalid_argument);
}

TEST(EdfWriter, RejectsInvalidParams) {
  const auto path = test::scratch_dir() / "bad.edf";
  EXPECT_THROW(EdfWriter(path, {.record_duration_s = 0.000015}, {eeg("Cz", 1)}),
               std::invalid_argument);
  EXPECT_THROW(EdfWriter(path, {.record_duration_s = 61.0}, {eeg("Cz", 1)}), std::invalid_argument);
  EXPECT_THROW(EdfWriter(path, {.start = {.subsecond_s = 1.0}}, {eeg("Cz", 1)}),
               std::invalid_argument);
  EXPECT_THROW(EdfWriter(path, {.annotation_signals = 0}, {eeg("Cz", 1)}), std::invalid_argument);
}

TEST(EdfWriter, RejectsBadSampleVectors) {
  EdfWriter w(test::scratch_dir() / "v.edf", {}, {eeg("Cz", 10), eeg("Pz", 5)});
  const std::vector<std::vector<double>> unequal = {std::vector<double>(20),
                                                    std::vector<double>(5)};
  EXPECT_THROW(w.write_records(unequal), std::invalid_argument);
  const std::vector<std::vector<double>> one = {std::vector<double>(10)};
  EXPECT_THROW(w.write_records(one), std::invalid_argument);
  std::vector<std::vector<double>> nan = {std::vector<double>(10), std::vector<double>(5)};
  nan[1][3] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(w.write_records(nan), std::invalid_argument);
  EXPECT_EQ(w.records_written(), 0);
}

TEST(EdfWriter, RejectsBadAnnotations) {
  EdfWriter w(test::scratch_dir() / "v.edf", {}, {eeg("Cz", 10)});
  EXPECT_THROW(w.write_annotation({-1.0, 0.0, "x"}), std::invalid_argument);
  EXPECT_THROW(w.write_annotation({1.0, 0.0, std::string(41, 'a')}), std::invalid_argument);
  w.write_records(std::vector<std::vector<double>>{std::vector<double>(10)});
  w.close();
  EXPECT_THROW(w.write_annotation({1.0, 0.0, "late"}), std::invalid_argument);
  EXPECT_THROW(w.write_records(std::vector<std::vector<double>>{std::vector<double>(10)}),
               std::invalid_argument);
}

TEST(EdflibErrorText, NamesDiscontinuousFiles) {
  EXPECT_NE(edflib_error_text(-10).find("discontinuous"), std::string::npos);
  EXPECT_NE(edflib_error_text(-3).find("format errors"), std::string::npos);
}

}  // namespace
}  // namespace eegtrack::io
