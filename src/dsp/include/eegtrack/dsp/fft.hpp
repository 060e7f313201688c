#pragma once

#include <complex>
#include <span>

namespace eegtrack::dsp {

/// Forward FFT of a real signal of length n = x.size() >= 1, writing the n/2 + 1 non-negative
/// frequency bins to out (out.size() must be n/2 + 1). Unnormalised, like numpy.fft.rfft.
/// Plans come from a process-wide cache (planning under a lock, execution lock-free), so this
/// may be called from many threads at once.
/// @throws std::invalid_argument on empty input or a wrong output size.
void rfft(std::span<const double> x, std::span<std::complex<double>> out);

/// Inverse of rfft: n = out.size() real samples from n/2 + 1 bins, scaled by 1/n (numpy.fft.irfft).
/// @throws std::invalid_argument if bins.size() != out.size()/2 + 1 or out is empty.
void irfft(std::span<const std::complex<double>> bins, std::span<double> out);

/// Forward complex FFT, unnormalised (numpy.fft.fft). x and out have equal size >= 1.
void fft(std::span<const std::complex<double>> x, std::span<std::complex<double>> out);

/// Inverse complex FFT scaled by 1/n (numpy.fft.ifft). x and out have equal size >= 1.
void ifft(std::span<const std::complex<double>> x, std::span<std::complex<double>> out);

}  // namespace eegtrack::dsp
