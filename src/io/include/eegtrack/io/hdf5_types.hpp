#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace eegtrack::io {

/// The value of an HDF5 attribute as eegtrack writes and reads it. Stored types: string =
/// scalar variable-length UTF-8 string; double = scalar IEEE 754 float64 (little-endian);
/// int64 = scalar signed 64-bit integer; vectors = 1-D arrays of the same element types.
using AttributeValue =
    std::variant<std::string, double, std::int64_t, std::vector<double>, std::vector<std::string>>;

/// The values of one table column (all columns of a table have the same length).
using ColumnValues =
    std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::string>>;

/// One named column of a Table. Stored as a 1-D dataset <group>/<name>.
struct TableColumn {
  std::string name;  ///< a valid HDF5 link name: non-empty, no '/', not "." or ".."
  ColumnValues values;
  std::string units;  ///< stored as the column's attribute "units" when non-empty
};

/// A table stored as parallel column datasets in one group, with group attributes "columns"
/// (the column names in order) and "n_rows" (int64). See docs/hdf5-layout.md.
struct Table {
  std::vector<TableColumn> columns;
};

/// A dense n-dimensional array read back from a store: values in row-major (C) order.
template <class T>
struct NdArray {
  std::vector<T> values;
  std::vector<std::uint64_t> shape;  ///< product == values.size(); empty for a scalar dataset
};

/// Storage options for numeric datasets.
struct DatasetOptions {
  /// Arrays of at least this many bytes are chunked and compressed; smaller ones are stored
  /// contiguously (compression costs more than it saves on a few kB).
  std::size_t compress_threshold_bytes = 64 * 1024;
  /// Target chunk size in bytes. Chunks span whole rows (all dimensions but the first), so a
  /// chunk is max(1, target / row bytes) rows. Keep it below HDF5's 1 MiB chunk cache. A
  /// streamed (extendable) dataset's chunk is compressed once the rows move past it, so a
  /// smaller chunk moves more of that work into the analysis (64 kB: 431 epochs of 19
  /// channels) and leaves less for the file's close.
  std::size_t chunk_target_bytes = 64 * 1024;
  /// gzip level 1-9 for compressed datasets; 0 compresses nothing (extendable datasets keep
  /// their chunks as written, others are contiguous). Per-epoch float64 measures have noise in
  /// every mantissa bit: shuffle + gzip level 1 shrank those of a 2-h store by 16 % (1.19x) for
  /// 11 % of a background-only analysis's CPU, so pipeline::Hdf5Store streams them with 0.
  int deflate_level = 1;
  bool shuffle = true;  ///< byte shuffle before gzip (when deflate_level > 0)
};

}  // namespace eegtrack::io
