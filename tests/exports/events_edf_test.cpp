// The events as an annotation-only EDF+ file, read back by EDFlib (the oracle) and by
// eegtrack's own reader: onsets, durations and texts of the events, the recording's start,
// nothing of the recording's identification.
#include "eegtrack/exports/events_edf.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <tuple>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/edf_writer.hpp"
#include "events_test_support.hpp"
#include "support/edflib_oracle.hpp"
#include "support/paths.hpp"

namespace eegtrack::exports {
namespace {

namespace fs = std::filesystem;

const io::StartTime kStart{
    .year = 2024, .month = 3, .day = 9, .hour = 7, .minute = 5, .second = 3, .subsecond_s = 0.375};

TEST(EventsEdf, AnnotationTextsNameTypeFrequencyAndFocus) {
  const auto events = test::sample_events();
  EXPECT_EQ(annotation_text(events[0]), "eegtrack spike T7");
  EXPECT_EQ(annotation_text(events[1]), "eegtrack LPD 1.5 Hz T7");
  EXPECT_EQ(annotation_text(events[2]), "eegtrack GRDA 2.0 Hz bilateral");
  EXPECT_EQ(annotation_text(events[3]), "eegtrack seizure 2.8 Hz F4");
  auto odd = events[0];
  odd.focus = "T7\x01\xc3\xa9";  // a control byte and UTF-8 from a hostile label
  EXPECT_EQ(annotation_text(odd), "eegtrack spike T7???");
  odd.focus = std::string(60, 'x');
  EXPECT_EQ(annotation_text(odd).size(), io::kMaxWriteAnnotationBytes);
  odd.focus.clear();
  odd.side = sites::Laterality::Unknown;
  EXPECT_EQ(annotation_text(odd), "eegtrack spike");
}

TEST(EventsEdf, EdflibAndEegtrackReadTheEventsAtTheRecordingStart) {
  const auto path = eegtrack::test::scratch_dir() / "rec.events.edf";
  const auto events = test::sample_events();
  write_events_edf(path, events, kStart, 600.0);
  for (const auto& entry : fs::directory_iterator(path.parent_path()))
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();

  const auto o = eegtrack::test::read_with_edflib(path);
  EXPECT_EQ(o.filetype, 1);  // EDFLIB_FILETYPE_EDFPLUS
  EXPECT_TRUE(o.signals.empty());
  EXPECT_EQ(o.year, 2024);
  EXPECT_EQ(o.month, 3);
  EXPECT_EQ(o.day, 9);
  EXPECT_EQ(o.hour, 7);
  EXPECT_EQ(o.minute, 5);
  EXPECT_EQ(o.second, 3);
  EXPECT_DOUBLE_EQ(o.subsecond_s, 0.375);
  ASSERT_EQ(o.annotations.size(), events.size());

  const io::EdfReader reader(path);
  const auto& start = reader.header().start;
  EXPECT_EQ(
      std::tie(start.year, start.month, start.day, start.hour, start.minute, start.second),
      std::tie(kStart.year, kStart.month, kStart.day, kStart.hour, kStart.minute, kStart.second));
  EXPECT_DOUBLE_EQ(start.subsecond_s, 0.375);
  ASSERT_EQ(reader.annotations().size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    for (const auto* a : {&o.annotations[i], &reader.annotations()[i]}) {
      EXPECT_NEAR(a->onset_s, events[i].onset_s, 5e-5) << i;  // EDF+ keeps 100 µs
      EXPECT_NEAR(a->duration_s, events[i].duration_s, 5e-5) << i;
      EXPECT_EQ(a->text, annotation_text(events[i]));
    }
  }
  // The EDF+ "unknown" subfields: nothing of a patient or a recording is copied.
  EXPECT_EQ(reader.header().patient, "X X X X");
  EXPECT_EQ(reader.header().recording, "Startdate 09-MAR-2024 X X X");
}

TEST(EventsEdf, RecordingWithoutEventsGetsOneAnnotationSpanningIt) {
  const auto path = eegtrack::test::scratch_dir() / "quiet.events.edf";
  write_events_edf(path, {}, kStart, 182.0);
  auto o = eegtrack::test::read_with_edflib(path);
  ASSERT_EQ(o.annotations.size(), 1u);
  EXPECT_EQ(o.annotations[0].text, kNoEventsText);
  EXPECT_DOUBLE_EQ(o.annotations[0].onset_s, 0.0);
  EXPECT_DOUBLE_EQ(o.annotations[0].duration_s, 182.0);
  write_events_edf(path, {}, kStart, 182.0, /*detection_ran=*/false);
  o = eegtrack::test::read_with_edflib(path);
  ASSERT_EQ(o.annotations.size(), 1u);
  EXPECT_EQ(o.annotations[0].text, kDetectionOffText);
}

// A start EDF cannot hold (a de-identified start shifted back before 1985) is written as EDF+'s
// clipping date with the time of day kept; the onsets are those of the events.
TEST(EventsEdf, StartBefore1985IsWrittenOnTheClippingDate) {
  const auto path = eegtrack::test::scratch_dir() / "early.events.edf";
  auto early = kStart;
  early.year = 1979;
  early.month = 7;
  early.day = 4;
  const auto events = test::sample_events();
  write_events_edf(path, events, early, 600.0);
  const auto o = eegtrack::test::read_with_edflib(path);
  EXPECT_EQ(std::tie(o.year, o.month, o.day, o.hour, o.minute, o.second),
            std::make_tuple(1985, 1, 1, 7, 5, 3));
  EXPECT_DOUBLE_EQ(o.subsecond_s, 0.375);
  ASSERT_EQ(o.annotations.size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i)
    EXPECT_NEAR(o.annotations[i].onset_s, events[i].onset_s, 5e-5) << i;
}

TEST(EventsEdf, UnwritableFolderIsNamed) {
  const auto path = eegtrack::test::scratch_dir() / "missing" / "rec.events.edf";
  try {
    write_events_edf(path, test::sample_events(), kStart, 600.0);
    FAIL() << "no exception";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace eegtrack::exports
