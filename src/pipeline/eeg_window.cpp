#include "eegtrack/pipeline/eeg_window.hpp"

#include <algorithm>
#include <cmath>

#include "eegtrack/dsp/butterworth.hpp"
#include "eegtrack/dsp/notch.hpp"
#include "eegtrack/dsp/sos_filter.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/channel_selection.hpp"
#include "eegtrack/pipeline/montaged_reader.hpp"

namespace eegtrack::pipeline {
namespace {

Selection select_for_display(const io::Header& header, EegDisplayParams& params,
                             std::vector<std::string>& notes) {
  try {
    return select_channels(header, SelectionRequest{{}, params.montage, {}, true});
  } catch (const std::exception& e) {
    notes.push_back(std::string("shown as recorded: ") + io::to_string(params.montage) +
                    " montage not possible (" + e.what() + ")");
    params.montage = io::MontageKind::Referential;
    return select_channels(header, SelectionRequest{{}, params.montage, {}, true});
  }
}

std::string montage_words(io::MontageKind m) {
  switch (m) {
    case io::MontageKind::LongitudinalBipolar:
      return "longitudinal bipolar (double banana)";
    case io::MontageKind::TransverseBipolar:
      return "transverse bipolar";
    case io::MontageKind::Average:
      return "common average reference";
    case io::MontageKind::Referential:
      break;
  }
  return io::display_name(m);
}

// The display filters as one cascade for the rate; edges at or above Nyquist are left out.
dsp::Sos display_filter(EegDisplayParams& p, double fs) {
  dsp::Sos sos;
  const auto append = [&](const dsp::Sos& s) {
    sos.sections.insert(sos.sections.end(), s.sections.begin(), s.sections.end());
  };
  if (p.high_pass_hz > 0.0 && p.high_pass_hz < 0.45 * fs)
    append(dsp::butterworth({p.order, dsp::FilterType::HighPass, p.high_pass_hz, 0, 0, fs}));
  else
    p.high_pass_hz = 0.0;
  if (p.low_pass_hz > 0.0) {
    p.low_pass_hz = std::min(p.low_pass_hz, 0.45 * fs);
    append(dsp::butterworth({p.order, dsp::FilterType::LowPass, p.low_pass_hz, 0, 0, fs}));
  }
  std::vector<double> applied;
  for (const double f : p.notch_hz)
    if (f > 0.0 && f < 0.5 * fs) {
      append(dsp::iir_notch(f, 30.0, fs));
      applied.push_back(f);
    }
  p.notch_hz = applied;
  return sos;
}

}  // namespace

EegWindow read_eeg_window(const io::EdfReader& reader, double start_s, double duration_s,
                          const EegDisplayParams& params) {
  if (!(duration_s > 0.0))
    throw io::UsageError("read_eeg_window: the window must last > 0 s");
  const double total = reader.duration_s();
  if (!(total >= 1.0))
    throw io::UsageError("read_eeg_window: recording shorter than 1 s");
  EegWindow out;
  out.params = params;
  const Selection selection = select_for_display(reader.header(), out.params, out.notes);
  const double fs = selection.sample_rate_hz;
  out.sample_rate_hz = fs;
  out.montage = montage_words(out.params.montage);
  out.labels = selection.labels;
  duration_s = std::min(duration_s, total);
  start_s = std::clamp(start_s, 0.0, total - duration_s);
  const double pad = std::max(0.0, out.params.pad_s);
  const double read_from = std::max(0.0, start_s - pad);
  const double read_to = std::min(total, start_s + duration_s + pad);

  // Only the contiguous stretch holding the window's start: a gap ends the page.
  MontagedReader montaged(reader, selection, read_from, read_to, read_to - read_from + 1.0);
  MontagedChunk chunk;
  std::vector<std::vector<double>> samples(selection.labels.size());
  double first_s = -1.0;
  while (montaged.next(chunk)) {
    const double chunk_end = chunk.start_s + static_cast<double>(chunk.samples.front().size()) / fs;
    if (first_s >= 0.0 && !chunk.continues_previous) {
      out.notes.push_back("recording gap at " + std::to_string(std::lround(chunk.start_s)) +
                          " s: the page ends there");
      break;
    }
    if (first_s < 0.0) {
      if (chunk_end <= start_s)
        continue;  // a segment that ends before the window
      first_s = chunk.start_s;
    }
    for (std::size_t c = 0; c < samples.size(); ++c)
      samples[c].insert(samples[c].end(), chunk.samples[c].begin(), chunk.samples[c].end());
  }
  if (first_s < 0.0 || samples.empty() || samples.front().empty())
    throw io::EdfError(reader.header().path, "no samples between " + std::to_string(start_s) +
                                                 " and " + std::to_string(start_s + duration_s) +
                                                 " s");
  const dsp::Sos sos = display_filter(out.params, fs);
  const std::size_t n = samples.front().size();
  const auto skip = static_cast<std::size_t>(
      std::clamp(std::lround((start_s - first_s) * fs), 0L, static_cast<long>(n)));
  const auto keep = std::min(n - skip, static_cast<std::size_t>(std::lround(duration_s * fs)));
  out.start_s = first_s + static_cast<double>(skip) / fs;
  out.duration_s = static_cast<double>(keep) / fs;
  for (auto& x : samples) {
    bool finite = std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
    if (!sos.sections.empty() && finite && x.size() > dsp::sosfiltfilt_padlen(sos))
      x = dsp::sosfiltfilt(sos, x);
    out.samples_uv.emplace_back(x.begin() + static_cast<std::ptrdiff_t>(skip),
                                x.begin() + static_cast<std::ptrdiff_t>(skip + keep));
  }
  const double end_s = out.start_s + out.duration_s;
  for (const auto& a : reader.annotations()) {
    const double a_end = a.onset_s + std::max(0.0, a.duration_s);
    if (a_end >= out.start_s && a.onset_s < end_s && !a.text.empty())
      out.annotations.push_back(a);
  }
  return out;
}

}  // namespace eegtrack::pipeline
