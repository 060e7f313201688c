#include "eegtrack/dsp/sos_filter.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <utility>

#include "channel_transpose.hpp"
#include "finite_check.hpp"
#include "sos_rows.hpp"

namespace eegtrack::dsp {
namespace {

Sos normalised(Sos sos, const char* fn) {
  if (sos.sections.empty())
    throw std::invalid_argument(std::string(fn) + ": sos has no sections (0)");
  for (std::size_t i = 0; i < sos.sections.size(); ++i) {
    auto& s = sos.sections[i];
    if (s[3] == 0.0)
      throw std::invalid_argument(std::string(fn) + ": a0 must be non-zero (section " +
                                  std::to_string(i) + ")");
    const double a0 = s[3];
    for (double& c : s)
      c /= a0;
  }
  return sos;
}

// Direct form II transposed, section by section per sample (scipy's _sosfilt loop order).
void run_serial(const Sos& sos, std::vector<std::array<double, 2>>& zi, std::span<const double> in,
                std::span<double> out) {
  const std::size_t n_sections = sos.sections.size();
  for (std::size_t n = 0; n < in.size(); ++n) {
    double x = in[n];
    for (std::size_t s = 0; s < n_sections; ++s) {
      const auto& c = sos.sections[s];
      auto& z = zi[s];
      const double y = c[0] * x + z[0];
      z[0] = c[1] * x - c[4] * y + z[1];
      z[1] = c[2] * x - c[5] * y;
      x = y;
    }
    out[n] = x;
  }
}

// The same arithmetic, software-pipelined: at step t section s works on sample t - s, so the
// S sections of a step are independent and the processor overlaps their multiply-add chains
// instead of waiting for each section's output before starting the next. Every section sees
// the same inputs in the same order as in run_serial: the output is bit-identical.
template <std::size_t S>
void run_pipelined(const Sos& sos, std::vector<std::array<double, 2>>& zi,
                   std::span<const double> in, std::span<double> out) {
  std::array<std::array<double, 6>, S> c;
  std::array<double, S> z0;
  std::array<double, S> z1;
  for (std::size_t s = 0; s < S; ++s) {
    c[s] = sos.sections[s];
    z0[s] = zi[s][0];
    z1[s] = zi[s][1];
  }
  std::array<double, S> carry{};  // carry[s]: section s's latest output
  const auto section = [&](std::size_t s, double x) {
    const double y = c[s][0] * x + z0[s];
    z0[s] = c[s][1] * x - c[s][4] * y + z1[s];
    z1[s] = c[s][2] * x - c[s][5] * y;
    carry[s] = y;
  };
  const std::size_t n = in.size();
  // Prologue: section s starts at step s.
  for (std::size_t t = 0; t + 1 < S; ++t) {
    for (std::size_t s = t + 1; s-- > 1;)
      section(s, carry[s - 1]);
    section(0, in[t]);
  }
  // Steady state: every section busy; descending s reads carry[s - 1] before it is replaced.
  for (std::size_t t = S - 1; t < n; ++t) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      ((I + 1 < S ? section(S - 1 - I, carry[S - 2 - I]) : section(0, in[t])), ...);
    }
    (std::make_index_sequence<S>{});
    out[t - (S - 1)] = carry[S - 1];
  }
  // Epilogue: drain the later sections.
  for (std::size_t t = n; t < n + S - 1; ++t) {
    for (std::size_t s = S - 1; s > t - n; --s)
      section(s, carry[s - 1]);
    out[t - (S - 1)] = carry[S - 1];
  }
  for (std::size_t s = 0; s < S; ++s)
    zi[s] = {z0[s], z1[s]};
}

void run(const Sos& sos, std::vector<std::array<double, 2>>& zi, std::span<const double> in,
         std::span<double> out) {
  const std::size_t sections = sos.sections.size();
  if (in.size() < sections) {  // too short to fill the pipeline
    run_serial(sos, zi, in, out);
    return;
  }
  switch (sections) {
    case 2:
      run_pipelined<2>(sos, zi, in, out);
      return;
    case 3:
      run_pipelined<3>(sos, zi, in, out);
      return;
    case 4:
      run_pipelined<4>(sos, zi, in, out);
      return;
    case 5:
      run_pipelined<5>(sos, zi, in, out);
      return;
    case 6:
      run_pipelined<6>(sos, zi, in, out);
      return;
    case 8:
      run_pipelined<8>(sos, zi, in, out);
      return;
    default:
      run_serial(sos, zi, in, out);
  }
}

}  // namespace

SosFilter::SosFilter(Sos sos)
    : sos_(normalised(std::move(sos), "SosFilter")), state_(sos_.sections.size(), {0.0, 0.0}) {}

void SosFilter::process(std::span<const double> in, std::span<double> out) {
  if (in.size() != out.size())
    throw std::invalid_argument("SosFilter::process: output size must equal input size (" +
                                std::to_string(out.size()) + " vs " + std::to_string(in.size()) +
                                ")");
  detail::require_finite("SosFilter::process", in);
  run(sos_, state_, in, out);
}

void SosFilter::reset() {
  std::fill(state_.begin(), state_.end(), std::array<double, 2>{0.0, 0.0});
}

void SosFilter::reset_to_steady_state(double x0) {
  state_ = sosfilt_zi(sos_);
  for (auto& z : state_) {
    z[0] *= x0;
    z[1] *= x0;
  }
}

std::vector<double> sosfilt(const Sos& sos, std::span<const double> x) {
  const Sos s = normalised(sos, "sosfilt");
  detail::require_finite("sosfilt", x);
  std::vector<std::array<double, 2>> zi(s.sections.size(), {0.0, 0.0});
  std::vector<double> y(x.size());
  run(s, zi, x, y);
  return y;
}

std::size_t sosfiltfilt_padlen(const Sos& sos) {
  const auto count_zero = [&](std::size_t col) {
    return static_cast<std::size_t>(std::count_if(sos.sections.begin(), sos.sections.end(),
                                                  [&](const auto& s) { return s[col] == 0.0; }));
  };
  const std::size_t ntaps = 2 * sos.sections.size() + 1 - std::min(count_zero(2), count_zero(5));
  return 3 * ntaps;
}

std::vector<double> sosfiltfilt(const Sos& sos, std::span<const double> x) {
  const Sos s = normalised(sos, "sosfiltfilt");
  detail::require_finite("sosfiltfilt", x);
  const std::size_t pad = sosfiltfilt_padlen(s);
  if (x.size() <= pad)
    throw std::invalid_argument("sosfiltfilt: signal must be longer than padlen " +
                                std::to_string(pad) + " (" + std::to_string(x.size()) + ")");
  // Odd extension: 2 x[0] - x[pad..1] before, 2 x[n-1] - x[n-2..n-pad-1] after.
  const std::size_t n = x.size();
  std::vector<double> ext(n + 2 * pad);
  for (std::size_t i = 0; i < pad; ++i) {
    ext[i] = 2.0 * x[0] - x[pad - i];
    ext[pad + n + i] = 2.0 * x[n - 1] - x[n - 2 - i];
  }
  std::copy(x.begin(), x.end(), ext.begin() + static_cast<std::ptrdiff_t>(pad));
  const auto zi = sosfilt_zi(s);
  auto scaled = [&](double v) {
    auto z = zi;
    for (auto& e : z)
      e = {e[0] * v, e[1] * v};
    return z;
  };
  auto state = scaled(ext.front());
  run(s, state, ext, ext);
  std::reverse(ext.begin(), ext.end());
  state = scaled(ext.front());
  run(s, state, ext, ext);
  std::reverse(ext.begin(), ext.end());
  return {ext.begin() + static_cast<std::ptrdiff_t>(pad),
          ext.begin() + static_cast<std::ptrdiff_t>(pad + n)};
}

namespace {

// One pass of the cascade over time-major samples of `width` channels (buf[t * width + c]),
// forwards or backwards, from sosfilt_zi scaled by each channel's first sample of the pass.
void run_channels(const Sos& sos, const std::vector<std::array<double, 2>>& zi,
                  std::vector<double>& buf, std::size_t width, bool backwards) {
  const std::size_t sections = sos.sections.size();
  const std::size_t length = buf.size() / width;
  std::vector<double> z0(sections * width);
  std::vector<double> z1(sections * width);
  const double* first = &buf[(backwards ? length - 1 : 0) * width];
  for (std::size_t s = 0; s < sections; ++s) {
    for (std::size_t c = 0; c < width; ++c) {
      z0[s * width + c] = zi[s][0] * first[c];
      z1[s * width + c] = zi[s][1] * first[c];
    }
  }
  detail::run_rows(sos, z0.data(), z1.data(), buf.data(), length, width, backwards);
}

}  // namespace

std::vector<std::vector<double>> sosfiltfilt_channels(
    const Sos& sos, std::span<const std::span<const double>> channels) {
  const Sos s = normalised(sos, "sosfiltfilt_channels");
  if (channels.empty())
    return {};
  const std::size_t n = channels.front().size();
  for (const auto& x : channels) {
    if (x.size() != n)
      throw std::invalid_argument("sosfiltfilt_channels: channels of unequal length (" +
                                  std::to_string(x.size()) + " vs " + std::to_string(n) + ")");
    detail::require_finite("sosfiltfilt_channels", x);
  }
  const std::size_t pad = sosfiltfilt_padlen(s);
  if (n <= pad)
    throw std::invalid_argument("sosfiltfilt_channels: signal must be longer than padlen " +
                                std::to_string(pad) + " (" + std::to_string(n) + ")");
  // The odd extension of sosfiltfilt, channel by channel, stored time-major. Rows are padded
  // with zero channels to a multiple of four, so that the filter's channel loop runs in whole
  // vector registers, without a scalar remainder at every section of every instant; a zero
  // channel stays zero and each channel's arithmetic is its own.
  const std::size_t width = channels.size();
  const std::size_t stride = detail::padded_width(width);
  const std::size_t length = n + 2 * pad;
  // The buffer is the thread's own and kept between calls: every element is written before it
  // is read, and a fresh buffer of a span's size (most of a MB) was mapped, faulted in page by
  // page and zeroed at every call.
  thread_local std::vector<double> buf;
  buf.resize(length * stride);
  std::vector<const double*> data;
  for (const auto& x : channels)
    data.push_back(x.data());
  const auto inputs = detail::with_zero_channels(std::move(data), n, stride);
  for (std::size_t c = 0; c < stride; ++c) {
    const double* x = inputs[c];
    for (std::size_t i = 0; i < pad; ++i) {
      buf[i * stride + c] = 2.0 * x[0] - x[pad - i];
      buf[(pad + n + i) * stride + c] = 2.0 * x[n - 1] - x[n - 2 - i];
    }
  }
  detail::to_time_major(inputs, n, buf.data() + pad * stride, stride);
  const auto zi = sosfilt_zi(s);
  run_channels(s, zi, buf, stride, false);
  run_channels(s, zi, buf, stride, true);
  std::vector<std::vector<double>> out;
  out.reserve(width);
  std::vector<double*> outputs(width);
  for (std::size_t c = 0; c < width; ++c)
    outputs[c] = out.emplace_back(n).data();  // not copies of one prototype: zeroed, not copied
  detail::from_time_major(buf.data() + pad * stride, stride, n, outputs);
  return out;
}

}  // namespace eegtrack::dsp
