# Lays the hostile overlay (tests/fixtures/hostile) over the base fixture into OUT:
# a file replaces its namesake; a file ending in .append is added to the end of its namesake.
#   cmake -DBASE=... -DOVERLAY=... -DOUT=... -P hostile-content.cmake
foreach(var BASE OVERLAY OUT)
  get_filename_component(${var} "${${var}}" ABSOLUTE)  # GLOB RELATIVE needs an absolute folder
endforeach()
file(REMOVE_RECURSE "${OUT}")
file(COPY "${BASE}/" DESTINATION "${OUT}")
file(GLOB_RECURSE overlay RELATIVE "${OVERLAY}" "${OVERLAY}/*")
foreach(rel IN LISTS overlay)
  if(rel MATCHES "^(.*)\\.append$")
    file(READ "${OVERLAY}/${rel}" extra)
    file(APPEND "${OUT}/${CMAKE_MATCH_1}" "${extra}")
  else()
    # COPY_FILE always copies: file(COPY) skips a file whose time stamp matches, as every
    # file of a fresh clone's does.
    file(COPY_FILE "${OVERLAY}/${rel}" "${OUT}/${rel}")
  endif()
endforeach()
