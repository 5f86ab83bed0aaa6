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
