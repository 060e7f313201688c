#include "hdf5_handles.hpp"

#include <algorithm>
#include <stdexcept>

#include "eegtrack/io/hdf5_error.hpp"

namespace eegtrack::io::detail {

namespace {

std::recursive_mutex& hdf5_mutex() {
  // Function-local static: constructed on first use, before any handle that needs it.
  static std::recursive_mutex mutex;
  return mutex;
}

herr_t collect_error(unsigned /*n*/, const H5E_error2_t* error, void* client_data) {
  auto& parts = *static_cast<std::vector<std::string>*>(client_data);
  std::string desc = error->desc != nullptr ? error->desc : "";
  if (!desc.empty() && (parts.empty() || parts.back() != desc))
    parts.push_back(std::move(desc));
  return 0;
}

// The outermost entry says what the API call tried, the innermost why it failed: keep both.
std::string error_stack_text() {
  std::vector<std::string> parts;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_error, &parts);
  H5Eclear2(H5E_DEFAULT);
  if (parts.empty())
    return {};
  // A failed write's innermost entry is a dump of the write call (time, buffer address, ...):
  // only the operating system's reason is of use ("No space left on device", "File too large").
  std::string reason = parts.back();
  const std::string marker = "error message = '";
  if (const auto at = reason.find(marker); at != std::string::npos) {
    const auto begin = at + marker.size();
    reason = "write failed: " + reason.substr(begin, reason.find('\'', begin) - begin);
  }
  if (parts.size() == 1)
    return reason;
  return parts.front() + " (" + reason + ")";
}

// Length of the UTF-8 sequence starting at s[i], or 0 if it is malformed (overlong forms,
// surrogates and code points above U+10FFFF included, as in RFC 3629).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 < 0x80)
    return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    lo = b0 == 0xE0 ? 0xA0 : 0x80;
    hi = b0 == 0xED ? 0x9F : 0xBF;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    lo = b0 == 0xF0 ? 0x90 : 0x80;
    hi = b0 == 0xF4 ? 0x8F : 0xBF;
  } else {
    return 0;
  }
  if (i + len > s.size())
    return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi)
    return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
      return 0;
  }
  return len;
}

}  // namespace

H5Lock::H5Lock() : lock_(hdf5_mutex()) {
  // A thread-safe HDF5 build (Debian's is one: H5_HAVE_THREADSAFE) keeps the automatic error
  // printing setting per thread, so switch it off once in every thread that calls HDF5.
  // No library shutdown at exit: after a failed write (a full disk) HDF5 may keep a dataset it
  // could not close, and its atexit handler then crashed in H5D_close (exit 139) trying to
  // flush it again. Every file eegtrack writes is flushed and closed explicitly before it is
  // renamed into place (Hdf5Writer::commit); a failed one is only a temporary that is removed.
  static const bool no_atexit = [] {
    H5dont_atexit();
    return true;
  }();
  (void)no_atexit;
  thread_local bool quiet = false;
  if (!quiet) {
    H5open();
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    quiet = true;
  }
}

void H5Handle::reset() noexcept {
  if (id_ >= 0) {
    const H5Lock lock;
    H5Idec_ref(id_);
    H5Eclear2(H5E_DEFAULT);
  }
  id_ = H5I_INVALID_HID;
}

void throw_h5(const H5Site& site, std::string_view call) {
  throw H5Error(site.file, std::string(site.object), std::string(call), error_stack_text());
}

hid_t check_id(hid_t id, const H5Site& site, std::string_view call) {
  if (id < 0)
    throw_h5(site, call);
  return id;
}

void check(herr_t status, const H5Site& site, std::string_view call) {
  if (status < 0)
    throw_h5(site, call);
}

std::string normalize_path(std::string_view path, std::string_view function) {
  std::string out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos)
      end = path.size();
    const std::string_view part = path.substr(start, end - start);
    const bool edge = start == 0 || end == path.size();
    if (part.empty() && !edge)
      throw std::invalid_argument(std::string(function) + ": empty component in object path (" +
                                  std::string(path) + ")");
    if (part == "." || part == "..")
      throw std::invalid_argument(std::string(function) + ": '.' or '..' in object path (" +
                                  std::string(path) + ")");
    if (!part.empty())
      out.append("/").append(part);
    start = end + 1;
  }
  validate_text(out, function, "object path");
  return out.empty() ? "/" : out;
}

std::vector<std::string> path_components(const std::string& normalized) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start < normalized.size()) {
    std::size_t end = normalized.find('/', start);
    if (end == std::string::npos)
      end = normalized.size();
    parts.push_back(normalized.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

void validate_text(std::string_view s, std::string_view function, std::string_view what) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = s[i] == '\0' ? 0 : utf8_sequence_length(s, i);
    if (len == 0)
      throw std::invalid_argument(std::string(function) + ": " + std::string(what) +
                                  " is not valid UTF-8 or contains NUL (byte " + std::to_string(i) +
                                  ")");
    i += len;
  }
}

bool link_exists(hid_t file, const std::string& normalized, const H5Site& site) {
  std::string prefix;
  for (const auto& part : path_components(normalized)) {
    prefix += "/" + part;
    const htri_t exists = H5Lexists(file, prefix.c_str(), H5P_DEFAULT);
    check(exists, site, "H5Lexists");
    if (exists == 0)
      return false;
  }
  return true;
}

H5Handle utf8_string_type(std::size_t bytes, const H5Site& site) {
  H5Handle type = owned(H5Tcopy(H5T_C_S1), site, "H5Tcopy");
  check(H5Tset_size(type.get(), std::max<std::size_t>(bytes, 1)), site, "H5Tset_size");
  check(H5Tset_strpad(type.get(), H5T_STR_NULLPAD), site, "H5Tset_strpad");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), site, "H5Tset_cset");
  return type;
}

H5Handle make_dataspace(const std::vector<hsize_t>& dims, const H5Site& site) {
  if (dims.empty())
    return owned(H5Screate(H5S_SCALAR), site, "H5Screate");
  return owned(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), site,
               "H5Screate_simple");
}

H5Handle intermediate_groups_lcpl(const H5Site& site) {
  H5Handle lcpl = owned(H5Pcreate(H5P_LINK_CREATE), site, "H5Pcreate");
  check(H5Pset_create_intermediate_group(lcpl.get(), 1), site, "H5Pset_create_intermediate_group");
  check(H5Pset_char_encoding(lcpl.get(), H5T_CSET_UTF8), site, "H5Pset_char_encoding");
  return lcpl;
}

}  // namespace eegtrack::io::detail
