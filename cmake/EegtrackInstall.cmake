# What `cmake --install` puts where, and the Debian package built from it (`cpack -G DEB`):
#   bin/eegtrack, bin/eegtrack-demo-patient        the command-line tools
#   share/man/man1/eegtrack.1                      man page generated from the CLI's own help
#   share/bash-completion/completions/eegtrack     bash completion (asks the CLI for its options)
#   include/eegtrack/<library>/*.hpp, lib/libeegtrack_<library>.a
#   lib/cmake/eegtrack/                            find_package(eegtrack): eegtrack::<library>
#   lib/pkgconfig/eegtrack.pc                      pkg-config --cflags --libs eegtrack
# Tested by tests/install/check_install.sh: the package is unpacked into a temporary root, its
# eegtrack runs, and a small project links the installed libraries through both interfaces.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

get_property(eegtrack_libraries GLOBAL PROPERTY EEGTRACK_LIBRARIES)
install(TARGETS ${eegtrack_libraries} EXPORT eegtrackTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
foreach(library IN LISTS eegtrack_libraries)
  string(REPLACE "eegtrack_" "" folder ${library})
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/src/${folder}/include/"
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()
install(FILES "${PROJECT_BINARY_DIR}/generated/eegtrack/version.hpp"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/eegtrack)
install(TARGETS eegtrack eegtrack-demo-patient RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/eegtrack)
install(EXPORT eegtrackTargets NAMESPACE eegtrack:: DESTINATION ${config_dir})
configure_package_config_file(cmake/eegtrackConfig.cmake.in
                              "${PROJECT_BINARY_DIR}/eegtrackConfig.cmake"
                              INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/eegtrackConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/eegtrackConfig.cmake"
              "${PROJECT_BINARY_DIR}/eegtrackConfigVersion.cmake" cmake/FindEDFlib.cmake
        DESTINATION ${config_dir})

# pkg-config: the static libraries in link order (users before what they use).
set(pc_libs "")
foreach(library pipeline report exports clinical findings detect features evaluation io dsp sites)
  string(APPEND pc_libs " -leegtrack_${library}")
endforeach()
file(RELATIVE_PATH pc_to_prefix "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(cmake/eegtrack.pc.in "${PROJECT_BINARY_DIR}/eegtrack.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/eegtrack.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

add_custom_command(
  OUTPUT "${PROJECT_BINARY_DIR}/eegtrack.1"
  COMMAND ${CMAKE_COMMAND} -DEEGTRACK=$<TARGET_FILE:eegtrack>
          -DOUT=${PROJECT_BINARY_DIR}/eegtrack.1 -DVERSION=${PROJECT_VERSION}
          -P ${PROJECT_SOURCE_DIR}/cmake/make_man_page.cmake
  DEPENDS eegtrack ${PROJECT_SOURCE_DIR}/cmake/make_man_page.cmake
  COMMENT "Man page from the CLI's help")
add_custom_target(eegtrack_man_page ALL DEPENDS "${PROJECT_BINARY_DIR}/eegtrack.1")
install(FILES "${PROJECT_BINARY_DIR}/eegtrack.1" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES tools/completion/eegtrack.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME eegtrack)

# Debian package: its dependencies are the Debian runtime libraries the tools link
# (dpkg-shlibdeps), so a cluster's nodes install it with apt like everything else.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME eegtrack)
set(CPACK_PACKAGE_VENDOR "eegtrack")
set(CPACK_PACKAGE_CONTACT "eegtrack maintainers <eegtrack@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Quantitative EEG for ICANS follow-up")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
