#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace eegtrack::cli {

/// Adds every subcommand (info, export, psd, ...) to the application.
void register_subcommands(CLI::App& app);

/// Exit status of the subcommand that ran: 0 success, 1 file problem, 2 usage problem.
[[nodiscard]] int exit_status();

/// Runs a subcommand body, printing "eegtrack: <message>" to stderr for any exception and
/// recording the exit status (2 for usage errors, 1 otherwise). The body returns its status.
void run_guarded(const std::function<int()>& body);

void add_info(CLI::App& app);
void add_export(CLI::App& app);
void add_psd(CLI::App& app);
void add_analyze(CLI::App& app);
void add_score_seizures(CLI::App& app);
void add_followup(CLI::App& app);
void add_report(CLI::App& app);
void add_batch(CLI::App& app);
void add_merge(CLI::App& app);
void add_slurm(CLI::App& app);
void add_anonymize(CLI::App& app);

}  // namespace eegtrack::cli
