# The fuzz targets, shared by the fuzzers (fuzzers.cmake) and their replay in the normal build
# (tests.cmake): one name, its sources, the libraries beyond the core.
set(UNCRUMPLE_FUZZ_TARGETS idx slice cell number model mnistfolder settings)
set(_fuzz ${CMAKE_CURRENT_LIST_DIR})
set(UNCRUMPLE_FUZZ_SOURCES_idx ${_fuzz}/fuzz_idx.cpp)
set(UNCRUMPLE_FUZZ_LIBS_idx ZLIB::ZLIB)
set(UNCRUMPLE_FUZZ_SOURCES_slice ${_fuzz}/fuzz_slice.cpp)
set(UNCRUMPLE_FUZZ_SOURCES_cell ${_fuzz}/fuzz_cell.cpp)
set(UNCRUMPLE_FUZZ_SOURCES_number ${_fuzz}/fuzz_number.cpp)
set(UNCRUMPLE_FUZZ_SOURCES_model ${_fuzz}/fuzz_model.cpp)
set(UNCRUMPLE_FUZZ_SOURCES_mnistfolder ${_fuzz}/fuzz_mnistfolder.cpp)
# The settings reader is built from its own source, without the rest of the UI.
set(UNCRUMPLE_FUZZ_SOURCES_settings ${_fuzz}/fuzz_settings.cpp
    ${PROJECT_SOURCE_DIR}/ui/shell/windowsettings.cpp)
set(UNCRUMPLE_FUZZ_LIBS_settings Qt6::Widgets)
