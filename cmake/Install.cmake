# What `cmake --install build --prefix P` puts where: the two tools in P/bin; schemas/ and the
# bundled corpus in P/share/evidex (core/data_dirs.cpp looks there, beside the binary's bin/);
# the man pages and the shell completions, both generated at build time.
include(GNUInstallDirs)

install(TARGETS evidex-index evidex-query RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# data_dirs.cpp finds the data as bin/../share/evidex: keep that layout whatever the datadir.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/schemas ${CMAKE_SOURCE_DIR}/corpus DESTINATION share/evidex)

find_package(Python3 COMPONENTS Interpreter)
find_program(EVIDEX_PANDOC pandoc)
find_program(EVIDEX_MAKE NAMES make gmake)

# Man pages from docs/*.md (Makefile.docs, pandoc).
if(EVIDEX_PANDOC AND EVIDEX_MAKE AND Python3_Interpreter_FOUND)
  set(EVIDEX_MAN_PAGES evidex-index.1 evidex-query.1 evidex-schema.5 evidex-shards.7)
  add_custom_target(man ALL
    # A make of its own, not a part of the build's (MAKEFLAGS cleared: no jobserver to share).
    COMMAND ${CMAKE_COMMAND} -E env MAKEFLAGS= ${EVIDEX_MAKE} -s -f Makefile.docs man BUILD=${CMAKE_BINARY_DIR}
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    COMMENT "Man pages (pandoc)")
  foreach(page ${EVIDEX_MAN_PAGES})
    string(REGEX REPLACE ".*\\.([0-9])$" "\\1" section ${page})
    install(FILES ${CMAKE_BINARY_DIR}/man/${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
  endforeach()
else()
  message(STATUS "pandoc, make or python3 missing: man pages are neither built nor installed")
endif()

# Shell completions from the tools' own option tables (scripts/completions).
if(Python3_Interpreter_FOUND)
  set(completions ${CMAKE_BINARY_DIR}/completions)
  add_custom_command(
    OUTPUT ${completions}/bash/evidex-index ${completions}/bash/evidex-query
           ${completions}/zsh/_evidex-index ${completions}/zsh/_evidex-query
           ${completions}/fish/evidex-index.fish ${completions}/fish/evidex-query.fish
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/completions $<TARGET_FILE_DIR:evidex-index> ${completions}
    DEPENDS evidex-index evidex-query ${CMAKE_SOURCE_DIR}/scripts/completions
    COMMENT "Shell completions for bash, zsh and fish")
  add_custom_target(completions ALL DEPENDS ${completions}/bash/evidex-index ${completions}/fish/evidex-index.fish)
  install(FILES ${completions}/bash/evidex-index ${completions}/bash/evidex-query
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
  install(FILES ${completions}/zsh/_evidex-index ${completions}/zsh/_evidex-query
          DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
  install(FILES ${completions}/fish/evidex-index.fish ${completions}/fish/evidex-query.fish
          DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
endif()
