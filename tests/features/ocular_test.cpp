// Eye movements told from frontal cerebral delta by their field: multi-channel epochs built from
// a real clean background (eegmat Subject03, eyes closed, 19 referential channels, 500 Hz, 4-s
// epochs) with a blink, a lateral eye movement, frontal intermittent rhythmic delta (FIRDA) or a
// left frontal delta focus added. The ocular fields follow the eye's dipole: a blink is largest
// at Fp1/Fp2 and falls to about a third at the F row and a tenth at the C row; a lateral
// movement is opposite at F7 and F8. FIRDA is largest at the F row and still half as large at
// the C row; a focus is on one side.

#include "eegtrack/features/ocular.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "eeg_recording.hpp"
#include "eegtrack/io/channels.hpp"
#include "eegtrack/sites/electrodes.hpp"
#include "named_epoch.hpp"
#include "support/paths.hpp"

namespace eegtrack::features {
namespace {

using R = ArtifactReason;
constexpr double kFs = 500.0;
constexpr std::size_t kEpoch = 2000;  // 4 s

using Epoch = test::NamedEpoch;

Epoch clean_epoch(std::size_t index = 6) {
  static const test::EegRecording rec =
      test::read_eeg_channels(test::eeg_path("normal/eegmat_Subject03_1_rest_eyes_closed.edf"));
  Epoch e;
  for (const auto& c : rec.channels) {
    const auto name = io::normalize_channel(c.label).plus;
    if (!sites::electrode_site(name))
      continue;  // the A2-A1 and ECG channels
    e.names.push_back(name);
    const auto first = c.samples.begin() + static_cast<std::ptrdiff_t>(index * kEpoch);
    e.x.emplace_back(first, first + static_cast<std::ptrdiff_t>(kEpoch));
  }
  return e;
}

// Adds gain[electrode] x shape(t) to each electrode named.
template <class Shape>
void add_field(Epoch& e, const std::map<std::string, double>& gain, Shape shape) {
  for (const auto& [name, g] : gain)
    for (std::size_t i = 0; i < kEpoch; ++i)
      e[name][i] += g * shape(static_cast<double>(i) / kFs);
}

// A 0.4-s raised-cosine blink at 1.5 s, 150 µV at the frontopolar electrodes.
double blink(double t) {
  const double u = (t - 1.5) / 0.4;
  return u < 0.0 || u > 1.0 ? 0.0 : 150.0 * 0.5 * (1.0 - std::cos(2.0 * std::numbers::pi * u));
}
const std::map<std::string, double> kBlinkField = {
    {"Fp1", 1.0}, {"Fp2", 1.0}, {"F7", 0.4}, {"F8", 0.4}, {"F3", 0.33}, {"F4", 0.33},
    {"Fz", 0.33}, {"C3", 0.1},  {"C4", 0.1}, {"Cz", 0.1}, {"T7", 0.1},  {"T8", 0.1}};

// A lateral look held for 1 s: a smoothed step of 100 µV, positive at F7, negative at F8.
double look(double t) {
  const auto edge = [](double s) { return 1.0 / (1.0 + std::exp(-s / 0.03)); };
  return 100.0 * (edge(t - 1.0) - edge(t - 2.0));
}
const std::map<std::string, double> kLookField = {{"F7", 1.0},   {"F8", -1.0}, {"Fp1", 0.5},
                                                  {"Fp2", -0.5}, {"T7", 0.2},  {"T8", -0.2}};

// 2-Hz rhythmic delta, 70 µV at the F row.
double delta_2hz(double t) {
  return 70.0 * std::sin(2.0 * std::numbers::pi * 2.0 * t);
}
const std::map<std::string, double> kFirdaField = {
    {"Fp1", 0.9}, {"Fp2", 0.9}, {"F7", 0.8}, {"F8", 0.8}, {"F3", 1.0}, {"F4", 1.0}, {"Fz", 1.0},
    {"C3", 0.6},  {"C4", 0.6},  {"Cz", 0.6}, {"T7", 0.4}, {"T8", 0.4}, {"P3", 0.4}, {"P4", 0.4},
    {"Pz", 0.4},  {"P7", 0.3},  {"P8", 0.3}, {"O1", 0.2}, {"O2", 0.2}};
const std::map<std::string, double> kLeftFocusField = {
    {"Fp1", 1.4}, {"F7", 1.2}, {"F3", 1.0}, {"C3", 0.3}, {"T7", 0.3}};

struct Screened {
  std::vector<std::string> names;
  std::vector<ArtifactScreen> screens;
  [[nodiscard]] bool ocular(const std::string& name) const {
    const auto i =
        static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
    return has_any(screens.at(i).reasons, R::Ocular);
  }
  [[nodiscard]] int n_ocular() const {
    return static_cast<int>(std::count_if(screens.begin(), screens.end(), [](const auto& s) {
      return has_any(s.reasons, R::Ocular);
    }));
  }
};

Screened screen(const Epoch& e, const ArtifactParams& p = {}) {
  Screened out{e.names, {}};
  std::vector<std::vector<std::string>> electrodes;
  for (std::size_t c = 0; c < e.x.size(); ++c) {
    out.screens.push_back(screen_epoch(e.x[c], kFs, std::nullopt, p));
    electrodes.push_back({e.names[c]});
  }
  flag_ocular(e.x, kFs, out.screens, ocular_layout(electrodes), p);
  return out;
}

TEST(Ocular, CleanEyesClosedEpochsAreNotOcular) {
  for (std::size_t k = 0; k < 40; k += 3)
    EXPECT_EQ(screen(clean_epoch(k)).n_ocular(), 0) << "epoch " << k;
}

TEST(Ocular, BlinkMarksTheFrontopolarAndLateralFrontalChannelsOnly) {
  auto e = clean_epoch();
  add_field(e, kBlinkField, blink);
  const auto s = screen(e);
  EXPECT_TRUE(s.ocular("Fp1"));
  EXPECT_TRUE(s.ocular("Fp2"));
  for (const auto* name : {"F3", "F4", "Fz", "C3", "Cz", "P3", "O1", "O2", "T7"})
    EXPECT_FALSE(s.ocular(name)) << name;
  for (const auto& sc : s.screens)
    EXPECT_EQ(sc.rejected, has_any(sc.reasons, kRejectingReasons));
  // Off, nothing is marked; the same blink a third as large is below 40 µV at Fp and kept.
  ArtifactParams off;
  off.screen_ocular = false;
  EXPECT_EQ(screen(e, off).n_ocular(), 0);
  auto small = clean_epoch();
  add_field(small, kBlinkField, [](double t) { return blink(t) / 5.0; });
  EXPECT_EQ(screen(small).n_ocular(), 0);
}

TEST(Ocular, LateralEyeMovementMarksF7AndF8) {
  auto e = clean_epoch();
  add_field(e, kLookField, look);
  const auto s = screen(e);
  EXPECT_TRUE(s.ocular("F7"));
  EXPECT_TRUE(s.ocular("F8"));
  EXPECT_FALSE(s.ocular("T7"));
  EXPECT_FALSE(s.ocular("C4"));
}

TEST(Ocular, FrontalRhythmicDeltaAndAOneSidedFocusAreCerebral) {
  auto firda = clean_epoch();
  add_field(firda, kFirdaField, delta_2hz);
  EXPECT_EQ(screen(firda).n_ocular(), 0);
  auto focus = clean_epoch();
  add_field(focus, kLeftFocusField, delta_2hz);
  EXPECT_EQ(screen(focus).n_ocular(), 0);
}

// The same blink seen through the CHB-MIT double banana: the four chains leaving Fp1/Fp2 carry
// it, the temporal and parasagittal chains behind them do not.
TEST(Ocular, BipolarChainsFromTheFrontopolarElectrodes) {
  auto e = clean_epoch();
  add_field(e, kBlinkField, blink);
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Fp1", "F7"}, {"F7", "T7"}, {"T7", "P7"},  {"P7", "O1"}, {"Fp2", "F8"}, {"F8", "T8"},
      {"T8", "P8"},  {"P8", "O2"}, {"Fp1", "F3"}, {"F3", "C3"}, {"C3", "P3"},  {"P3", "O1"},
      {"Fp2", "F4"}, {"F4", "C4"}, {"C4", "P4"},  {"P4", "O2"}, {"Fz", "Cz"},  {"Cz", "Pz"}};
  std::vector<std::vector<double>> x;
  std::vector<std::vector<std::string>> electrodes;
  std::vector<ArtifactScreen> screens;
  for (const auto& [a, b] : pairs) {
    std::vector<double> d(kEpoch);
    for (std::size_t i = 0; i < kEpoch; ++i)
      d[i] = e[a][i] - e[b][i];
    screens.push_back(screen_epoch(d, kFs));
    x.push_back(std::move(d));
    electrodes.push_back({a, b});
  }
  flag_ocular(x, kFs, screens, ocular_layout(electrodes));
  for (std::size_t c = 0; c < pairs.size(); ++c) {
    const bool from_fp = pairs[c].first.starts_with("Fp");
    EXPECT_EQ(has_any(screens[c].reasons, R::Ocular), from_fp)
        << pairs[c].first << "-" << pairs[c].second;
  }
}

TEST(Ocular, LayoutRolesAndMisuse) {
  const std::vector<std::vector<std::string>> electrodes = {
      {"Fpz", "Cz"}, {"Pz", "Oz"}, {"F3"}, {}, {"Fp1", "Fp2"}, {"F7", "T7"}};
  const auto layout = ocular_layout(electrodes);
  ASSERT_EQ(layout.channels.size(), 6u);
  EXPECT_EQ(layout.channels[0].role, OcularRole::Periocular);
  EXPECT_EQ(layout.channels[0].side, sites::Side::Midline);
  EXPECT_EQ(layout.channels[1].role, OcularRole::Posterior);
  EXPECT_EQ(layout.channels[2].role, OcularRole::Other);
  EXPECT_EQ(layout.channels[3].role, OcularRole::Other);
  EXPECT_EQ(layout.channels[4].side, sites::Side::Midline);  // spans both eyes
  EXPECT_EQ(layout.channels[5].side, sites::Side::Left);
  EXPECT_TRUE(layout.usable());
  EXPECT_FALSE(ocular_layout(std::vector<std::vector<std::string>>{{"Fp1"}, {"F3"}}).usable());
  std::vector<std::vector<double>> x(2, std::vector<double>(100, 0.0));
  std::vector<ArtifactScreen> screens(3);
  EXPECT_THROW(flag_ocular(x, kFs, screens, layout), std::invalid_argument);
  EXPECT_THROW((void)slow_amplitude_uv(x[0], 0.0, 0.15), std::invalid_argument);
  ArtifactParams bad;
  bad.ocular_ratio = 0.5;
  EXPECT_THROW(validate(bad), std::exception);
}

// The smoothing written out: each sample the mean of the samples within half a window of it
// (fewer at the edges), twice.
std::vector<double> smoothed_by_definition(const std::vector<double>& x, double fs,
                                           double smooth_s) {
  const auto w = static_cast<std::size_t>(std::lround(smooth_s * fs)) | 1U;
  const std::size_t h = w / 2;
  auto smooth = [&](const std::vector<double>& in) {
    std::vector<double> out(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
      const std::size_t lo = i >= h ? i - h : 0;
      const std::size_t hi = std::min(in.size(), i + h + 1);
      double sum = 0.0;
      for (std::size_t j = lo; j < hi; ++j)
        sum += in[j];
      out[i] = sum / static_cast<double>(hi - lo);
    }
    return out;
  };
  return smooth(smooth(x));
}

// The slow amplitude by definition: the largest deviation of the smoothed signal from its
// upper median. Lengths shorter than, equal to and longer than the window check the edges.
double slow_amplitude_by_definition(const std::vector<double>& x, double fs, double smooth_s) {
  const auto s = smoothed_by_definition(x, fs, smooth_s);
  auto sorted = s;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  double peak = 0.0;
  for (const double v : s)
    peak = std::max(peak, std::abs(v - median));
  return peak;
}

// The smoothed peak of a raised-cosine blink of width 0.4 s keeps nearly all of its height (a
// 0.15-s triangular smoother passes its 2.5-Hz fundamental at ~0.8 and more), while a 10-Hz
// alpha wave of the same height falls to ~5 % (up to ~12 % at the epoch's edges, where the
// smoother has fewer samples), below the 40-µV minimum: alpha is no ocular evidence.
// flag_ocular decides some channels from the smoothed signal's range alone; its marks must be
// those of the rule applied to every channel's slow amplitude, here for blinks, looks and slow
// vertical movements of graded size whose amplitudes cross the thresholds. The vertical
// movements (a 0.5-Hz sine at the frontopolar electrodes) span twice their amplitude: in some
// epochs both sides' ranges reach the 40-µV minimum while one side's amplitudes stay below it,
// which flag_ocular decides before it measures the posterior channels.
TEST(Ocular, MarksWhatTheSlowAmplitudesThemselvesDecide) {
  const ArtifactParams p;
  const std::map<std::string, double> vertical_field = {{"Fp1", 1.0}, {"Fp2", 1.0}, {"F7", 0.4},
                                                        {"F8", 0.4},  {"F3", 0.3},  {"F4", 0.3}};
  int marked_epochs = 0, kept_epochs = 0, ranges_only = 0;
  for (const std::size_t k : {2U, 6U, 11U}) {
    for (double scale = 0.1; scale < 1.21; scale += 0.05) {
      for (const int kind : {0, 1, 2}) {
        auto e = clean_epoch(k);
        if (kind == 0)
          add_field(e, kBlinkField, [&](double t) { return scale * blink(t); });
        else if (kind == 1)
          add_field(e, kLookField, [&](double t) { return scale * look(t); });
        else
          add_field(e, vertical_field, [&](double t) {
            return scale * 60.0 * std::sin(2.0 * std::numbers::pi * 0.5 * t);
          });
        const auto s = screen(e, p);
        std::vector<std::vector<std::string>> electrodes;
        for (const auto& name : e.names)
          electrodes.push_back({name});
        const auto layout = ocular_layout(electrodes);
        bool range_left = false, range_right = false, amplitude_left = false,
             amplitude_right = false;
        for (std::size_t c = 0; c < e.x.size(); ++c) {
          const auto& ch = layout.channels[c];
          if (ch.role != OcularRole::Periocular)
            continue;
          const auto smoothed = smoothed_by_definition(e.x[c], kFs, p.ocular_smooth_s);
          const auto [lowest, highest] = std::minmax_element(smoothed.begin(), smoothed.end());
          const bool range = *highest - *lowest >= p.ocular_min_uv;
          const bool amplitude =
              slow_amplitude_by_definition(e.x[c], kFs, p.ocular_smooth_s) >= p.ocular_min_uv;
          range_left = range_left || (range && ch.side != sites::Side::Right);
          range_right = range_right || (range && ch.side != sites::Side::Left);
          amplitude_left = amplitude_left || (amplitude && ch.side != sites::Side::Right);
          amplitude_right = amplitude_right || (amplitude && ch.side != sites::Side::Left);
        }
        ranges_only += range_left && range_right && !(amplitude_left && amplitude_right);
        std::vector<double> posterior;
        for (std::size_t c = 0; c < e.x.size(); ++c)
          if (layout.channels[c].role == OcularRole::Posterior)
            posterior.push_back(slow_amplitude_uv(e.x[c], kFs, p.ocular_smooth_s));
        std::sort(posterior.begin(), posterior.end());
        const double threshold =
            std::max(p.ocular_min_uv, p.ocular_ratio * posterior[posterior.size() / 2]);
        std::vector<bool> reaches(e.x.size(), false);
        bool left = false, right = false;
        for (std::size_t c = 0; c < e.x.size(); ++c) {
          const auto& ch = layout.channels[c];
          if (ch.role != OcularRole::Periocular ||
              slow_amplitude_uv(e.x[c], kFs, p.ocular_smooth_s) < threshold)
            continue;
          reaches[c] = true;
          left = left || ch.side != sites::Side::Right;
          right = right || ch.side != sites::Side::Left;
        }
        for (std::size_t c = 0; c < e.x.size(); ++c)
          EXPECT_EQ(has_any(s.screens[c].reasons, R::Ocular), reaches[c] && left && right)
              << e.names[c] << ", epoch " << k << ", scale " << scale << ", kind " << kind;
        (s.n_ocular() > 0 ? marked_epochs : kept_epochs) += 1;
      }
    }
  }
  // Both outcomes occur, and epochs decided by the amplitudes before the posterior channels,
  // so every path of the decision is exercised.
  EXPECT_GT(marked_epochs, 10);
  EXPECT_GT(kept_epochs, 10);
  EXPECT_GT(ranges_only, 3);
}

TEST(Ocular, SlowAmplitudeKeepsBlinksAndDropsAlpha) {
  std::vector<double> b(kEpoch), a(kEpoch);
  for (std::size_t i = 0; i < kEpoch; ++i) {
    const double t = static_cast<double>(i) / kFs;
    b[i] = blink(t);
    a[i] = 150.0 * std::sin(2.0 * std::numbers::pi * 10.0 * t);
  }
  EXPECT_GT(slow_amplitude_uv(b, kFs, 0.15), 0.8 * 150.0);
  EXPECT_LT(slow_amplitude_uv(a, kFs, 0.15), 0.15 * 150.0);
}

TEST(SlowAmplitude, EqualsTheMovingAveragesWrittenOut) {
  const double fs = 100.0;  // 0.15 s -> a window of 15 samples
  for (const std::size_t n : {1U, 5U, 7U, 8U, 14U, 15U, 16U, 31U, 200U}) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i)
      x[i] = 40.0 * std::sin(0.7 * static_cast<double>(i)) + static_cast<double>(i % 5) * 9.0 +
             (i == n / 3 ? 120.0 : 0.0);
    EXPECT_NEAR(slow_amplitude_uv(x, fs, 0.15), slow_amplitude_by_definition(x, fs, 0.15), 1e-9)
        << n << " samples";
  }
}
}  // namespace
}  // namespace eegtrack::features
