# Copies every .yaml file below SOURCE_DIR/bad-input and SOURCE_DIR/fixtures into CORPUS,
# named after its path (a/b/c.yaml -> a_b_c.yaml) so that files of the same name do not collide.
file(MAKE_DIRECTORY "${CORPUS}")
file(GLOB_RECURSE seeds RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/bad-input/*.yaml" "${SOURCE_DIR}/fixtures/*.yaml")
foreach(seed IN LISTS seeds)
  if(IS_DIRECTORY "${SOURCE_DIR}/${seed}")
    continue()
  endif()
  string(REPLACE "/" "_" flat "${seed}")
  configure_file("${SOURCE_DIR}/${seed}" "${CORPUS}/${flat}" COPYONLY)
endforeach()
list(LENGTH seeds n)
message(STATUS "fuzz corpus: ${n} seed files in ${CORPUS}")
