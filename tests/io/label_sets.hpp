#pragma once

// Raw signal labels (and units) of the recordings in tests/data/eeg (and the development clips),
// read byte for byte from the headers (16-byte label field at offset 256 + 16 i, trimmed). Tests
// use them as real inputs even where the recordings are absent; label_sets_match_files checks them
// against the files.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace eegtrack::test {

struct RawLabel {
  std::string label;
  std::string unit;
  std::string transducer;
};

// sample/eegmat_Subject00_1_rest_eyes_closed.edf (and every eegmat file).
inline const std::vector<RawLabel> kEegmatLabels = {
    {"EEG Fp1", "uV", ""},      {"EEG Fp2", "uV", ""},   {"EEG F3", "uV", ""},
    {"EEG F4", "uV", ""},       {"EEG F7", "uV", ""},    {"EEG F8", "uV", ""},
    {"EEG T3", "uV", ""},       {"EEG T4", "uV", ""},    {"EEG C3", "uV", ""},
    {"EEG C4", "uV", ""},       {"EEG T5", "uV", ""},    {"EEG T6", "uV", ""},
    {"EEG P3", "uV", ""},       {"EEG P4", "uV", ""},    {"EEG O1", "uV", ""},
    {"EEG O2", "uV", ""},       {"EEG Fz", "uV", ""},    {"EEG Cz", "uV", ""},
    {"EEG Pz", "uV", ""},       {"EEG A2-A1", "uV", ""}, {"ECG ECG", "mV", ""},
    {"EDF Annotations", "", ""}};

// seizure/chbmit_chb01_03_ictal.edf: bipolar as recorded, T8-P8 twice.
inline const std::vector<RawLabel> kChbmitLabels = {
    {"FP1-F7", "uV", ""},  {"F7-T7", "uV", ""},  {"T7-P7", "uV", ""},
    {"P7-O1", "uV", ""},   {"FP1-F3", "uV", ""}, {"F3-C3", "uV", ""},
    {"C3-P3", "uV", ""},   {"P3-O1", "uV", ""},  {"FP2-F4", "uV", ""},
    {"F4-C4", "uV", ""},   {"C4-P4", "uV", ""},  {"P4-O2", "uV", ""},
    {"FP2-F8", "uV", ""},  {"F8-T8", "uV", ""},  {"T8-P8", "uV", ""},
    {"P8-O2", "uV", ""},   {"FZ-CZ", "uV", ""},  {"CZ-PZ", "uV", ""},
    {"P7-T7", "uV", ""},   {"T7-FT9", "uV", ""}, {"FT9-FT10", "uV", ""},
    {"FT10-T8", "uV", ""}, {"T8-P8", "uV", ""},  {"EDF Annotations", "", ""}};

// sample/sleepedf_SC4001E0_first5min.edf.
inline const std::vector<RawLabel> kSleepedfLabels = {
    {"EEG Fpz-Cz", "uV", "Ag-AgCl electrodes"},
    {"EEG Pz-Oz", "uV", "Ag-AgCl electrodes"},
    {"EOG horizontal", "uV", "Ag-AgCl electrodes"},
    {"Resp oro-nasal", "", "Oral-nasal thermistors"},
    {"EMG submental", "uV", "Ag-AgCl electrodes"},
    {"Temp rectal", "DegC", "Rectal thermistor"},
    {"Event marker", "", "Marker button"}};

// format/mne_NihonKohden_MB0400FU_edfplusD.EDF: 10-20 names T3-T6, common reference.
inline const std::vector<RawLabel> kNihonKohdenLabels = {
    {"EEG Fp2-Ref", "uV", ""}, {"EEG Fp1-Ref", "uV", ""},  {"EEG F4-Ref", "uV", ""},
    {"EEG F3-Ref", "uV", ""},  {"EEG C4-Ref", "uV", ""},   {"EEG C3-Ref", "uV", ""},
    {"EEG P4-Ref", "uV", ""},  {"EEG P3-Ref", "uV", ""},   {"EEG O2-Ref", "uV", ""},
    {"EEG O1-Ref", "uV", ""},  {"EEG F8-Ref", "uV", ""},   {"EEG F7-Ref", "uV", ""},
    {"EEG T4-Ref", "uV", ""},  {"EEG T3-Ref", "uV", ""},   {"EEG T6-Ref", "uV", ""},
    {"EEG T5-Ref", "uV", ""},  {"EEG Fz-Ref", "uV", ""},   {"EEG Cz-Ref", "uV", ""},
    {"EEG Pz-Ref", "uV", ""},  {"POL E", "uV", ""},        {"EEG A2-Ref", "uV", ""},
    {"EEG A1-Ref", "uV", ""},  {"POL X1", "uV", ""},       {"POL $A2", "mV", ""},
    {"POL $A1", "mV", ""},     {"EDF Annotations", "", ""}};

// format/mne_nihonkohden_chtypes_5s.edf: 10-10 names, inferior chain, polygraphic inputs.
inline const std::vector<RawLabel> kNihonKohdenTypesLabels = {
    {"EEG Fp1-Ref", "uV", ""},  {"EEG Fp2-Ref", "uV", ""}, {"EEG F3-Ref", "uV", ""},
    {"EEG F4-Ref", "uV", ""},   {"EEG C3-Ref", "uV", ""},  {"EEG C4-Ref", "uV", ""},
    {"EEG P3-Ref", "uV", ""},   {"EEG P4-Ref", "uV", ""},  {"EEG O1-Ref", "uV", ""},
    {"EEG O2-Ref", "uV", ""},   {"EEG F7-Ref", "uV", ""},  {"EEG F8-Ref", "uV", ""},
    {"EEG T7-Ref", "uV", ""},   {"EEG T8-Ref", "uV", ""},  {"EEG P7-Ref", "uV", ""},
    {"EEG P8-Ref", "uV", ""},   {"EEG Fz-Ref", "uV", ""},  {"EEG Cz-Ref", "uV", ""},
    {"EEG Pz-Ref", "uV", ""},   {"POL E", "uV", ""},       {"POL PG1", "uV", ""},
    {"POL PG2", "uV", ""},      {"EEG A1-Ref", "uV", ""},  {"EEG A2-Ref", "uV", ""},
    {"POL T1", "uV", ""},       {"POL T2", "uV", ""},      {"ECG ECG1", "uV", ""},
    {"ECG ECG2", "uV", ""},     {"EEG F9-Ref", "uV", ""},  {"EEG T9-Ref", "uV", ""},
    {"EEG P9-Ref", "uV", ""},   {"EEG F10-Ref", "uV", ""}, {"EEG T10-Ref", "uV", ""},
    {"EEG P10-Ref", "uV", ""},  {"SaO2 X9", "uV", ""},     {"SaO2 X10", "uV", ""},
    {"POL DC01", "uV", ""},     {"POL DC02", "uV", ""},    {"POL DC03", "uV", ""},
    {"POL DC04", "uV", ""},     {"POL $A1", "uV", ""},     {"POL $A2", "uV", ""},
    {"EDF Annotations", "", ""}};

// format/mne_bdfplus_multiple_annotation_chans.bdf (first 19 of 34; the rest are annotations).
inline const std::vector<RawLabel> kBdfPlusLabels = {
    {"EMG", "uV", "none"}, {"EOG", "uV", "none"}, {"A1", "uV", "none"},      {"A2", "uV", "none"},
    {"C3", "uV", "none"},  {"C4", "uV", "none"},  {"Trigger", "uV", "none"}, {"ECG", "uV", "none"},
    {"F3", "uV", "none"},  {"Fz", "uV", "none"},  {"F4", "uV", "none"},      {"P3", "uV", "none"},
    {"Pz", "uV", "none"},  {"P4", "uV", "none"},  {"O1", "uV", "none"},      {"O2", "uV", "none"},
    {"acc1", "G", "none"}, {"acc2", "G", "none"}, {"acc3", "G", "none"}};

// sample/eegmmidb_S001R01_eyes_open.edf: BCI2000 64-channel 10-10, names padded with dots.
inline const std::vector<std::string> kEegmmidbLabels = {
    "Fc5.", "Fc3.", "Fc1.", "Fcz.", "Fc2.", "Fc4.", "Fc6.", "C5..", "C3..", "C1..", "Cz..",
    "C2..", "C4..", "C6..", "Cp5.", "Cp3.", "Cp1.", "Cpz.", "Cp2.", "Cp4.", "Cp6.", "Fp1.",
    "Fpz.", "Fp2.", "Af7.", "Af3.", "Afz.", "Af4.", "Af8.", "F7..", "F5..", "F3..", "F1..",
    "Fz..", "F2..", "F4..", "F6..", "F8..", "Ft7.", "Ft8.", "T7..", "T8..", "T9..", "T10.",
    "Tp7.", "Tp8.", "P7..", "P5..", "P3..", "P1..", "Pz..", "P2..", "P4..", "P6..", "P8..",
    "Po7.", "Po3.", "Poz.", "Po4.", "Po8.", "O1..", "Oz..", "O2..", "Iz.."};

/// Trimmed 16-byte labels straight from an EDF/BDF header (empty if the file is unreadable).
inline std::vector<std::string> raw_labels(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string fixed(256, '\0');
  if (!in.read(fixed.data(), 256))
    return {};
  const int ns = std::stoi(fixed.substr(252, 4));
  std::string labels(static_cast<std::size_t>(ns) * 16, '\0');
  if (!in.read(labels.data(), static_cast<std::streamsize>(labels.size())))
    return {};
  std::vector<std::string> out;
  for (int i = 0; i < ns; ++i) {
    std::string l = labels.substr(static_cast<std::size_t>(i) * 16, 16);
    l.erase(l.find_last_not_of(' ') + 1);
    out.push_back(l);
  }
  return out;
}

}  // namespace eegtrack::test
