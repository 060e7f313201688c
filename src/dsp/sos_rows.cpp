#include "sos_rows.hpp"

#include <cstring>

#include "eegtrack/dsp/vector_clones.hpp"

namespace eegtrack::dsp::detail {
namespace {

// Four channels, one register (two SSE2 registers in the baseline copy).
using Quad = double __attribute__((vector_size(32)));

}  // namespace

// Per instant, four channels at a time pass through every section while their samples stay in
// a register; a loop over the channels inside each section ran only a few iterations and spent
// as long on its own set-up as on the arithmetic.
EEGTRACK_VECTOR_CLONES void run_rows(const Sos& sos, double* z0, double* z1, double* rows,
                                     std::size_t length, std::size_t stride, bool backwards) {
  const std::size_t sections = sos.sections.size();
  for (std::size_t step = 0; step < length; ++step) {
    double* x = rows + (backwards ? length - 1 - step : step) * stride;
    for (std::size_t c = 0; c < stride; c += 4) {
      Quad v;
      std::memcpy(&v, x + c, sizeof v);
      for (std::size_t s = 0; s < sections; ++s) {
        const auto& k = sos.sections[s];
        double* const a_at = z0 + s * stride + c;
        double* const b_at = z1 + s * stride + c;
        Quad a;
        Quad b;
        std::memcpy(&a, a_at, sizeof a);
        std::memcpy(&b, b_at, sizeof b);
        const Quad y = k[0] * v + a;
        a = k[1] * v - k[4] * y + b;
        b = k[2] * v - k[5] * y;
        std::memcpy(a_at, &a, sizeof a);
        std::memcpy(b_at, &b, sizeof b);
        v = y;
      }
      std::memcpy(x + c, &v, sizeof v);
    }
  }
}

}  // namespace eegtrack::dsp::detail
