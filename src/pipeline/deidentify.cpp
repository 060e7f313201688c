#include "eegtrack/pipeline/deidentify.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "eegtrack/io/sha256.hpp"
#include "eegtrack/io/text_escape.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeyBytes = 32;

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::optional<std::string> unhex(std::string_view text) {
  std::string out;
  const auto value = [](char c) -> int {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
    return -1;
  };
  if (text.size() % 2 != 0)
    return std::nullopt;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int hi = value(text[i]);
    const int lo = value(text[i + 1]);
    if (hi < 0 || lo < 0)
      return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::string raw_sha256(std::string_view a, std::string_view b) {
  io::Sha256 h;
  h.update(std::as_bytes(std::span(a.data(), a.size())));
  h.update(std::as_bytes(std::span(b.data(), b.size())));
  const auto d = h.finish();
  return {reinterpret_cast<const char*>(d.data()), d.size()};
}

DeidentifyKey read_key(const fs::path& path) {
  std::ifstream in(path);
  std::string text;
  if (!in || !(in >> text))
    throw std::runtime_error(io::escape_bytes(path.string()) + ": cannot read the key file");
  const auto bytes = unhex(text);
  if (!bytes || bytes->size() < kKeyBytes)
    throw std::runtime_error(io::escape_bytes(path.string()) +
                             ": not a key file (64 or more hex digits expected)");
  return {*bytes};
}

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  std::string k(key);
  if (k.size() > 64)
    k = raw_sha256(k, "");
  k.resize(64, '\0');
  std::string inner(64, '\0');
  std::string outer(64, '\0');
  for (std::size_t i = 0; i < 64; ++i) {
    inner[i] = static_cast<char>(k[i] ^ 0x36);
    outer[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  return hex(raw_sha256(outer, raw_sha256(inner, message)));
}

DeidentifyKey load_or_create_key(const fs::path& path, bool* created) {
  if (created != nullptr)
    *created = false;
  if (fs::exists(path))
    return read_key(path);
  std::string bytes(kKeyBytes, '\0');
  std::ifstream random("/dev/urandom", std::ios::binary);
  if (!random.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw std::runtime_error("/dev/urandom: cannot read a new key");
  // Written whole under a private name, then linked to the final name: link() fails if the key
  // exists, so of two runs starting together one wins and the other reads the complete key.
  const fs::path temp = path.string() + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    throw std::runtime_error(io::escape_bytes(path.string()) + ": cannot create the key file (" +
                             std::strerror(errno) + ")");
  const std::string text = hex(bytes) + "\n";
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    fs::remove(temp);
    throw std::runtime_error(io::escape_bytes(path.string()) + ": cannot write the key file");
  }
  const int linked = ::link(temp.c_str(), path.c_str());
  const int link_error = errno;
  fs::remove(temp);
  if (linked != 0) {
    if (link_error == EEXIST)  // another run created it first: use its key
      return read_key(path);
    throw std::runtime_error(io::escape_bytes(path.string()) + ": cannot create the key file (" +
                             std::strerror(link_error) + ")");
  }
  if (created != nullptr)
    *created = true;
  return {bytes};
}

Deidentification deidentification(const DeidentifyKey& key, std::string_view file_name,
                                  std::string_view patient_id) {
  Deidentification d;
  d.pseudonym =
      "rec-" +
      hmac_sha256_hex(key.bytes, std::string("file") + '\0' + std::string(file_name)).substr(0, 16);
  const auto h =
      hmac_sha256_hex(key.bytes, std::string("patient") + '\0' + std::string(patient_id));
  const auto value = std::stoull(h.substr(0, 8), nullptr, 16);
  d.shift_days = -static_cast<int>(1 + value % 3650);
  return d;
}

std::string patient_pseudonym(const DeidentifyKey& key, std::string_view patient_id) {
  return "pat-" +
         hmac_sha256_hex(key.bytes, std::string("pseudonym") + '\0' + std::string(patient_id))
             .substr(0, 16);
}

std::string patient_key(const io::Header& header, const std::optional<std::string>& given) {
  if (given && !given->empty())
    return *given;
  if (io::is_plus(header.file_type)) {
    std::istringstream fields(header.patient);
    std::string code;
    if (fields >> code && code != "X")
      return code;
  }
  return header.path.filename().string();
}

}  // namespace eegtrack::pipeline
