uncrumple_add_test(test_cellgolden SOURCES cell/test_cellgolden.cpp LIBS uncrumple_core)
target_compile_definitions(test_cellgolden PRIVATE
    UNCRUMPLE_CELL_GOLDEN="${CMAKE_CURRENT_SOURCE_DIR}/cell/cellgolden.json")
uncrumple_add_test(test_cell SOURCES cell/test_cell.cpp LIBS uncrumple_core)
uncrumple_add_test(test_naiveloops SOURCES cell/test_naiveloops.cpp LIBS uncrumple_core)
uncrumple_add_test(test_gradienttape SOURCES cell/test_gradienttape.cpp LIBS uncrumple_core)
