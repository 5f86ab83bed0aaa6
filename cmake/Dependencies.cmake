# The one place that finds third-party packages and wraps each in a target.
# All of them come from Debian packages that scripts/bootstrap installs.
find_package(PkgConfig REQUIRED)

find_package(Xapian REQUIRED)          # libxapian-dev
add_library(dep_xapian INTERFACE)
target_include_directories(dep_xapian INTERFACE ${XAPIAN_INCLUDE_DIR})
target_link_libraries(dep_xapian INTERFACE ${XAPIAN_LIBRARIES})

find_package(pugixml REQUIRED)         # libpugixml-dev
find_package(nlohmann_json 3.10 REQUIRED)  # nlohmann-json3-dev
find_package(ZLIB REQUIRED)            # zlib1g-dev
find_package(CURL REQUIRED)            # libcurl4-openssl-dev
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)  # libboost-program-options-dev
find_package(Threads REQUIRED)

find_path(DOCTEST_INCLUDE_DIR doctest/doctest.h REQUIRED)   # doctest-dev
add_library(dep_doctest INTERFACE)
target_include_directories(dep_doctest INTERFACE ${DOCTEST_INCLUDE_DIR})

pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)   # libgumbo-dev: the HTML5 parser
add_library(dep_gumbo INTERFACE)
target_link_libraries(dep_gumbo INTERFACE PkgConfig::GUMBO)

# jemalloc (libjemalloc-dev) as the tools' allocator. Xapian's indexer allocates and frees a
# node or a string for nearly every term and posting it holds, and documents built on worker
# threads are freed on the writing thread; glibc's malloc spent about a sixth of the writer's
# time there. Linked into the executables only (dep_allocator), never into a sanitizer or fuzz
# build, whose runtime brings its own allocator. Without the package the build goes on with
# glibc's malloc and says so.
option(EVIDEX_JEMALLOC "Link the tools with jemalloc (libjemalloc-dev)" ON)
add_library(dep_allocator INTERFACE)
if(EVIDEX_JEMALLOC AND NOT EVIDEX_SANITIZE AND NOT EVIDEX_FUZZ)
  pkg_check_modules(JEMALLOC IMPORTED_TARGET jemalloc)
  if(JEMALLOC_FOUND)
    target_link_libraries(dep_allocator INTERFACE PkgConfig::JEMALLOC)
    target_sources(dep_allocator INTERFACE ${CMAKE_SOURCE_DIR}/core/jemalloc_conf.cpp)
  else()
    message(WARNING "jemalloc not found (apt-get install libjemalloc-dev): the tools use glibc's malloc, "
                    "and ingest runs about a sixth slower")
  endif()
endif()
