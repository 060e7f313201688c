#include "subcommands.hpp"
namespace eegtrack::cli {
void add_psd(CLI::App& app) {
  (void)app;
}
}  // namespace eegtrack::cli
