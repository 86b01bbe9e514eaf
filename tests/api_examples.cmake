# Keeps docs/examples complete: every function a public header declares (lib/include/katlas/)
# is called in at least one example there. Fails with the names no example calls.
#
# cmake -DSOURCE_DIR=<repository> -P api_examples.cmake
#
# A declaration is a line that starts (after attributes and specifiers) with a return type and
# then `name(`; deleted overloads (`= delete`), operators and the private helpers listed in
# `not_api` are not API. The C API (katlas.h) counts the same way: its functions start `katlas_`.

cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED SOURCE_DIR)
  message(FATAL_ERROR "api_examples.cmake: pass -DSOURCE_DIR=...")
endif()

# Private members a header must declare but no program may call.
set(not_api checked make_folder_for)

file(GLOB headers "${SOURCE_DIR}/lib/include/katlas/*.hpp" "${SOURCE_DIR}/lib/include/katlas/*.h")
set(declared "")
foreach(header IN LISTS headers)
  file(STRINGS "${header}" lines)
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ ]*//" OR line MATCHES "= delete" OR line MATCHES "^#" OR line MATCHES "operator")
      continue()
    endif()
    set(rest "${line}")
    if(rest MATCHES "^[ ]*((\\[\\[nodiscard\\]\\] )?((static|constexpr|inline|explicit|virtual|const) )*)(.*)$")
      set(rest "${CMAKE_MATCH_5}")
    endif()
    # A return type (words, ::, <...>, *, &, commas inside templates), a space or * or &, then the name.
    if(rest MATCHES "^[A-Za-z_][A-Za-z0-9_:<>, ]*[A-Za-z0-9_>][ \\*&]+\\**&*([a-z_][a-z0-9_]*)\\(")
      set(name "${CMAKE_MATCH_1}")
      if(NOT name IN_LIST not_api AND NOT name MATCHES "^operator")
        list(APPEND declared "${name}")
      endif()
    endif()
  endforeach()
endforeach()
list(REMOVE_DUPLICATES declared)
list(SORT declared)
list(LENGTH declared count)
if(count LESS 80)
  message(FATAL_ERROR "api_examples.cmake: found only ${count} public functions; the declaration pattern is broken")
endif()

file(GLOB examples "${SOURCE_DIR}/docs/examples/*.cpp" "${SOURCE_DIR}/docs/examples/*.c")
set(code "")
foreach(example IN LISTS examples)
  file(READ "${example}" text)
  string(APPEND code "\n${text}")
endforeach()

set(missing "")
foreach(name IN LISTS declared)
  # Called as a function (`name(`) or a member (`.name(`, `->name(`), or named for a callback.
  if(NOT code MATCHES "[^A-Za-z0-9_]${name}\\(")
    list(APPEND missing "${name}")
  endif()
endforeach()
if(missing)
  list(JOIN missing ", " names)
  message(FATAL_ERROR "No example in docs/examples calls these public functions: ${names}. "
                      "Call each in docs/examples/tour_core.cpp (the core), tour_site.cpp (the site "
                      "library) or tour_c.c (the C API).")
endif()
message(STATUS "api_examples: all ${count} public functions are called in docs/examples")
