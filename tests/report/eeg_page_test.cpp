// EEG pages: which events get a page and where its window lies, how traces are reduced to the
// pixels of a page without losing a one-sample spike, the trace spacing for a known amplitude,
// and a hostile annotation drawn as text.
#include "eegtrack/report/eeg_page.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "eegtrack/report/eeg_page_selection.hpp"

namespace eegtrack::report {
namespace {

using detect::EventType;

detect::Event event(EventType type, double onset, double duration, double confidence = 0.5) {
  detect::Event e;
  e.type = type;
  e.onset_s = onset;
  e.duration_s = duration;
  e.confidence = confidence;
  return e;
}

TEST(PageSelection, SeizuresPatternsThenTheClearestSpikes) {
  const std::vector<detect::Event> events = {
      event(EventType::Spike, 1.0, 0.07, 0.2),   event(EventType::LPD, 20.0, 30.0, 0.6),
      event(EventType::Spike, 40.0, 0.07, 0.9),  event(EventType::LPD, 60.0, 20.0, 0.9),
      event(EventType::LPD, 90.0, 20.0, 0.7),    event(EventType::Seizure, 172.0, 30.0, 1.0),
      event(EventType::Spike, 250.0, 0.07, 0.5), event(EventType::Spike, 296.0, 0.07, 0.8)};
  const auto pages = select_eeg_pages(events, 300.0);
  ASSERT_EQ(pages.size(), 6u);
  EXPECT_EQ(pages[0].title, "Seizure 1");
  EXPECT_DOUBLE_EQ(pages[0].start_s, 170.0);  // 2 s before the onset
  EXPECT_DOUBLE_EQ(pages[0].duration_s, 10.0);
  // Two LPD pages, the most confident first, 1 s before their onsets.
  EXPECT_EQ(pages[1].title, "LPD 1");
  EXPECT_EQ(pages[1].event, 3u);
  EXPECT_DOUBLE_EQ(pages[1].start_s, 59.0);
  EXPECT_EQ(pages[2].event, 4u);
  // Three spikes, most confident first, centred; the last page is moved inside the recording.
  EXPECT_EQ(pages[3].event, 2u);
  EXPECT_NEAR(pages[3].start_s, 40.035 - 5.0, 1e-9);
  EXPECT_EQ(pages[4].event, 7u);
  EXPECT_DOUBLE_EQ(pages[4].start_s, 290.0);
  EXPECT_EQ(pages[5].event, 6u);
}

TEST(PageSelection, AnEventAlreadyOnAPageGetsNoOtherAndShortRecordingsFit) {
  const std::vector<detect::Event> events = {event(EventType::Seizure, 10.0, 20.0),
                                             event(EventType::LRDA, 9.5, 4.0)};
  const auto pages = select_eeg_pages(events, 100.0);
  ASSERT_EQ(pages.size(), 1u);  // the LRDA page would start at 8.5 s, 0.5 s from the seizure's
  const auto short_pages = select_eeg_pages({event(EventType::Seizure, 2.0, 3.0)}, 6.0);
  ASSERT_EQ(short_pages.size(), 1u);
  EXPECT_DOUBLE_EQ(short_pages[0].start_s, 0.0);
  EXPECT_DOUBLE_EQ(short_pages[0].duration_s, 6.0);
}

TEST(TracePoints, ReductionKeepsEveryPeak) {
  std::vector<double> x(10000, 0.0);
  x[4321] = 500.0;  // a single-sample spike
  x[7777] = -300.0;
  const auto points = trace_points(x, 1000.0);
  EXPECT_LE(points.size(), 2000u);
  double high = 0.0, low = 0.0;
  for (const auto& [px, v] : points) {
    high = std::max(high, v);
    low = std::min(low, v);
    ASSERT_GE(px, 0.0);
    ASSERT_LE(px, 1000.0);
  }
  EXPECT_EQ(high, 500.0);
  EXPECT_EQ(low, -300.0);
  // Few samples: every one of them.
  EXPECT_EQ(trace_points(std::vector<double>(500, 1.0), 1000.0).size(), 500u);
}

TEST(TraceSpacing, TwoAndAHalfTimesTheTypicalAmplitudeRoundedUp) {
  // A 20-µV sine: the 98th percentile of |x| is 20 sin(0.98 pi / 2) = 19.95, 2.5 times 49.9:
  // the next spacing is 50 µV.
  std::vector<std::vector<double>> x(3, std::vector<double>(5000));
  for (auto& channel : x)
    for (std::size_t i = 0; i < channel.size(); ++i)
      channel[i] = 20.0 * std::sin(2.0 * std::numbers::pi * static_cast<double>(i) / 100.0);
  EXPECT_DOUBLE_EQ(trace_spacing_uv(x), 50.0);
  for (auto& channel : x)
    for (auto& v : channel)
      v *= 12.0;  // 240 µV: 598.5 -> 700
  EXPECT_DOUBLE_EQ(trace_spacing_uv(x), 700.0);
}

TEST(EegPageFigure, DrawsTracesScaleBarAndEscapedAnnotations) {
  EegTraces t;
  t.start_s = 170.0;
  t.duration_s = 10.0;
  t.sample_rate_hz = 100.0;
  t.labels = {"Fp1-F7", "F7-T7<b>"};
  t.samples_uv.assign(2, std::vector<double>(1000, 0.0));
  t.samples_uv[0][500] = 40.0;
  t.annotations = {{171.0, 0.0, "<script>alert('x')</script>"}};
  const auto svg = eeg_page_figure(t, {event(EventType::Seizure, 172.0, 30.0)}, 0, "page-1");
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(svg.find("F7-T7&lt;b&gt;"), std::string::npos);
  EXPECT_NE(svg.find(" µV<"), std::string::npos);  // the scale bar's label
  EXPECT_NE(svg.find("Time from recording start (s)"), std::string::npos);
  EXPECT_NE(svg.find(">175<"), std::string::npos);  // a time tick
  EXPECT_NE(svg.find("seizure"), std::string::npos);
}

}  // namespace
}  // namespace eegtrack::report
