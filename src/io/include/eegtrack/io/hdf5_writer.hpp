#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/io/hdf5_error.hpp"
#include "eegtrack/io/hdf5_types.hpp"

namespace eegtrack::io {

namespace detail {
struct Hdf5WriterState;
}  // namespace detail

/// Writes one HDF5 feature store (layout: docs/hdf5-layout.md) atomically. The data goes to a
/// temporary file beside the final path ("<name>.tmp-<pid>-<n>"); commit() closes it, syncs it
/// to disk and renames it onto the final path. Without commit() the destructor deletes the
/// temporary, so an interrupted run never leaves a file that looks complete.
///
/// Object paths are '/'-separated, absolute or relative to the root ("features/alpha" ==
/// "/features/alpha"); missing parent groups are created. Strings must be valid UTF-8 without
/// NUL characters.
///
/// Thread safety: every HDF5 call of every Hdf5Writer and Hdf5Reader in the process holds one
/// process-wide mutex, so eegtrack is safe with HDF5 builds that are not thread-safe (the
/// upstream default) as well as with thread-safe ones (Debian's 1.10.8). Writers on different
/// files may run in different threads (their HDF5 calls are serialised); one writer must not be
/// used by two threads at once. HDF5's automatic error printing is switched off in every
/// calling thread; its messages end up in H5Error instead.
class Hdf5Writer {
 public:
  /// Creates the temporary file next to final_path (silently replaced on commit).
  /// @throws H5Error naming final_path if the file cannot be created (e.g. missing directory).
  explicit Hdf5Writer(std::filesystem::path final_path);
  /// Without a successful commit(): closes and deletes the temporary. Never throws.
  ~Hdf5Writer();
  Hdf5Writer(Hdf5Writer&& other) noexcept;
  Hdf5Writer& operator=(Hdf5Writer&&) = delete;
  Hdf5Writer(const Hdf5Writer&) = delete;
  Hdf5Writer& operator=(const Hdf5Writer&) = delete;

  /// The final path given to the constructor.
  [[nodiscard]] const std::filesystem::path& path() const noexcept;
  /// The temporary file being written (removed or renamed by commit()/destruction).
  [[nodiscard]] const std::filesystem::path& temporary_path() const noexcept;

  /// Creates a group and its missing parents; an existing group is left as it is.
  /// @throws std::invalid_argument for a malformed path; H5Error if HDF5 fails.
  void create_group(std::string_view path);

  /// Writes (or replaces) attribute `name` of the group or dataset at object_path ("/" = root).
  /// @throws std::invalid_argument for a malformed path or invalid string; H5Error if the
  /// object does not exist or HDF5 fails.
  void write_attribute(std::string_view object_path, std::string_view name,
                       const AttributeValue& value);

  /// Writes a new float64 dataset of the given shape (row-major; empty shape = 1-D of
  /// values.size(); e.g. {epochs, channels} or {windows, channels, freqs}). Arrays of at least
  /// options.compress_threshold_bytes are chunked and gzip-compressed, unless
  /// options.deflate_level is 0: every array is then contiguous.
  /// @throws std::invalid_argument if the shape's product differs from values.size();
  /// H5Error if the dataset exists already or HDF5 fails.
  void write_dataset(std::string_view path, std::span<const double> values,
                     const std::vector<std::uint64_t>& shape = {},
                     const DatasetOptions& options = {});
  /// Same for signed 64-bit integers (indices, counts).
  void write_dataset(std::string_view path, std::span<const std::int64_t> values,
                     const std::vector<std::uint64_t>& shape = {},
                     const DatasetOptions& options = {});
  /// Same for unsigned bytes (masks and bit sets, e.g. epochs x channels artifact bits).
  void write_dataset(std::string_view path, std::span<const std::uint8_t> values,
                     const std::vector<std::uint64_t>& shape = {},
                     const DatasetOptions& options = {});

  /// Writes a new 1-D dataset of variable-length UTF-8 strings.
  /// @throws std::invalid_argument for invalid UTF-8 or a NUL character (naming the index);
  /// H5Error if the dataset exists already or HDF5 fails.
  void write_strings(std::string_view path, std::span<const std::string> values);

  /// Writes a table as a group of parallel 1-D column datasets plus the group attributes
  /// "columns" (names in order) and "n_rows". The group may exist already (e.g. to carry other
  /// attributes) but must not contain the columns.
  /// @throws std::invalid_argument for no columns, duplicate/malformed names or unequal
  /// lengths; H5Error if HDF5 fails.
  void write_table(std::string_view group_path, const Table& table);

  /// Appends rows to an extendable 2-D float64 dataset (unlimited rows x n_cols, chunked,
  /// compressed unless options.deflate_level is 0), creating it on the first call: values holds k
  /// rows of n_cols values, row after row; k may be 0 (creates an empty dataset). Lets long
  /// recordings stream per-epoch arrays. The dataset stays open until commit(); its options are
  /// fixed by the first call.
  /// @throws std::invalid_argument if n_cols is 0, values.size() is not a multiple of n_cols
  /// or n_cols differs from the existing dataset's; H5Error if HDF5 fails.
  void append_rows(std::string_view path, std::span<const double> values, std::size_t n_cols,
                   const DatasetOptions& options = {});
  /// As above for rows of any shape (e.g. {n_channels, n_freqs} makes a 3-D dataset
  /// [rows, n_channels, n_freqs]); values hold whole rows in C order.
  /// @throws std::invalid_argument if row_shape is empty or has a 0, values are not whole rows,
  ///         or the shape differs from the existing dataset's; H5Error if HDF5 fails.
  void append_rows(std::string_view path, std::span<const double> values,
                   std::span<const std::size_t> row_shape, const DatasetOptions& options = {});
  /// Rows appended so far to the extendable dataset at path (0 if it was never appended to).
  [[nodiscard]] std::uint64_t appended_rows(std::string_view path) const;

  /// Closes the file, syncs it and atomically renames it onto path(). After commit() the
  /// writer accepts no further calls.
  /// @throws H5Error if closing, syncing or renaming fails (the temporary is then deleted by
  /// the destructor); std::invalid_argument if called twice.
  void commit();
  /// True once commit() has succeeded.
  [[nodiscard]] bool committed() const noexcept;

 private:
  std::unique_ptr<detail::Hdf5WriterState> state_;
};

}  // namespace eegtrack::io
