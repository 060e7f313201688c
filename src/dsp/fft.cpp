#include "eegtrack/dsp/fft.hpp"

#include <fftw3.h>

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "fft_plan.hpp"

namespace eegtrack::dsp {
namespace detail {
namespace {

enum class PlanKind { RealForward, RealInverse, ComplexForward, ComplexInverse };

/// One FFTW plan, created for a size and reused with fftw_execute_dft_* on any arrays of the same
/// size and alignment (FFTW's new-array interface, the only thread-safe execution path).
class FftPlan {
 public:
  /// aligned: plan for SIMD-aligned arrays (fftw_alignment_of == 0); otherwise FFTW_UNALIGNED.
  FftPlan(PlanKind kind, int n, bool aligned) {
    // FFTW_ESTIMATE keeps planning cheap and deterministic (MEASURE would make the chosen
    // algorithm, and so the last bits of the result, depend on timing).
    const unsigned flags = FFTW_ESTIMATE | (aligned ? 0U : FFTW_UNALIGNED);
    // Out-of-place plans on fftw_malloc'd (aligned) scratch: execution must match both.
    auto* real = fftw_alloc_real(static_cast<std::size_t>(n));
    auto* in = fftw_alloc_complex(static_cast<std::size_t>(n));
    auto* out = fftw_alloc_complex(static_cast<std::size_t>(n));
    switch (kind) {
      case PlanKind::RealForward:
        plan_ = fftw_plan_dft_r2c_1d(n, real, out, flags);
        break;
      case PlanKind::RealInverse:
        plan_ = fftw_plan_dft_c2r_1d(n, in, real, flags);
        break;
      case PlanKind::ComplexForward:
        plan_ = fftw_plan_dft_1d(n, in, out, FFTW_FORWARD, flags);
        break;
      case PlanKind::ComplexInverse:
        plan_ = fftw_plan_dft_1d(n, in, out, FFTW_BACKWARD, flags);
        break;
    }
    fftw_free(real);
    fftw_free(in);
    fftw_free(out);
    if (plan_ == nullptr)
      throw std::runtime_error("fft: FFTW could not plan size " + std::to_string(n));
  }
  ~FftPlan();
  FftPlan(const FftPlan&) = delete;
  FftPlan& operator=(const FftPlan&) = delete;
  [[nodiscard]] fftw_plan get() const { return plan_; }

 private:
  fftw_plan plan_ = nullptr;
};

/// The mutex is declared before the map so it outlives every plan at static destruction.
struct PlanCache {
  std::mutex mutex;
  std::map<std::tuple<PlanKind, int, bool>, std::shared_ptr<const FftPlan>> plans;
};

PlanCache& cache() {
  static PlanCache instance;
  return instance;
}

FftPlan::~FftPlan() {
  // fftw_destroy_plan is not thread-safe: serialise it with planning. Plans die only when the
  // cache itself is destroyed, with its mutex still alive (declared first).
  if (plan_ != nullptr)
    fftw_destroy_plan(plan_);
}

bool simd_aligned(const void* in, const void* out) {
  // FFTW's new-array execution requires the same SIMD alignment as at planning time.
  return fftw_alignment_of(static_cast<double*>(const_cast<void*>(in))) == 0 &&
         fftw_alignment_of(static_cast<double*>(const_cast<void*>(out))) == 0;
}

std::shared_ptr<const FftPlan> plan_for(PlanKind kind, int n, bool aligned) {
  auto& c = cache();
  std::lock_guard lock(c.mutex);
  auto& slot = c.plans[{kind, n, aligned}];
  if (!slot)
    slot = std::make_shared<const FftPlan>(kind, n, aligned);
  return slot;
}

// The plan for arrays `in` and `out`, found in a list of the plans this thread has already
// used before the process-wide cache is asked. An analysis transforms a few sizes millions of
// times from several threads (each rhythm window of each channel, each spike span); asking the
// shared cache every time took its lock and updated the plan's shared count on every call,
// and two threads meeting there waited on each other.
const FftPlan& plan_for(PlanKind kind, int n, const void* in, const void* out) {
  struct Used {
    PlanKind kind;
    int n;
    bool aligned;
    std::shared_ptr<const FftPlan> plan;
  };
  thread_local std::vector<Used> used;
  const bool aligned = simd_aligned(in, out);
  for (const Used& u : used) {
    if (u.kind == kind && u.n == n && u.aligned == aligned)
      return *u.plan;
  }
  used.push_back({kind, n, aligned, plan_for(kind, n, aligned)});
  return *used.back().plan;
}

int checked_size(std::size_t n, const char* function) {
  if (n == 0)
    throw std::invalid_argument(std::string(function) + ": empty input (size 0)");
  if (n > static_cast<std::size_t>(1) << 30) {
    throw std::invalid_argument(std::string(function) + ": size too large (" + std::to_string(n) +
                                ")");
  }
  return static_cast<int>(n);
}

}  // namespace

RealForwardPlan::RealForwardPlan(std::size_t n)
    : n_(n), plan_(plan_for(PlanKind::RealForward, checked_size(n, "RealForwardPlan"), true)) {}

void RealForwardPlan::execute(const double* in, std::complex<double>* out) const {
  if (!simd_aligned(in, out)) {
    // Rare (buffers from std::vector are normally aligned): take the general path.
    rfft(std::span<const double>(in, n_), std::span<std::complex<double>>(out, n_ / 2 + 1));
    return;
  }
  const auto* plan = static_cast<const FftPlan*>(plan_.get());
  fftw_execute_dft_r2c(plan->get(), const_cast<double*>(in), reinterpret_cast<fftw_complex*>(out));
}

}  // namespace detail

void rfft(std::span<const double> x, std::span<std::complex<double>> out) {
  const int n = detail::checked_size(x.size(), "rfft");
  if (out.size() != x.size() / 2 + 1) {
    throw std::invalid_argument("rfft: output must hold n/2+1 bins (" + std::to_string(out.size()) +
                                ")");
  }
  const auto& plan = detail::plan_for(detail::PlanKind::RealForward, n, x.data(), out.data());
  // r2c does not modify its input; FFTW's signature is simply not const-correct.
  fftw_execute_dft_r2c(plan.get(), const_cast<double*>(x.data()),
                       reinterpret_cast<fftw_complex*>(out.data()));
}

void irfft(std::span<const std::complex<double>> bins, std::span<double> out) {
  const int n = detail::checked_size(out.size(), "irfft");
  if (bins.size() != out.size() / 2 + 1) {
    throw std::invalid_argument("irfft: input must hold n/2+1 bins (" +
                                std::to_string(bins.size()) + ")");
  }
  // c2r destroys its input, so work on a copy.
  std::vector<std::complex<double>> scratch(bins.begin(), bins.end());
  const auto& plan = detail::plan_for(detail::PlanKind::RealInverse, n, scratch.data(), out.data());
  fftw_execute_dft_c2r(plan.get(), reinterpret_cast<fftw_complex*>(scratch.data()), out.data());
  const double scale = 1.0 / n;
  for (double& v : out)
    v *= scale;
}

namespace {
void complex_transform(std::span<const std::complex<double>> x, std::span<std::complex<double>> out,
                       bool inverse) {
  const char* name = inverse ? "ifft" : "fft";
  const int n = detail::checked_size(x.size(), name);
  if (out.size() != x.size()) {
    throw std::invalid_argument(std::string(name) + ": output size differs from input (" +
                                std::to_string(out.size()) + ")");
  }
  std::vector<std::complex<double>> in(x.begin(), x.end());
  const auto& plan = detail::plan_for(
      inverse ? detail::PlanKind::ComplexInverse : detail::PlanKind::ComplexForward, n, in.data(),
      out.data());
  fftw_execute_dft(plan.get(), reinterpret_cast<fftw_complex*>(in.data()),
                   reinterpret_cast<fftw_complex*>(out.data()));
  if (inverse) {
    const double scale = 1.0 / n;
    for (auto& v : out)
      v *= scale;
  }
}
}  // namespace

void fft(std::span<const std::complex<double>> x, std::span<std::complex<double>> out) {
  complex_transform(x, out, false);
}

void ifft(std::span<const std::complex<double>> x, std::span<std::complex<double>> out) {
  complex_transform(x, out, true);
}

}  // namespace eegtrack::dsp
