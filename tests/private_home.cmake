# The bad-input catalogue's unreadable-file case, with the katlas binary in a folder only its
# owner may enter (mode 0700), as in a clone in root's home. Run as root, the case drops to
# `nobody` to read the content and to run `katlas check`.
#
# cmake -DBINARY=<katlas> -DTEST=<test_bad_input> -DWORK=<scratch folder> -P private_home.cmake
cmake_minimum_required(VERSION 3.25)
foreach(var BINARY TEST WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "private_home.cmake: pass -D${var}=...")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${BINARY}" DESTINATION "${WORK}")
file(CHMOD "${WORK}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
get_filename_component(name "${BINARY}" NAME)
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env "KATLAS_TEST_BINARY=${WORK}/${name}" "${TEST}" "--test-case=every bad input*"
          "--subcase=unreadable-file"
  RESULT_VARIABLE result)
file(REMOVE_RECURSE "${WORK}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the unreadable-file case failed with the binary in a private folder (exit ${result})")
endif()
