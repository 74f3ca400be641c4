# Links the libraries Debian ships as static archives (ICU, Boost.Program_options, zstd, xxhash, gumbo,
# libedit, libfcgi) into the programs. Xapian, the C/C++ runtime, oneTBB and RE2 stay shared (RE2 serves the
# indexer only, and scripts/valgrind.supp names its by-design reads of uninitialised memory by its shared
# object). A CGI request starts a new process each time, and the dynamic loader's symbol lookups across a
# dozen shared libraries were a quarter of one request's instructions (bench/RESULTS.md, issue 6).
#
# Include after the find_package / pkg_check_modules calls of the top-level CMakeLists.txt.

# gazette_use_static_archives(TARGET NAME...): the imported TARGET links libNAME.a for each NAME, in this
# order, plus the threads and dl libraries the archives need.
function(gazette_use_static_archives target)
  set(archives)
  foreach(name IN LISTS ARGN)
    find_library(GAZETTE_STATIC_${name} NAMES lib${name}.a NO_CACHE)
    if(NOT GAZETTE_STATIC_${name})
      message(FATAL_ERROR "lib${name}.a not found: install its -dev package (scripts/install-deps.sh) or "
                          "configure with -DGAZETTE_STATIC_DEPS=OFF")
    endif()
    list(APPEND archives "${GAZETTE_STATIC_${name}}")
  endforeach()
  list(APPEND archives Threads::Threads ${CMAKE_DL_LIBS})
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "INTERFACE_LIBRARY")  # e.g. FindICU's UNKNOWN IMPORTED targets
    list(POP_FRONT archives first)
    set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${first}" IMPORTED_LOCATION_RELEASE "${first}"
                                               IMPORTED_LOCATION_DEBUG "${first}")
  endif()
  set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${archives}")
endfunction()

if(GAZETTE_STATIC_DEPS)
  find_package(Threads REQUIRED)
  gazette_use_static_archives(ICU::uc icuuc icudata)
  gazette_use_static_archives(ICU::i18n icui18n icuuc icudata)
  gazette_use_static_archives(PkgConfig::ZSTD zstd)
  gazette_use_static_archives(PkgConfig::XXHASH xxhash)
  gazette_use_static_archives(PkgConfig::GUMBO gumbo)
endif()
