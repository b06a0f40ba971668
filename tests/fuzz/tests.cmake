# Replays each fuzz target's seed corpus and every crash the fuzzers ever found (kept in
# tests/fuzz/regressions/NAME) through the same target code, built with the normal compiler.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
foreach(_name IN LISTS UNCRUMPLE_FUZZ_TARGETS)
    add_executable(replay_${_name} fuzz/replaymain.cpp ${UNCRUMPLE_FUZZ_SOURCES_${_name}})
    target_include_directories(replay_${_name} PRIVATE ${PROJECT_SOURCE_DIR})
    target_link_libraries(replay_${_name} PRIVATE uncrumple_core uncrumple_flags
        ${UNCRUMPLE_FUZZ_LIBS_${_name}})
    set(_dirs ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${_name})
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/${_name})
        list(APPEND _dirs ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/${_name})
    endif()
    add_test(NAME fuzz_replay_${_name} COMMAND replay_${_name} ${_dirs})
    set_tests_properties(fuzz_replay_${_name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endforeach()
