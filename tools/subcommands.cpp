#include "subcommands.hpp"

#include <iostream>
#include <stdexcept>

#include "eegtrack/io/errors.hpp"
#include "option_names.hpp"

namespace eegtrack::cli {
namespace {
int g_exit_status = 0;
}

void register_subcommands(CLI::App& app) {
  add_info(app);
  add_export(app);
  add_psd(app);
  add_analyze(app);
  add_score_seizures(app);
  add_followup(app);
  add_report(app);
  add_batch(app);
  add_merge(app);
  add_slurm(app);
  add_anonymize(app);
}

int exit_status() {
  return g_exit_status;
}

void run_guarded(const std::function<int()>& body) {
  try {
    g_exit_status = body();
  } catch (const dsp::ParameterError& e) {
    // A parameter out of range is a usage problem; it is named by the option that set it.
    std::cerr << "eegtrack: " << describe(e) << '\n';
    g_exit_status = 2;
  } catch (const io::UsageError& e) {
    std::cerr << "eegtrack: " << io::escape_bytes(e.what()) << '\n';
    g_exit_status = 2;
  } catch (const std::invalid_argument& e) {
    // Invalid parameters given on the command line reach the libraries' validate() checks.
    std::cerr << "eegtrack: " << io::escape_bytes(e.what()) << '\n';
    g_exit_status = 2;
  } catch (const std::exception& e) {
    std::cerr << "eegtrack: " << io::escape_bytes(e.what()) << '\n';
    g_exit_status = 1;
  }
}

}  // namespace eegtrack::cli
