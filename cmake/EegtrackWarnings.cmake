# Warnings shared by every eegtrack target. CI builds with EEGTRACK_WERROR=ON, so a warning
# fails the build there; users' builds only print it (a newer compiler's new warning must not
# stop an installation).
option(EEGTRACK_WERROR "Treat compiler warnings as errors (set by CI)" OFF)
function(eegtrack_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  # gcc 12 reports -Wrestrict inside libstdc++'s inlined std::string code (" " + s, replace) on
  # correct code (a known false positive of that version); other compilers keep the warning.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(EEGTRACK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# One library per src/ folder: sources are the folder's .cpp files, public headers live
# in include/eegtrack/<name>/.
function(eegtrack_add_library name)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  add_library(eegtrack_${name} STATIC ${sources})
  add_library(eegtrack::${name} ALIAS eegtrack_${name})
  target_include_directories(
    eegtrack_${name} PUBLIC "$<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>"
                            "$<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/generated>"
                            "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  # Installed as eegtrack::<name> (cmake/EegtrackInstall.cmake), the name used in this tree.
  set_target_properties(eegtrack_${name} PROPERTIES EXPORT_NAME ${name})
  set_property(GLOBAL APPEND PROPERTY EEGTRACK_LIBRARIES eegtrack_${name})
  target_compile_features(eegtrack_${name} PUBLIC cxx_std_20)
  eegtrack_set_warnings(eegtrack_${name})
  if(name IN_LIST EEGTRACK_FUZZ_COVERAGE)
    target_compile_options(eegtrack_${name} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
