# Xapian 1.4 ships no CMake package: wrap xapian-config's answers in Xapian::Xapian.
find_program(XAPIAN_CONFIG NAMES xapian-config xapian-config-1.4)
find_path(XAPIAN_INCLUDE_DIR NAMES xapian.h)
find_library(XAPIAN_LIBRARY NAMES xapian xapian-1.4)
if(XAPIAN_CONFIG)
  execute_process(COMMAND ${XAPIAN_CONFIG} --version OUTPUT_VARIABLE _xapian_version_text
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" Xapian_VERSION "${_xapian_version_text}")
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Xapian REQUIRED_VARS XAPIAN_LIBRARY XAPIAN_INCLUDE_DIR VERSION_VAR Xapian_VERSION)
if(Xapian_FOUND AND NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian UNKNOWN IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES IMPORTED_LOCATION "${XAPIAN_LIBRARY}"
                                                  INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
endif()
mark_as_advanced(XAPIAN_CONFIG XAPIAN_INCLUDE_DIR XAPIAN_LIBRARY)
