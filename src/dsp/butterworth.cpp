#include "eegtrack/dsp/butterworth.hpp"

#include <cmath>
#include <complex>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>

namespace eegtrack::dsp {
namespace {

using Complex = std::complex<double>;
using Roots = std::vector<Complex>;

[[noreturn]] void fail(const std::string& what, double value) {
  std::ostringstream os;
  os << "butterworth: " << what << " (" << value << ")";
  throw std::invalid_argument(os.str());
}

void validate(const ButterworthParams& p) {
  if (p.order < 1)
    fail("order must be >= 1", p.order);
  if (!(p.sample_rate_hz > 0.0) || !std::isfinite(p.sample_rate_hz))
    fail("sample_rate_hz must be finite and > 0", p.sample_rate_hz);
  const double nyquist = p.sample_rate_hz / 2.0;
  auto check_edge = [&](const char* name, double f) {
    if (!(f > 0.0 && f < nyquist))
      fail(std::string(name) + " must lie in (0, sample_rate_hz / 2 = " + std::to_string(nyquist) +
               ")",
           f);
  };
  if (p.type == FilterType::LowPass || p.type == FilterType::HighPass) {
    check_edge("cutoff_hz", p.cutoff_hz);
    return;
  }
  check_edge("low_hz", p.low_hz);
  check_edge("high_hz", p.high_hz);
  if (!(p.low_hz < p.high_hz))
    fail("low_hz must be < high_hz", p.low_hz);
}

Complex product(const Roots& r, double shift, double sign) {
  Complex acc = 1.0;
  for (const Complex& v : r)
    acc *= shift + sign * v;
  return acc;
}

// Analog prototype poles, scipy buttap: -exp(j pi m / 2N), m = -N+1, -N+3, ..., N-1.
Roots butter_prototype(int order) {
  Roots p;
  for (int m = -order + 1; m < order; m += 2) {
    const double angle = std::numbers::pi * m / (2.0 * order);
    p.push_back(-std::exp(Complex(0.0, angle)));
  }
  return p;
}

// s -> (s^2 + wo^2) / (s bw) (band-pass) maps each prototype root to two roots.
void split_band_roots(const Roots& in, double wo, Roots& out) {
  const std::size_t n = in.size();
  out.resize(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    const Complex root = std::sqrt(in[i] * in[i] - wo * wo);
    out[i] = in[i] + root;
    out[n + i] = in[i] - root;
  }
}

Zpk analog_design(const ButterworthParams& params) {
  const Roots proto = butter_prototype(params.order);
  const double fs = 2.0;  // scipy designs on the normalised frequency Wn = f / nyquist
  auto warp = [&](double f_hz) {
    const double wn = 2.0 * f_hz / params.sample_rate_hz;
    return 2.0 * fs * std::tan(std::numbers::pi * wn / fs);
  };
  Roots poles;
  Roots zeros;
  double gain = 1.0;
  const auto degree = proto.size();
  switch (params.type) {
    case FilterType::LowPass: {
      const double wo = warp(params.cutoff_hz);
      for (const Complex& p : proto)
        poles.push_back(wo * p);
      gain = std::pow(wo, static_cast<double>(degree));
      break;
    }
    case FilterType::HighPass: {
      const double wo = warp(params.cutoff_hz);
      for (const Complex& p : proto)
        poles.push_back(wo / p);
      zeros.assign(degree, Complex(0.0, 0.0));
      gain = std::real(1.0 / product(proto, 0.0, -1.0));
      break;
    }
    case FilterType::BandPass:
    case FilterType::BandStop: {
      const double lo = warp(params.low_hz);
      const double hi = warp(params.high_hz);
      const double bw = hi - lo;
      const double wo = std::sqrt(lo * hi);
      Roots scaled;
      const bool pass = params.type == FilterType::BandPass;
      for (const Complex& p : proto)
        scaled.push_back(pass ? p * bw / 2.0 : bw / 2.0 / p);
      split_band_roots(scaled, wo, poles);
      if (pass) {
        zeros.assign(degree, Complex(0.0, 0.0));
        gain = std::pow(bw, static_cast<double>(degree));
      } else {
        zeros.assign(degree, Complex(0.0, wo));
        zeros.insert(zeros.end(), degree, Complex(0.0, -wo));
        gain = std::real(1.0 / product(proto, 0.0, -1.0));
      }
      break;
    }
  }
  return Zpk{.zeros = zeros, .poles = poles, .gain = gain};
}

}  // namespace

Zpk butterworth_zpk(const ButterworthParams& params) {
  validate(params);
  const Zpk analog = analog_design(params);
  // Bilinear transform (scipy bilinear_zpk with fs = 2): zeros at infinity go to z = -1.
  const double fs2 = 4.0;
  Zpk digital;
  for (const Complex& z : analog.zeros)
    digital.zeros.push_back((fs2 + z) / (fs2 - z));
  for (const Complex& p : analog.poles)
    digital.poles.push_back((fs2 + p) / (fs2 - p));
  const std::size_t degree = analog.poles.size() - analog.zeros.size();
  digital.zeros.insert(digital.zeros.end(), degree, Complex(-1.0, 0.0));
  digital.gain =
      analog.gain * std::real(product(analog.zeros, fs2, -1.0) / product(analog.poles, fs2, -1.0));
  return digital;
}

Sos butterworth(const ButterworthParams& params) {
  return zpk_to_sos(butterworth_zpk(params));
}

}  // namespace eegtrack::dsp
