#include "eegtrack/io/channels.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "eegtrack/sites/site.hpp"
#include "label_sets.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

using test::RawLabel;

struct NormCase {
  std::string label;
  std::string normalized;
  bool bipolar;
  std::string plus;
  std::string minus;
  std::string reference;
};

// One row per rule of docs/channels-and-montages.md.
const std::vector<NormCase> kNormCases = {
    // case
    {"FP1", "Fp1", false, "Fp1", "", ""},
    {"FPZ", "Fpz", false, "Fpz", "", ""},
    {"CZ", "Cz", false, "Cz", "", ""},
    {"fc5", "FC5", false, "FC5", "", ""},
    {"o1", "O1", false, "O1", "", ""},
    {"cpz", "CPz", false, "CPz", "", ""},
    {"ft10", "FT10", false, "FT10", "", ""},
    // 10-20 -> 10-10 (never T9/T10)
    {"T3", "T7", false, "T7", "", ""},
    {"T4", "T8", false, "T8", "", ""},
    {"T5", "P7", false, "P7", "", ""},
    {"t6", "P8", false, "P8", "", ""},
    // type prefixes and reference suffixes
    {"EEG Fp1", "Fp1", false, "Fp1", "", ""},
    {"EEG Fp1-REF", "Fp1", false, "Fp1", "", "REF"},
    {"EEG T3-Ref", "T7", false, "T7", "", "Ref"},
    {"EEG T3-CLE", "T7", false, "T7", "", "CLE"},
    {"Fp1-Ref", "Fp1", false, "Fp1", "", "Ref"},
    {"Fp1-A1", "Fp1", false, "Fp1", "", "A1"},
    {"Fp2-A2", "Fp2", false, "Fp2", "", "A2"},
    {"Fp1-LE", "Fp1", false, "Fp1", "", "LE"},
    {"Fp1-AVG", "Fp1", false, "Fp1", "", "AVG"},
    {"Fp1-Avg", "Fp1", false, "Fp1", "", "Avg"},
    {"C3-M1", "C3", false, "C3", "", "M1"},
    {"C4-M2", "C4", false, "C4", "", "M2"},
    {"EEG A2-Ref", "A2", false, "A2", "", "Ref"},
    {"  EEG Cz-Ref  ", "Cz", false, "Cz", "", "Ref"},
    // BCI2000 trailing dots
    {"Fc5.", "FC5", false, "FC5", "", ""},
    {"Cz..", "Cz", false, "Cz", "", ""},
    {"Fp1.", "Fp1", false, "Fp1", "", ""},
    {"T10.", "T10", false, "T10", "", ""},
    {"Afz.", "AFz", false, "AFz", "", ""},
    {"Poz.", "POz", false, "POz", "", ""},
    {"Tp7.", "TP7", false, "TP7", "", ""},
    {"Iz..", "Iz", false, "Iz", "", ""},
    // bipolar
    {"FP1-F7", "Fp1-F7", true, "Fp1", "F7", ""},
    {"T8-P8", "T8-P8", true, "T8", "P8", ""},
    {"EEG Fp1-F7", "Fp1-F7", true, "Fp1", "F7", ""},
    {"EEG Fpz-Cz", "Fpz-Cz", true, "Fpz", "Cz", ""},
    {"T3-T5", "T7-P7", true, "T7", "P7", ""},
    {"FT9-FT10", "FT9-FT10", true, "FT9", "FT10", ""},
    {"EEG A2-A1", "A2-A1", true, "A2", "A1", ""},
    // a number telling a repeated label apart (PhysioNet CHB-MIT, MNE's renamed duplicates)
    {"T8-P8-0", "T8-P8", true, "T8", "P8", ""},
    {"T8-P8-1", "T8-P8", true, "T8", "P8", ""},
    {"EEG C3-REF-12", "C3", false, "C3", "", "REF"},
    {"C3-1", "C3", false, "C3", "", ""},
    // not electrodes: original text, trimmed
    {" Foo  ", "Foo", false, "", "", ""},
    {"POL E", "POL E", false, "", "", ""},
    {"POL T1", "POL T1", false, "", "", ""},
    {"Fp1-F7-F3", "Fp1-F7-F3", false, "", "", ""},
    {"--0", "--0", false, "", "", ""},
    {"Foo-1", "Foo-1", false, "", "", ""},
    {"T8-P8-x", "T8-P8-x", false, "", "", ""},
    {"T8-P8-", "T8-P8-", false, "", "", ""},
};

TEST(NormalizeChannel, AppliesEveryLabelRule) {
  for (const NormCase& c : kNormCases) {
    const ChannelName n = normalize_channel(c.label, "uV");
    EXPECT_EQ(n.normalized, c.normalized) << c.label;
    EXPECT_EQ(n.bipolar, c.bipolar) << c.label;
    EXPECT_EQ(n.plus, c.plus) << c.label;
    EXPECT_EQ(n.minus, c.minus) << c.label;
    EXPECT_EQ(n.reference, c.reference) << c.label;
  }
}

TEST(NormalizeChannel, KeepsTheOriginalLabel) {
  const ChannelName n = normalize_channel("EEG T5-REF  ");
  EXPECT_EQ(n.original, "EEG T5-REF");
  EXPECT_EQ(n.normalized, "P7");
}

TEST(NormalizeChannel, TypeFollowsUnitAndTransducer) {
  struct Case {
    std::string label, unit, transducer;
    ChannelType type;
  };
  const std::vector<Case> cases = {
      {"Fp1", "mV", "", ChannelType::Eeg},
      {"Fp1", "\xC2\xB5V", "", ChannelType::Eeg},
      {"Fp1", "", "", ChannelType::Eeg},
      {"Cz", "degC", "", ChannelType::Other},
      {"EEG Fp1", "%", "", ChannelType::Other},
      {"ECG", "Boolean", "", ChannelType::Other},
      {"Resp chest", "%", "", ChannelType::Respiration},
      {"Sig1", "", "Rectal thermistor", ChannelType::Other},
      {"Sig2", "mV", "Thoracic belt", ChannelType::Respiration},
      {"Sig3", "uV", "AgAgCl EOG electrode", ChannelType::Eog},
      {"Sig4", "uV", "", ChannelType::Other},
      {"EKG", "mV", "", ChannelType::Ecg},
      {"Chin1", "uV", "", ChannelType::Emg},
      {"Thor", "", "", ChannelType::Respiration},
      {"Abdo", "", "", ChannelType::Respiration},
      {"Airflow", "", "", ChannelType::Respiration},
      {"Nasal pressure", "", "", ChannelType::Respiration},
      {"SpO2", "%", "", ChannelType::Other},
      {"Photic", "", "", ChannelType::Other},
      {"DC01", "mV", "", ChannelType::Other},
      {"X1", "uV", "", ChannelType::Other},
      {"Status", "", "", ChannelType::Other},
      {"LOC-A2", "uV", "", ChannelType::Eog},
  };
  for (const Case& c : cases)
    EXPECT_EQ(normalize_channel(c.label, c.unit, c.transducer).type, c.type)
        << c.label << " [" << c.unit << "] " << c.transducer;
}

TEST(NormalizeChannel, AnnotationSignalsAreAnnotations) {
  EXPECT_EQ(normalize_channel("EDF Annotations").type, ChannelType::Annotation);
  EXPECT_EQ(normalize_channel("BDF Annotations").type, ChannelType::Annotation);
  EXPECT_EQ(normalize_channel("Fp1", "uV", "", true).type, ChannelType::Annotation);
}

std::vector<ChannelName> normalize_all(const std::vector<RawLabel>& raw) {
  std::vector<ChannelName> out;
  for (const RawLabel& r : raw)
    out.push_back(normalize_channel(r.label, r.unit, r.transducer, r.label == "EDF Annotations"));
  return out;
}

std::vector<std::string> normalized_of(const std::vector<ChannelName>& names) {
  std::vector<std::string> out;
  for (const ChannelName& n : names)
    out.push_back(n.normalized);
  return out;
}

std::vector<ChannelType> types_of(const std::vector<ChannelName>& names) {
  std::vector<ChannelType> out;
  for (const ChannelName& n : names)
    out.push_back(n.type);
  return out;
}

TEST(NormalizeChannel, SleepEdfLabels) {
  const auto names = normalize_all(test::kSleepedfLabels);
  using enum ChannelType;
  EXPECT_EQ(types_of(names), (std::vector{Eeg, Eeg, Eog, Respiration, Emg, Other, Other}));
  EXPECT_EQ(normalized_of(names),
            (std::vector<std::string>{"Fpz-Cz", "Pz-Oz", "EOG horizontal", "Resp oro-nasal",
                                      "EMG submental", "Temp rectal", "Event marker"}));
  EXPECT_TRUE(names[0].bipolar);
}

TEST(NormalizeChannel, EegmatLabelsUseNewNames) {
  const auto names = normalize_all(test::kEegmatLabels);
  EXPECT_EQ(normalized_of(names), (std::vector<std::string>{"Fp1",     "Fp2",
                                                            "F3",      "F4",
                                                            "F7",      "F8",
                                                            "T7",      "T8",
                                                            "C3",      "C4",
                                                            "P7",      "P8",
                                                            "P3",      "P4",
                                                            "O1",      "O2",
                                                            "Fz",      "Cz",
                                                            "Pz",      "A2-A1",
                                                            "ECG ECG", "EDF Annotations"}));
  for (std::size_t i = 0; i < 20; ++i)
    EXPECT_EQ(names[i].type, ChannelType::Eeg) << names[i].original;
  EXPECT_EQ(names[20].type, ChannelType::Ecg);
  EXPECT_EQ(names[21].type, ChannelType::Annotation);
  EXPECT_TRUE(names[19].bipolar);
}

TEST(NormalizeChannel, ChbmitLabelsAreBipolarEeg) {
  const auto names = normalize_all(test::kChbmitLabels);
  EXPECT_EQ(names[0].normalized, "Fp1-F7");
  EXPECT_EQ(names[16].normalized, "Fz-Cz");
  EXPECT_EQ(names[17].normalized, "Cz-Pz");
  EXPECT_EQ(names[20].normalized, "FT9-FT10");
  for (std::size_t i = 0; i < 23; ++i) {
    EXPECT_EQ(names[i].type, ChannelType::Eeg) << names[i].original;
    EXPECT_TRUE(names[i].bipolar) << names[i].original;
  }
}

TEST(NormalizeChannel, NihonKohdenLabels) {
  const auto names = normalize_all(test::kNihonKohdenTypesLabels);
  std::map<ChannelType, int> count;
  for (const ChannelName& n : names)
    ++count[n.type];
  // 19 10-20 + A1, A2 + F9/T9/P9/F10/T10/P10; ECG1/2; POL and SaO2 inputs are Other.
  EXPECT_EQ(count[ChannelType::Eeg], 27);
  EXPECT_EQ(count[ChannelType::Ecg], 2);
  EXPECT_EQ(count[ChannelType::Other], 13);
  EXPECT_EQ(count[ChannelType::Annotation], 1);
  EXPECT_EQ(names[12].normalized, "T7");
  EXPECT_EQ(names[29].normalized, "T9");
  EXPECT_EQ(names[29].reference, "Ref");

  const auto old = normalize_all(test::kNihonKohdenLabels);
  EXPECT_EQ(old[12].normalized, "T8");          // "EEG T4-Ref"
  EXPECT_EQ(old[15].normalized, "P7");          // "EEG T5-Ref"
  EXPECT_EQ(old[19].type, ChannelType::Other);  // "POL E"
  EXPECT_EQ(old[22].type, ChannelType::Other);  // "POL X1"
  EXPECT_EQ(old[23].type, ChannelType::Other);  // "POL $A2"
}

TEST(NormalizeChannel, BdfAndBci2000Labels) {
  const auto bdf = normalize_all(test::kBdfPlusLabels);
  using enum ChannelType;
  EXPECT_EQ(types_of(bdf), (std::vector{Emg, Eog, Eeg, Eeg, Eeg, Eeg, Other, Ecg, Eeg, Eeg, Eeg,
                                        Eeg, Eeg, Eeg, Eeg, Eeg, Other, Other, Other}));
  for (const std::string& label : test::kEegmmidbLabels) {
    const ChannelName n = normalize_channel(label, "uV", "BCI2000");
    EXPECT_EQ(n.type, ChannelType::Eeg) << label;
    EXPECT_TRUE(sites::electrode_site(n.normalized).has_value()) << label;
  }
}

using LabelFiles = std::vector<std::pair<const char*, const std::vector<RawLabel>*>>;

void expect_labels_match(const LabelFiles& files) {
  for (const auto& [name, expected] : files) {
    const auto labels = test::raw_labels(test::recording_path(name));
    ASSERT_GE(labels.size(), expected->size()) << name;
    for (std::size_t i = 0; i < expected->size(); ++i)
      EXPECT_EQ(labels[i], (*expected)[i].label) << name << " signal " << i;
  }
}

TEST(NormalizeChannel, LabelSetsMatchFiles) {
  expect_labels_match({{"sample/eegmat_Subject00_1_rest_eyes_closed.edf", &test::kEegmatLabels},
                       {"seizure/chbmit_chb01_03_ictal.edf", &test::kChbmitLabels},
                       {"sample/sleepedf_SC4001E0_first5min.edf", &test::kSleepedfLabels}});
}

TEST(NormalizeChannel, LabelSetsMatchVendorClips) {
  const LabelFiles files = {
      {"format/mne_NihonKohden_MB0400FU_edfplusD.EDF", &test::kNihonKohdenLabels},
      {"format/mne_nihonkohden_chtypes_5s.edf", &test::kNihonKohdenTypesLabels}};
  for (const auto& [name, expected] : files)
    EEGTRACK_REQUIRE_VENDOR_CLIP(test::recording_path(name));
  expect_labels_match(files);
}

TEST(NormalizeChannel, SurvivesHostileLabels) {
  // Each must yield a result without crashing; the last lines check what that result is.
  const std::vector<std::string> hostile = {"",
                                            std::string(16, ' '),
                                            std::string("\x01\x02", 2),
                                            "\x7f\x1b[31mFp1",
                                            std::string(300, '-'),
                                            "-",
                                            "-Fp1",
                                            "EEG ",
                                            "EEG -REF",
                                            "\xFF\xFE\xFD"};
  for (const std::string& label : hostile) {
    const ChannelName n = normalize_channel(label, "uV");
    EXPECT_LE(n.original.size(), label.size());
  }
  std::string utf8;
  for (int i = 0; i < 200; ++i)
    utf8 += "\xC3\xA9\xE2\x82\xAC";  // "é€"
  const ChannelName long_name = normalize_channel(utf8, "uV");
  EXPECT_EQ(long_name.normalized, utf8);
  EXPECT_EQ(long_name.type, ChannelType::Other);
  EXPECT_EQ(normalize_channel(std::string(16, ' ')).normalized, "");
  EXPECT_EQ(normalize_channel(std::string("Fp1\0\0", 5), "uV").normalized, "Fp1");
  EXPECT_EQ(normalize_channel("Fp1-", "uV").type, ChannelType::Other);
  EXPECT_EQ(normalize_channel("Fp1.........................", "uV").normalized, "Fp1");
}

TEST(NormalizeChannels, UsesEachSignalsUnitAndAnnotationFlag) {
  std::vector<SignalInfo> signals(3);
  signals[0].label = "EEG T3";
  signals[0].physical_dimension = "uV";
  signals[1].label = "Temp";
  signals[1].physical_dimension = "degC";
  signals[2].label = "EDF Annotations";
  signals[2].is_annotation = true;
  const auto names = normalize_channels(signals);
  ASSERT_EQ(names.size(), 3U);
  EXPECT_EQ(names[0].normalized, "T7");
  EXPECT_EQ(names[0].type, ChannelType::Eeg);
  EXPECT_EQ(names[1].type, ChannelType::Other);
  EXPECT_EQ(names[2].type, ChannelType::Annotation);
}

}  // namespace
}  // namespace eegtrack::io
