#include "eegtrack/io/hdf5_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "hdf5_attributes.hpp"
#include "hdf5_writer_impl.hpp"

namespace eegtrack::io {

namespace detail {

Hdf5WriterState& live_state(const std::unique_ptr<Hdf5WriterState>& state,
                            std::string_view function) {
  if (!state)
    throw std::invalid_argument(std::string(function) + ": writer was moved from");
  if (state->committed)
    throw std::invalid_argument(std::string(function) + ": writer already committed (" +
                                state->final_path.string() + ")");
  return *state;
}

}  // namespace detail

namespace {

// pid + a process-wide counter: two writers for the same final path (in this or another
// process) never share a temporary.
std::filesystem::path temporary_for(const std::filesystem::path& final_path) {
  static std::atomic<unsigned> counter{0};
  auto name = final_path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter++);
  return final_path.parent_path() / name;
}

// fsync of the file (its data) and of its directory (the rename), so that after a power loss
// the final name refers to the complete file or to nothing new.
void sync_path(const std::filesystem::path& path, bool directory, const detail::H5Site& site) {
  const int fd =
      ::open(path.empty() ? "." : path.c_str(), O_RDONLY | (directory ? O_DIRECTORY : 0));
  if (fd < 0)
    throw H5Error(site.file, "", "open for fsync", path.string() + ": " + std::strerror(errno));
  const int status = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (status != 0)
    throw H5Error(site.file, "", "fsync", path.string() + ": " + std::strerror(error));
}

}  // namespace

Hdf5Writer::Hdf5Writer(std::filesystem::path final_path)
    : state_(std::make_unique<detail::Hdf5WriterState>()) {
  state_->final_path = std::move(final_path);
  state_->temp_path = temporary_for(state_->final_path);
  const detail::H5Lock lock;
  const auto site = state_->site("");
  // Format bounds 1.8: readable by every HDF5 >= 1.8 (h5py, MATLAB, R) and lifts the 64 kB
  // limit on attributes through dense attribute storage.
  const detail::H5Handle fapl = detail::owned(H5Pcreate(H5P_FILE_ACCESS), site, "H5Pcreate");
  detail::check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18), site,
                "H5Pset_libver_bounds");
  state_->file =
      detail::owned(H5Fcreate(state_->temp_path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get()),
                    site, "H5Fcreate");
}

Hdf5Writer::~Hdf5Writer() {
  if (!state_ || state_->committed)
    return;
  const detail::H5Lock lock;
  state_->extendables.clear();
  state_->file.reset();
  std::error_code ignored;
  std::filesystem::remove(state_->temp_path, ignored);
}

Hdf5Writer::Hdf5Writer(Hdf5Writer&& other) noexcept = default;

namespace {
const std::filesystem::path kNoPath;  // what a moved-from writer reports
}  // namespace

const std::filesystem::path& Hdf5Writer::path() const noexcept {
  return state_ ? state_->final_path : kNoPath;
}

const std::filesystem::path& Hdf5Writer::temporary_path() const noexcept {
  return state_ ? state_->temp_path : kNoPath;
}

bool Hdf5Writer::committed() const noexcept {
  return state_ && state_->committed;
}

void Hdf5Writer::create_group(std::string_view path) {
  auto& state = detail::live_state(state_, "Hdf5Writer::create_group");
  const std::string object = detail::normalize_path(path, "Hdf5Writer::create_group");
  if (object == "/")
    return;
  const detail::H5Lock lock;
  const auto site = state.site(object);
  const hid_t file = state.file.get();
  if (detail::link_exists(file, object, site)) {
    // Fails with H5Error when the existing object is not a group.
    const detail::H5Handle group =
        detail::owned(H5Gopen2(file, object.c_str(), H5P_DEFAULT), site, "H5Gopen2");
    return;
  }
  const detail::H5Handle lcpl = detail::intermediate_groups_lcpl(site);
  const detail::H5Handle group = detail::owned(
      H5Gcreate2(file, object.c_str(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT), site, "H5Gcreate2");
}

void Hdf5Writer::write_attribute(std::string_view object_path, std::string_view name,
                                 const AttributeValue& value) {
  constexpr std::string_view kFunction = "Hdf5Writer::write_attribute";
  auto& state = detail::live_state(state_, kFunction);
  const std::string object = detail::normalize_path(object_path, kFunction);
  if (name.empty())
    throw std::invalid_argument(std::string(kFunction) + ": empty attribute name (" + object + ")");
  detail::validate_text(name, kFunction, "attribute name");
  if (const auto* s = std::get_if<std::string>(&value))
    detail::validate_text(*s, kFunction, "value of attribute " + std::string(name));
  if (const auto* strings = std::get_if<std::vector<std::string>>(&value)) {
    for (std::size_t i = 0; i < strings->size(); ++i)
      detail::validate_text((*strings)[i], kFunction,
                            "element " + std::to_string(i) + " of attribute " + std::string(name));
  }
  const detail::H5Lock lock;
  const auto site = state.site(object);
  const detail::H5Handle target =
      detail::owned(H5Oopen(state.file.get(), object.c_str(), H5P_DEFAULT), site, "H5Oopen");
  detail::write_attribute(target.get(), site, name, value);
}

std::uint64_t Hdf5Writer::appended_rows(std::string_view path) const {
  if (!state_)
    return 0;
  const auto it = state_->extendables.find(detail::normalize_path(path, "appended_rows"));
  return it == state_->extendables.end() ? 0 : it->second.rows;
}

void Hdf5Writer::commit() {
  auto& state = detail::live_state(state_, "Hdf5Writer::commit");
  const auto site = state.site("");
  {
    const detail::H5Lock lock;
    state.extendables.clear();
    detail::check(H5Fflush(state.file.get(), H5F_SCOPE_GLOBAL), site, "H5Fflush");
    detail::check(H5Fclose(state.file.release()), site, "H5Fclose");
  }
  sync_path(state.temp_path, false, site);
  std::error_code error;
  std::filesystem::rename(state.temp_path, state.final_path, error);
  if (error)
    throw H5Error(state.final_path, "", "rename",
                  state.temp_path.string() + " -> final path: " + error.message());
  state.committed = true;
  sync_path(state.final_path.parent_path(), true, site);
}

}  // namespace eegtrack::io
