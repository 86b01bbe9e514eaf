# Install and export: find_package(katlas CONFIG), a version file and a pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS katlas EXPORT katlasTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/lib/include/katlas" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(katlas_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/katlas")
install(EXPORT katlasTargets NAMESPACE katlas:: DESTINATION "${katlas_cmake_dir}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/lib/cmake/katlasConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/katlasConfig.cmake" INSTALL_DESTINATION "${katlas_cmake_dir}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/katlasConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/katlasConfig.cmake" "${PROJECT_BINARY_DIR}/katlasConfigVersion.cmake"
  DESTINATION "${katlas_cmake_dir}")

configure_file("${PROJECT_SOURCE_DIR}/lib/cmake/katlas.pc.in" "${PROJECT_BINARY_DIR}/katlas.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/katlas.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# The licences travel with every install: Apache-2.0 for the code, CC BY 4.0 for the content.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/licenses/katlas")
install(FILES "${PROJECT_SOURCE_DIR}/content/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/licenses/katlas"
  RENAME LICENSE-content)
