#include "epoch_cells.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace eegtrack::pipeline::detail {
namespace {

std::filesystem::path temporary_folder(const std::filesystem::path& folder) {
  if (!folder.empty())
    return folder;
  const char* tmpdir = std::getenv("TMPDIR");
  return tmpdir != nullptr && *tmpdir != '\0' ? std::filesystem::path(tmpdir)
                                              : std::filesystem::path("/tmp");
}

// An unlinked temporary file in `folder`; -1 when none can be made there.
int unnamed_file(const std::filesystem::path& folder) {
  std::string name = (folder / "eegtrack-cells-XXXXXX").string();
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0)
    ::unlink(name.c_str());
  return fd;
}

// Writes or reads all `bytes` at `offset`, across short transfers; false on an error.
template <class Transfer, class Pointer>
bool transfer_all(Transfer transfer, int fd, Pointer data, std::size_t bytes, off_t offset) {
  while (bytes > 0) {
    const ssize_t n = transfer(fd, data, bytes, offset);
    if (n < 0 && errno == EINTR)
      continue;
    if (n == 0)
      errno = EIO;  // the file ends early
    if (n <= 0)
      return false;
    data += n;
    bytes -= static_cast<std::size_t>(n);
    offset += n;
  }
  return true;
}

}  // namespace

EpochCells::EpochCells(std::size_t n_channels, std::size_t n_features, std::size_t block_epochs,
                       const std::filesystem::path& folder)
    : n_channels_(n_channels), n_features_(n_features), block_epochs_(block_epochs) {
  if (block_epochs == 0)
    throw std::invalid_argument("EpochCells: a block holds at least one epoch (0)");
  fd_ = unnamed_file(temporary_folder(folder));
  writable_ = fd_ >= 0;
}

EpochCells::~EpochCells() {
  if (fd_ >= 0)
    ::close(fd_);
}

void EpochCells::reserve(std::size_t epochs) {
  memory_.reserve((writable_ ? std::min(epochs, block_epochs_) : epochs) * n_channels_ *
                  n_features_);
}

void EpochCells::append(std::span<const double> row) {
  if (row.size() != n_channels_ * n_features_)
    throw std::invalid_argument("EpochCells::append: a row holds channels x features values (" +
                                std::to_string(row.size()) + ")");
  for (const double v : row)
    memory_.push_back(static_cast<float>(v));
  ++epochs_;
  if (writable_ && memory_.size() == block_epochs_ * n_channels_ * n_features_)
    write_block();
}

void EpochCells::write_block() {
  const std::size_t nc = n_channels_;
  const std::size_t nf = n_features_;
  const std::size_t column = block_epochs_ * nc;
  block_.resize(memory_.size());
  for (std::size_t e = 0; e < block_epochs_; ++e)
    for (std::size_t c = 0; c < nc; ++c)
      for (std::size_t f = 0; f < nf; ++f)
        block_[f * column + e * nc + c] = memory_[(e * nc + c) * nf + f];
  const std::size_t bytes = block_.size() * sizeof(float);
  const auto offset = static_cast<off_t>(blocks_on_disk_ * bytes);
  const auto* data = reinterpret_cast<const char*>(block_.data());
  if (!transfer_all(::pwrite, fd_, data, bytes, offset)) {
    writable_ = false;  // a full disk: this block and the later ones stay in memory
    return;
  }
  ++blocks_on_disk_;
  memory_.clear();
}

std::vector<float> EpochCells::feature(std::size_t f) const {
  if (f >= n_features_)
    throw std::out_of_range("EpochCells::feature: no feature " + std::to_string(f) + " of " +
                            std::to_string(n_features_));
  const std::size_t nc = n_channels_;
  const std::size_t nf = n_features_;
  const std::size_t column = block_epochs_ * nc;
  std::vector<float> out(epochs_ * nc);
  for (std::size_t b = 0; b < blocks_on_disk_; ++b) {
    const auto offset = static_cast<off_t>((b * nf + f) * column * sizeof(float));
    auto* data = reinterpret_cast<char*>(out.data() + b * column);
    if (!transfer_all(::pread, fd_, data, column * sizeof(float), offset))
      throw std::runtime_error(std::string("EpochCells: the temporary file of the epoch values "
                                           "could not be read back: ") +
                               std::strerror(errno));
  }
  const std::size_t on_disk = blocks_on_disk_ * column;
  for (std::size_t i = 0; i < (epochs_ * nc) - on_disk; ++i)
    out[on_disk + i] = memory_[i * nf + f];
  return out;
}

}  // namespace eegtrack::pipeline::detail
