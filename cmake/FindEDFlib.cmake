# Debian's libedf-dev (EDFlib 1.23) ships edflib.h and libedf.{a,so} but no CMake or
# pkg-config file. Provides the imported target EDFlib::EDFlib.
find_path(EDFlib_INCLUDE_DIR NAMES edflib.h)
find_library(EDFlib_LIBRARY NAMES edf)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(EDFlib REQUIRED_VARS EDFlib_LIBRARY EDFlib_INCLUDE_DIR)
if(EDFlib_FOUND AND NOT TARGET EDFlib::EDFlib)
  add_library(EDFlib::EDFlib UNKNOWN IMPORTED)
  set_target_properties(EDFlib::EDFlib PROPERTIES IMPORTED_LOCATION "${EDFlib_LIBRARY}"
                                                  INTERFACE_INCLUDE_DIRECTORIES "${EDFlib_INCLUDE_DIR}")
endif()
mark_as_advanced(EDFlib_INCLUDE_DIR EDFlib_LIBRARY)
