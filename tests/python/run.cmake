# The Python module as a user gets it: the library installed into a temporary prefix, this
# checkout pip-installed into a venv against it (only the extension compiles), then pytest run
# from outside the checkout, so it imports the installed module. The checkout must be left as
# it was: no build files, no caches.
#   cmake -DSOURCE_DIR=... -DBUILD_DIR=... -DWORK=... -DPYTHON=... -P run.cmake
function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE code OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

function(checkout_state out)
  execute_process(COMMAND git -C "${SOURCE_DIR}" status --porcelain --ignored=matching
                  RESULT_VARIABLE code OUTPUT_VARIABLE state ERROR_QUIET)
  if(NOT code EQUAL 0)
    set(state "(not a git checkout)")
  endif()
  set(${out} "${state}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
checkout_state(before)

run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK}/prefix")
run("${PYTHON}" -m venv --system-site-packages "${WORK}/venv")
# Build files in WORK; warnings are errors, as in the rest of the test build.
set(ENV{KATLAS_PREFIX} "${WORK}/prefix")
set(ENV{KATLAS_BUILD_DIR} "${WORK}/pip-build")
set(ENV{KATLAS_CMAKE_ARGS} "-DKATLAS_WARNINGS_AS_ERRORS=ON")
set(ENV{PYTHONDONTWRITEBYTECODE} 1)
run("${WORK}/venv/bin/python" -m pip install --no-build-isolation --no-deps --no-index --disable-pip-version-check
    --quiet "${SOURCE_DIR}")
run("${WORK}/venv/bin/python" -m pytest -q -p no:cacheprovider "${SOURCE_DIR}/tests/python")
message(STATUS "${last_output}")

checkout_state(after)
if(NOT before STREQUAL after)
  message(FATAL_ERROR "the checkout changed:\nbefore:\n${before}\nafter:\n${after}")
endif()
