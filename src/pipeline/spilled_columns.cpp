#include "spilled_columns.hpp"

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
  std::string name = (folder / "eegtrack-analysis-XXXXXX").string();
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

SpilledColumns::SpilledColumns(std::size_t entries, std::size_t columns, std::size_t block_rows,
                               const std::filesystem::path& folder)
    : entries_(entries), columns_(columns), block_rows_(block_rows) {
  if (block_rows == 0)
    throw std::invalid_argument("SpilledColumns: a block holds at least one row (0)");
  fd_ = unnamed_file(temporary_folder(folder));
  writable_ = fd_ >= 0;
}

SpilledColumns::~SpilledColumns() {
  if (fd_ >= 0)
    ::close(fd_);
}

void SpilledColumns::reserve(std::size_t rows) {
  memory_.reserve((writable_ ? std::min(rows, block_rows_) : rows) * entries_ * columns_);
}

void SpilledColumns::append(std::span<const double> row) {
  append_values(row);
}

void SpilledColumns::append(std::span<const float> row) {
  append_values(row);
}

template <class Value>
void SpilledColumns::append_values(std::span<const Value> row) {
  if (row.size() != entries_ * columns_)
    throw std::invalid_argument("SpilledColumns::append: a row holds entries x columns values (" +
                                std::to_string(row.size()) + ")");
  for (const Value v : row)
    memory_.push_back(static_cast<float>(v));
  ++rows_;
  if (writable_ && rows_ - rows_on_disk() == block_rows_)
    write_block();
}

void SpilledColumns::write_block() {
  const std::size_t ne = entries_;
  const std::size_t nc = columns_;
  const std::size_t column = block_rows_ * ne;
  block_.resize(memory_.size());
  for (std::size_t r = 0; r < block_rows_; ++r)
    for (std::size_t e = 0; e < ne; ++e)
      for (std::size_t f = 0; f < nc; ++f)
        block_[f * column + r * ne + e] = memory_[(r * ne + e) * nc + f];
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

std::vector<float> SpilledColumns::column(std::size_t f) const {
  std::vector<float> out(rows_ * entries_);
  read_column(f, 0, rows_, out);
  return out;
}

void SpilledColumns::read_column(std::size_t f, std::size_t first, std::size_t count,
                                 std::span<float> out) const {
  if (f >= columns_)
    throw std::out_of_range("SpilledColumns: no column " + std::to_string(f) + " of " +
                            std::to_string(columns_));
  if (first > rows_ || count > rows_ - first || out.size() != count * entries_)
    throw std::out_of_range("SpilledColumns::read_column: rows " + std::to_string(first) + " + " +
                            std::to_string(count) + " of " + std::to_string(rows_));
  const std::size_t ne = entries_;
  const std::size_t column = block_rows_ * ne;
  const std::size_t end = first + count;
  const std::size_t on_disk = std::min(end, rows_on_disk());
  // Rows in the file: within a block, one column's rows are contiguous.
  for (std::size_t r = first; r < on_disk;) {
    const std::size_t b = r / block_rows_;
    const std::size_t upto = std::min(on_disk, (b + 1) * block_rows_);
    const std::size_t within = r - b * block_rows_;
    const auto offset =
        static_cast<off_t>(((b * columns_ + f) * column + within * ne) * sizeof(float));
    auto* data = reinterpret_cast<char*>(out.data() + (r - first) * ne);
    if (!transfer_all(::pread, fd_, data, (upto - r) * ne * sizeof(float), offset))
      throw std::runtime_error(std::string("SpilledColumns: the temporary file of the analysis "
                                           "could not be read back: ") +
                               std::strerror(errno));
    r = upto;
  }
  // Rows still in memory.
  const std::size_t memory_first = rows_on_disk();
  for (std::size_t r = std::max(first, memory_first); r < end; ++r)
    for (std::size_t e = 0; e < ne; ++e)
      out[(r - first) * ne + e] = memory_[((r - memory_first) * ne + e) * columns_ + f];
}

}  // namespace eegtrack::pipeline::detail
