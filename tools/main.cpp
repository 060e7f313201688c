// eegtrack command-line interface: parses arguments, calls the libraries, maps errors to exit
// codes (0 success, 1 file problem, 2 usage problem). Subcommands live in their own files.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "eegtrack/pipeline/heap_policy.hpp"
#include "eegtrack/version.hpp"
#include "subcommands.hpp"

int main(int argc, char** argv) {
  eegtrack::pipeline::keep_freed_heap_memory();
  CLI::App app{"eegtrack: quantitative EEG for ICANS follow-up"};
  app.set_version_flag("--version", eegtrack::kVersion);
  app.require_subcommand(1);
  eegtrack::cli::register_subcommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return eegtrack::cli::exit_status();
}
