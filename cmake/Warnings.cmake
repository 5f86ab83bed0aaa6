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
