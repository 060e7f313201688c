#pragma once
// What a folder search left out, in the words `batch` and `slurm` both print.

#include <string>

#include "eegtrack/pipeline/batch_inputs.hpp"

namespace eegtrack::cli {

/// ", 1 file(s) with annotations only left out (no data signal: x.edf)" and the like for the
/// files with annotations only, the other names of recordings already listed and the links
/// back to a folder above; the first name of each, with ", ..." when there are more. Empty when
/// nothing was left out.
[[nodiscard]] std::string left_out_text(const pipeline::BatchInputs& inputs);

}  // namespace eegtrack::cli
