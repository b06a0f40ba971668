# The libFuzzer targets (configured by scripts/fuzz with clang and -DUNCRUMPLE_FUZZ=ON). Each
# target's seed corpus is tests/fuzz/corpus/NAME, its kept crashes tests/fuzz/regressions/NAME.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "UNCRUMPLE_FUZZ needs clang (libFuzzer); scripts/fuzz configures it")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
add_custom_target(fuzzers)
foreach(_name IN LISTS UNCRUMPLE_FUZZ_TARGETS)
    add_executable(fuzz_${_name} ${UNCRUMPLE_FUZZ_SOURCES_${_name}})
    target_include_directories(fuzz_${_name} PRIVATE ${PROJECT_SOURCE_DIR})
    target_link_libraries(fuzz_${_name} PRIVATE uncrumple_core uncrumple_flags
        ${UNCRUMPLE_FUZZ_LIBS_${_name}})
    target_link_options(fuzz_${_name} PRIVATE -fsanitize=fuzzer)
    add_dependencies(fuzzers fuzz_${_name})
endforeach()
