# Install and export. Components: `runtime` (the shared libraries and the licences),
# `development` (headers, static libraries, CMake package, pkg-config files, JSON schema),
# `cli` (the katlas command) and `docs` (the guides). find_package(katlas COMPONENTS core)
# looks only for what the core needs, and only when the libraries are static.
include(CMakePackageConfigHelpers)
set(katlas_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/katlas")

foreach(part core site)
  install(TARGETS katlas_${part} EXPORT katlas-${part}-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  install(EXPORT katlas-${part}-targets NAMESPACE katlas:: DESTINATION "${katlas_cmake_dir}" COMPONENT development)
endforeach()
install(TARGETS katlas EXPORT katlas-umbrella-targets)
install(EXPORT katlas-umbrella-targets NAMESPACE katlas:: DESTINATION "${katlas_cmake_dir}" COMPONENT development)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/lib/include/katlas" "${PROJECT_BINARY_DIR}/lib/generated/include/katlas"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
install(FILES "${PROJECT_SOURCE_DIR}/docs/atlas.schema.json" DESTINATION "${CMAKE_INSTALL_DATADIR}/katlas"
  COMPONENT development)

if(BUILD_SHARED_LIBS)
  set(KATLAS_STATIC FALSE)
else()
  set(KATLAS_STATIC TRUE)
endif()
configure_package_config_file("${PROJECT_SOURCE_DIR}/lib/cmake/katlasConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/katlasConfig.cmake" INSTALL_DESTINATION "${katlas_cmake_dir}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/katlasConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/katlasConfig.cmake" "${PROJECT_BINARY_DIR}/katlasConfigVersion.cmake"
  DESTINATION "${katlas_cmake_dir}" COMPONENT development)

# One pkg-config file per library and one for both. Cflags name no -std: the headers need
# C++20 or later, and the consumer picks which.
foreach(pc katlas-core katlas-site katlas)
  configure_file("${PROJECT_SOURCE_DIR}/lib/cmake/${pc}.pc.in" "${PROJECT_BINARY_DIR}/${pc}.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/${pc}.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT development)
endforeach()

# The licences travel with every install: Apache-2.0 for the code, CC BY 4.0 for the content.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/licenses/katlas" COMPONENT runtime)
install(FILES "${PROJECT_SOURCE_DIR}/content/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/licenses/katlas"
  RENAME LICENSE-content COMPONENT runtime)

install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT docs)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT docs
  FILES_MATCHING PATTERN "*.md" PATTERN "*.json" PATTERN "examples/*")
