#include "support/run_cli.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/paths.hpp"

namespace eegtrack::test {
namespace {

std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (const char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CliResult run_cli(const std::vector<std::string>& args) {
  return run_program(cli_path(), args);
}

CliResult run_demo_patient(const std::vector<std::string>& args) {
  return run_program(EEGTRACK_DEMO_PATIENT_PATH, args);
}

CliResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args) {
  const auto err_path = scratch_dir() / "stderr.txt";
  std::string command = shell_quote(program.string());
  for (const auto& arg : args)
    command += ' ' + shell_quote(arg);
  command += " </dev/null 2>" + shell_quote(err_path.string());
  CliResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr)
    return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_text(err_path.string());
  return result;
}

}  // namespace eegtrack::test
