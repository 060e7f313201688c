#include "report_pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

std::optional<fs::path> on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr)
    return std::nullopt;
  std::string dirs(path);
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const auto end = dirs.find(':', start);
    const fs::path candidate =
        fs::path(dirs.substr(start, end == std::string::npos ? std::string::npos : end - start)) /
        name;
    if (::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return std::nullopt;
}

// Runs argv with stdout and stderr into `log`; the exit status, or -1 after `timeout`.
int run(const std::vector<std::string>& args, const fs::path& log, std::chrono::seconds timeout) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::vector<char*> argv;
  for (const auto& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    return -2;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string tail_of(const fs::path& log) {
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.size() > 600 ? text.substr(text.size() - 600) : text;
}

}  // namespace

std::optional<fs::path> find_chromium() {
  if (const char* chosen = std::getenv("EEGTRACK_CHROMIUM"); chosen != nullptr && *chosen != '\0')
    return ::access(chosen, X_OK) == 0 ? std::optional<fs::path>(chosen) : std::nullopt;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"})
    if (auto found = on_path(name))
      return found;
  return std::nullopt;
}

void print_to_pdf(const fs::path& html, const fs::path& pdf) {
  const auto chromium = find_chromium();
  if (!chromium)
    throw std::runtime_error(
        "cannot write " + pdf.string() +
        ": the PDF is printed by headless Chromium, which was not found (looked for chromium, "
        "chromium-browser, google-chrome on the PATH and $EEGTRACK_CHROMIUM). Install it with "
        "'apt-get install chromium' (Debian) or open the HTML report in a browser and print it");
  char profile_template[] = "/tmp/eegtrack-chromium-XXXXXX";
  const char* profile = ::mkdtemp(profile_template);
  if (profile == nullptr)
    throw std::runtime_error("cannot create a temporary Chromium profile in /tmp");
  const fs::path log = fs::path(profile) / "chromium.log";
  const fs::path target = fs::absolute(pdf);
  fs::remove(target);
  const int status =
      run({chromium->string(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--user-data-dir=" + std::string(profile), "--no-pdf-header-footer",
           "--print-to-pdf=" + target.string(), "file://" + fs::absolute(html).string()},
          log, std::chrono::seconds(120));
  const std::string output = tail_of(log);
  std::error_code ignored;
  fs::remove_all(profile, ignored);
  if (status != 0 || !fs::exists(target) || fs::file_size(target) == 0)
    throw std::runtime_error("cannot write " + pdf.string() + ": " + chromium->string() +
                             (status == -1 ? " took longer than 120 s"
                                           : " failed (status " + std::to_string(status) + ")") +
                             (output.empty() ? "" : "; its output ends: " + output));
}

}  // namespace eegtrack::cli
