#include "subcommands.hpp"
namespace eegtrack::cli {
void add_export(CLI::App& app) {
  (void)app;
}
}  // namespace eegtrack::cli
