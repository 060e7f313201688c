// The de-identification filter of annotation texts: the forms found in the repository's real
// recordings and common technician notes keep their meaning; names, dates and ids do not pass.
#include "eegtrack/io/annotation_filter.hpp"

#include <gtest/gtest.h>

#include "eegtrack/io/text_escape.hpp"

namespace eegtrack::io {
namespace {

TEST(AnnotationFilter, KeepsTheAnnotationFormsOfTheRealRecordings) {
  // sample_edf/sleepedf_SC4001EC-Hypnogram.edf, eegmat_*.edf, eegmmidb_S001R01_eyes_open.edf.
  for (const char* text : {"Sleep stage W", "Sleep stage 1", "Sleep stage R", "Sleep stage ?",
                           "[Total time]+62.000", "T0", "T1", "Recording starts"})
    EXPECT_EQ(deidentified_annotation(text), text);
}

TEST(AnnotationFilter, KeepsEegTermsElectrodesNumbersAndClockTimes) {
  for (const char* text : {"eyes open", "Eyes Closed", "photic 10Hz", "HV 3 min", "Fp1 spike",
                           "spike-wave T3/T5", "seizure onset 14:05:30", "artifact: movement",
                           "lights off", "Cz sharp wave", "20% suppression"})
    EXPECT_EQ(deidentified_annotation(text), text) << text;
}

TEST(AnnotationFilter, ReplacesNamesDatesAndIds) {
  EXPECT_EQ(deidentified_annotation("Mr Smith eyes open"), "[word] [word] eyes open");
  EXPECT_EQ(deidentified_annotation("mother Anna present"), "[word] [word] [word]");
  EXPECT_EQ(deidentified_annotation("born 12.03.1961"), "[word] [date]");
  EXPECT_EQ(deidentified_annotation("DOB 1961-03-12, MRN 4711"), "[word] [date], [word] [number]");
  EXPECT_EQ(deidentified_annotation("(Dr. Müller) awake"), "([word]. [word]) awake");
  EXPECT_EQ(deidentified_annotation("ID:A123456"), "[number]");
  EXPECT_EQ(deidentified_annotation("Jean-Luc seizure"), "[word]-[word] seizure");
}

TEST(AnnotationFilter, ResultIsValidUtf8AndShownOnlyOnRequest) {
  const std::string latin1 = "M\xfcller awake";
  EXPECT_TRUE(is_clean_text(deidentified_annotation(latin1)));
  EXPECT_EQ(deidentified_annotation(latin1), "[word] awake");
  EXPECT_EQ(shown_annotation(latin1, true), "M\\xfcller awake");
  EXPECT_EQ(shown_annotation("Mr Smith", false), "[word] [word]");
}

TEST(AnnotationFilter, MaskKeepsTheByteLength) {
  EXPECT_EQ(masked_annotation("Jane Smith awake"), "XXXX XXXXX awake");
  EXPECT_EQ(masked_annotation("DOB 12.03.1961, MRN 4711"), "XXX XXXXXXXXXX, XXX XXXX");
  EXPECT_EQ(masked_annotation("[Total time]+62.000"), "[Total time]+62.000");
  const std::string latin1 = "M\xfcller spike";
  EXPECT_EQ(masked_annotation(latin1), "XXXXXX spike");
  for (const char* text : {"", "x", "Jean-Luc/Fp1 12:00", "\xce\xbc 3.5Hz (Dr. Who)"})
    EXPECT_EQ(masked_annotation(text).size(), std::string(text).size()) << text;
}

}  // namespace
}  // namespace eegtrack::io
