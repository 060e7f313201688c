#include "detect/real_background.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/sites/position.hpp"
#include "eegtrack/sites/site.hpp"

namespace eegtrack::test {

std::size_t Recording::index_of(const std::string& label) const {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == label)
      return i;
  }
  throw std::runtime_error("no channel " + label);
}

detect::DetectionBlock Recording::block(double start_s) const {
  return {start_s, sample_rate_hz, false, samples};
}

Recording read_scalp_eeg(const std::filesystem::path& path) {
  const io::EdfReader reader(path);
  const auto& signals = reader.header().signals;
  std::vector<int> wanted;
  Recording rec;
  for (std::size_t i = 0; i < signals.size(); ++i) {
    if (signals[i].is_annotation)
      continue;
    const io::ChannelName name = io::normalize_channel(signals[i].label, signals[i].unit);
    if (name.type != io::ChannelType::Eeg || name.normalized.empty())
      continue;
    const auto site = sites::electrode_site(name.normalized);
    if (!site || site->region == sites::Region::Auricular)
      continue;
    bool duplicate = false;
    for (const auto& l : rec.labels)
      duplicate = duplicate || l == name.normalized;
    if (duplicate)
      continue;  // CHB-MIT records T8-P8 twice
    wanted.push_back(static_cast<int>(i));
    rec.labels.push_back(name.normalized);
  }
  const auto chunks = reader.read_window(wanted, 0.0, reader.duration_s());
  if (chunks.size() != 1)
    throw std::runtime_error("expected one segment in " + path.string());
  for (const auto& s : chunks[0].signals)
    rec.samples.push_back(s.samples);
  rec.sample_rate_hz = chunks[0].signals.at(0).sample_rate_hz;
  return rec;
}

Recording derive(const Recording& referential, io::MontageKind kind) {
  std::vector<io::ChannelName> names;
  for (const auto& l : referential.labels)
    names.push_back(io::normalize_channel(l, "uV"));
  const io::MontagePlan plan = io::plan_montage(kind, names);
  std::vector<std::span<const double>> in;
  for (const auto& s : referential.samples)
    in.emplace_back(s);
  Recording out;
  out.sample_rate_hz = referential.sample_rate_hz;
  out.samples = io::apply_montage(plan, in);
  for (const auto& d : plan.derivations)
    out.labels.push_back(d.label);
  return out;
}

void inject_field(Recording& referential, const std::string& centre, double spread_deg,
                  std::span<const double> waveform, std::size_t at) {
  const auto c = sites::electrode_position(centre);
  if (!c)
    throw std::invalid_argument("inject_field: no position for " + centre);
  for (std::size_t k = 0; k < referential.labels.size(); ++k) {
    const auto p = sites::electrode_position(referential.labels[k]);
    if (!p)
      continue;
    const double angle = sites::electrode_angle_deg(*c, *p);
    const double w = std::exp(-0.5 * (angle / spread_deg) * (angle / spread_deg));
    auto& x = referential.samples[k];
    for (std::size_t i = 0; i < waveform.size() && at + i < x.size(); ++i)
      x[at + i] += w * waveform[i];
  }
}

std::vector<double> spike_and_wave(double fs, double spike_ms, double amplitude_uv,
                                   bool with_slow_wave) {
  const auto n_spike = static_cast<std::size_t>(std::lround(spike_ms * 1e-3 * fs));
  const auto n_rise = static_cast<std::size_t>(std::lround(0.4 * static_cast<double>(n_spike)));
  const auto n_wave = with_slow_wave ? static_cast<std::size_t>(std::lround(0.2 * fs)) : 0;
  std::vector<double> w(n_spike + n_wave, 0.0);
  for (std::size_t i = 0; i < n_spike; ++i) {
    // Half-cosine flanks: rise to the peak, then a slower fall.
    const double phase =
        i < n_rise ? static_cast<double>(i) / static_cast<double>(n_rise)
                   : 1.0 - static_cast<double>(i - n_rise) / static_cast<double>(n_spike - n_rise);
    w[i] = -amplitude_uv * 0.5 * (1.0 - std::cos(std::numbers::pi * phase));
  }
  for (std::size_t i = 0; i < n_wave; ++i)
    w[n_spike + i] =
        -0.6 * amplitude_uv *
        std::sin(std::numbers::pi * static_cast<double>(i) / static_cast<double>(n_wave));
  return w;
}

}  // namespace eegtrack::test
