#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eegtrack/io/channels.hpp"
#include "eegtrack/sites/electrodes.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::sites {
namespace {

TEST(CanonicalElectrode, RejectsNonElectrodes) {
  for (const char* token : {"", "XYZ", "T11", "Fp1-F7", "E", "Fp", "ECG", "T1", "Cz Pz"})
    EXPECT_FALSE(canonical_electrode(token).has_value()) << token;
  EXPECT_EQ(canonical_electrode(" a1 "), "A1");
}

TEST(IsVoltageUnit, AcceptsVoltageSpellingsOnly) {
  for (const char* u : {"uV", "uv", "UV", "mV", "V", "nV", "\xC2\xB5V", "\xCE\xBCV", "\xB5V"})
    EXPECT_TRUE(io::is_voltage_unit(u)) << u;
  for (const char* u : {"", "MV", "degC", "%", "Boolean", "G", "uVV", "bpm"})
    EXPECT_FALSE(io::is_voltage_unit(u)) << u;
}

TEST(ElectrodeSite, SidesRegionsAndMirrors) {
  struct Case {
    const char* name;
    Side side;
    Region region;
    const char* mirror;
  };
  const std::vector<Case> cases = {
      {"F3", Side::Left, Region::Frontal, "F4"},
      {"F4", Side::Right, Region::Frontal, "F3"},
      {"Fz", Side::Midline, Region::Frontal, "Fz"},
      {"Fp1", Side::Left, Region::Frontal, "Fp2"},
      {"AF10", Side::Right, Region::Frontal, "AF9"},
      {"T7", Side::Left, Region::Temporal, "T8"},
      {"FT9", Side::Left, Region::Temporal, "FT10"},
      {"TP10", Side::Right, Region::Temporal, "TP9"},
      {"C3", Side::Left, Region::Central, "C4"},
      {"CPz", Side::Midline, Region::Central, "CPz"},
      {"P7", Side::Left, Region::Parietal, "P8"},
      {"PO8", Side::Right, Region::Parietal, "PO7"},
      {"O1", Side::Left, Region::Occipital, "O2"},
      {"Oz", Side::Midline, Region::Occipital, "Oz"},
      {"A1", Side::Left, Region::Auricular, "A2"},
      {"Nz", Side::Midline, Region::Frontal, "Nz"},
      {"Fp1-F7", Side::Left, Region::Frontal, "Fp2-F8"},
      {"F3-Fz", Side::Left, Region::Frontal, "F4-Fz"},
      {"Fz-Cz", Side::Midline, Region::Frontal, "Fz-Cz"},
      {"Fp1-Fp2", Side::Midline, Region::Frontal, "Fp2-Fp1"},
      {"T8-P8", Side::Right, Region::Temporal, "T7-P7"},
      {"O1-avg", Side::Left, Region::Occipital, "O2-avg"},
  };
  for (const Case& c : cases) {
    const auto site = electrode_site(c.name);
    ASSERT_TRUE(site.has_value()) << c.name;
    EXPECT_EQ(site->name, c.name);
    EXPECT_EQ(site->side, c.side) << c.name;
    EXPECT_EQ(site->region, c.region) << c.name;
    EXPECT_EQ(site->homologous, c.mirror) << c.name;
  }
  for (const char* bad : {"", "FP1", "T3", "Foo", "Fp1-Foo", "Fp1-", "-F7"})
    EXPECT_FALSE(electrode_site(bad).has_value()) << bad;
}

TEST(ElectrodeSite, MirrorIsAnInvolutionOverAllElectrodes) {
  EXPECT_GE(known_electrodes().size(), 75U);
  for (const std::string_view name : known_electrodes()) {
    const auto site = electrode_site(name);
    ASSERT_TRUE(site.has_value()) << name;
    const auto mirror = electrode_site(site->homologous);
    ASSERT_TRUE(mirror.has_value()) << name << " -> " << site->homologous;
    EXPECT_EQ(mirror->homologous, name);
    EXPECT_EQ(mirror->region, site->region) << name;
    if (site->side == Side::Midline) {
      EXPECT_EQ(mirror->side, Side::Midline) << name;
    } else {
      EXPECT_NE(mirror->side, site->side) << name;
    }
    EXPECT_EQ(canonical_electrode(name), std::string(name));
  }
}

}  // namespace
}  // namespace eegtrack::sites
