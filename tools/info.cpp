#include "subcommands.hpp"
namespace eegtrack::cli {
void add_info(CLI::App& app) {
  (void)app;
}
}  // namespace eegtrack::cli
