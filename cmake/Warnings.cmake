# Settings every target links: the language level, warnings and optional sanitizers.
add_library(evidex_settings INTERFACE)
target_compile_features(evidex_settings INTERFACE cxx_std_20)
target_compile_options(evidex_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(EVIDEX_WERROR)
  target_compile_options(evidex_settings INTERFACE -Werror)
endif()
if(EVIDEX_SANITIZE)
  target_compile_options(evidex_settings INTERFACE -fsanitize=${EVIDEX_SANITIZE} -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=all)
  target_link_options(evidex_settings INTERFACE -fsanitize=${EVIDEX_SANITIZE})
endif()
# The fuzz build: every library carries libFuzzer's coverage hooks and the sanitizers; the
# targets of fuzz/ add libFuzzer's main (-fsanitize=fuzzer). Other executables link the
# sanitizer runtimes only, so the whole tree still builds.
if(EVIDEX_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "EVIDEX_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(evidex_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                   -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(evidex_settings INTERFACE -fsanitize=address,undefined)
endif()
